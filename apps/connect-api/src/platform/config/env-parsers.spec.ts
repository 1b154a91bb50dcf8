import { envFlag, parseEnvBoolean } from './env-parsers';
import { ConfigValidationError, loadAppConfig } from './load-app-config';

describe('parseEnvBoolean', () => {
  it('reads the accepted spellings and leaves anything else unchanged', () => {
    expect(['true', ' YES ', '1', 'on'].map(parseEnvBoolean)).toEqual([true, true, true, true]);
    expect(['false', 'No', '0', 'OFF'].map(parseEnvBoolean)).toEqual([false, false, false, false]);
    expect(parseEnvBoolean('maybe')).toBe('maybe');
    expect(parseEnvBoolean(undefined)).toBeUndefined();
  });
});

describe('envFlag (tracer.ts)', () => {
  it('falls back when unset, blank or bad', () => {
    expect(envFlag(undefined, true)).toBe(true);
    expect(envFlag('  ', true)).toBe(true);
    expect(envFlag('maybe', true)).toBe(true);
    expect(envFlag('off', true)).toBe(false);
    expect(envFlag('0', true)).toBe(false);
  });
});

describe('DD_TRACE_ENABLED / DD_LOGS_INJECTION in the boot config', () => {
  it('default to true and parse like every other boolean', () => {
    const c = loadAppConfig({});
    expect([c.DD_TRACE_ENABLED, c.DD_LOGS_INJECTION]).toEqual([true, true]);
    const off = loadAppConfig({ DD_TRACE_ENABLED: 'off', DD_LOGS_INJECTION: '0' });
    expect([off.DD_TRACE_ENABLED, off.DD_LOGS_INJECTION]).toEqual([false, false]);
  });
  it('stop the boot on a bad value', () => {
    expect(() => loadAppConfig({ DD_TRACE_ENABLED: 'maybe' })).toThrow(ConfigValidationError);
    try {
      loadAppConfig({ DD_TRACE_ENABLED: 'maybe', DD_LOGS_INJECTION: 'sure' });
    } catch (e) {
      expect((e as ConfigValidationError).problems).toEqual([
        'DD_TRACE_ENABLED must be true or false',
        'DD_LOGS_INJECTION must be true or false',
      ]);
    }
  });
});
