import { defaultIdBase, loadSandboxConfig } from './sandbox-config';

describe('sandbox id base', () => {
  it('defaults to a value derived from the start time, so a restart never reuses an id', () => {
    const t = Date.UTC(2026, 11, 2, 13, 0, 0);
    expect(defaultIdBase(t + 1)).toBeGreaterThan(defaultIdBase(t));
    expect(defaultIdBase(t)).toBe(t - Date.UTC(2024, 0, 1));
    expect(defaultIdBase(0)).toBe(0);
  });

  it('SANDBOX_ID_BASE pins it for deterministic runs and is validated', () => {
    expect(loadSandboxConfig({ SANDBOX_ID_BASE: '0' }).idBase).toBe(0);
    expect(loadSandboxConfig({ SANDBOX_ID_BASE: '5000' }).idBase).toBe(5000);
    expect(loadSandboxConfig({}).idBase).toBeGreaterThan(0);
    expect(() => loadSandboxConfig({ SANDBOX_ID_BASE: '-1' })).toThrow('SANDBOX_ID_BASE');
  });
});
