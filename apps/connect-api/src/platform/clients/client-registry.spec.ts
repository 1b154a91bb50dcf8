import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { loadAppConfig } from '../config/load-app-config';
import { AppLogger } from '../logging/app-logger';
import { SecretScrubber } from '../logging/redaction';
import { ClientRegistry } from './client-registry';

const LOCAL = join(__dirname, '../../../../../config/clients.local.json');

describe('ClientRegistry (docs/platform.md#client-registry)', () => {
  let file: string;
  let registry: ClientRegistry;
  const lines: string[] = [];
  const scrubber = new SecretScrubber();

  beforeEach(() => {
    file = join(mkdtempSync(join(tmpdir(), 'tc-reg-')), 'clients.json');
    writeFileSync(file, readFileSync(LOCAL));
    const config = loadAppConfig({
      CLIENTS_CONFIG_PATH: file,
      CLIENTS_CONFIG_POLL_MS: '0',
      CONFIG_ALLOW_INLINE_SECRETS: 'true',
    });
    const logger = pino({}, new Writable({ write: (c, _e, cb) => (lines.push(c.toString()), cb()) }));
    registry = new ClientRegistry(config, new AppLogger(logger), scrubber);
    registry.onModuleInit();
  });
  afterEach(() => registry.onApplicationShutdown());

  it('loads the local demo clients', () => {
    expect(registry.all().map((c) => c.clientId)).toEqual(['demo', 'demo-b']);
    expect(registry.get('demo')).toMatchObject({ twelvegoApiKey: 'sandbox-key-1', enabled: true });
    expect(scrubber.scrub('x sandbox-key-2 y')).toBe('x [REDACTED] y');
  });

  it('swaps the snapshot on reload and keeps the old one when the file is invalid', async () => {
    const before = registry.snapshot();
    const changed = JSON.parse(readFileSync(file, 'utf8'));
    changed.clients[1].enabled = false;
    writeFileSync(file, JSON.stringify(changed));
    expect(await registry.reload()).toMatchObject({ ok: true, enabledClients: 1 });
    expect(registry.get('demo-b')!.enabled).toBe(false);
    expect(before.clients.get('demo-b')!.enabled).toBe(true);

    const current = registry.snapshot();
    writeFileSync(file, '{"schema_version": 1, "clients": "nope"}');
    const failed = await registry.reload();
    expect(failed.ok).toBe(false);
    expect(failed.problems!.length).toBeGreaterThan(0);
    expect(registry.snapshot()).toBe(current);
    expect(lines.join('')).toContain('config.reload_failed');
  });

  it('reloads on SIGHUP', async () => {
    const changed = JSON.parse(readFileSync(file, 'utf8'));
    changed.clients.pop();
    writeFileSync(file, JSON.stringify(changed));
    process.emit('SIGHUP', 'SIGHUP');
    await new Promise((r) => setImmediate(r));
    expect(registry.get('demo-b')).toBeUndefined();
  });

  it('fails at boot with a readable list when the file is invalid', () => {
    writeFileSync(file, '{"schema_version": 1, "clients": [{"client_id": "X"}]}');
    const config = loadAppConfig({ CLIENTS_CONFIG_PATH: file, CLIENTS_CONFIG_POLL_MS: '0' });
    const broken = new ClientRegistry(config, new AppLogger(pino({ level: 'silent' })));
    expect(() => broken.onModuleInit()).toThrow(/Invalid client configuration[\s\S]*client_id must match/);
  });
});
