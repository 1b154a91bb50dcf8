/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies and log lines are walked dynamically */
import { createHash, pbkdf2Sync, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_B_KEY, DEMO_KEY, LOCAL_CLIENTS_FILE, startStack, TestStack } from '../support/stack';
import { call, withoutIds } from './support/http';
import { PlatformTestModule } from './support/platform-test.module';

const sha = (key: string) => `sha256:${createHash('sha256').update(key).digest('hex')}`;
const WHOAMI = '/__platform_test/whoami';

function baseFile(): { schema_version: number; clients: any[] } {
  return JSON.parse(readFileSync(LOCAL_CLIENTS_FILE, 'utf8'));
}

describe('client authentication (docs/contract/headers.md#authentication)', () => {
  describe('with the local clients', () => {
    let stack: TestStack;
    beforeAll(async () => {
      stack = await startStack({ extraModules: [PlatformTestModule] });
    });
    afterAll(() => stack?.close());

    it('accepts the client key on its own client_id and attaches the client', async () => {
      const res = await call(stack.bffUrl, `/v1/demo${WHOAMI}`, { key: DEMO_KEY });
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ client_id: 'demo', context: { clientId: 'demo', keyId: 'local-a' } });
      const b = await call(stack.bffUrl, `/v1/demo-b${WHOAMI}`, { key: DEMO_B_KEY });
      expect(b.json.client_id).toBe('demo-b');
    });

    it('answers wrong, missing, empty, other-client and unknown-client keys with one identical 401 body', async () => {
      const attempts = await Promise.all([
        call(stack.bffUrl, `/v1/demo${WHOAMI}`, { key: 'local-demo-key-a-0123456789abcdef0124' }),
        call(stack.bffUrl, `/v1/demo${WHOAMI}`, { key: null }),
        call(stack.bffUrl, `/v1/demo${WHOAMI}`, { headers: { 'x-api-key': '' } }),
        call(stack.bffUrl, `/v1/demo${WHOAMI}`, { key: DEMO_B_KEY }),
        call(stack.bffUrl, `/v1/acme${WHOAMI}`, { key: DEMO_KEY }),
        call(stack.bffUrl, `/v1/NOT_A_VALID_ID${WHOAMI}`, { key: DEMO_KEY }),
        call(stack.bffUrl, `/v1/demo${WHOAMI}`, { headers: { authorization: `Bearer ${DEMO_KEY}` } }),
      ]);
      const first = withoutIds(attempts[0].json);
      expect(first).toEqual({ error: { code: 'unauthorized', message: expect.any(String) }, has_ids: true });
      for (const res of attempts) {
        expect(res.status).toBe(401);
        expect(res.headers.get('www-authenticate')).toBe('ApiKey header="x-api-key"');
        expect(withoutIds(res.json)).toEqual(first);
        expect(res.json.correlation_id).toBe(res.headers.get('x-correlation-id'));
        expect(res.json.request_id).toBe(res.headers.get('x-request-id'));
      }
    });

    it('treats the header name case-insensitively', async () => {
      const res = await call(stack.bffUrl, `/v1/demo${WHOAMI}`, { headers: { 'X-API-KEY': DEMO_KEY } });
      expect(res.status).toBe(200);
    });
  });

  describe('with a custom clients file', () => {
    let stack: TestStack;
    let dir: string;
    let file: string;
    const oldKey = `old-${randomBytes(16).toString('hex')}`;
    const newKey = `new-${randomBytes(16).toString('hex')}`;
    const offKey = `off-${randomBytes(16).toString('hex')}`;
    const legacyKey = `legacy-${randomBytes(16).toString('hex')}`;
    const expiredKey = `expired-${randomBytes(16).toString('hex')}`;
    const gammaKey = `gamma-${randomBytes(16).toString('hex')}`;

    const write = (mutate: (f: ReturnType<typeof baseFile>) => void) => {
      const f = baseFile();
      mutate(f);
      writeFileSync(file, JSON.stringify(f, null, 2));
    };
    const waitFor = async (check: () => Promise<boolean>, ms = 5000) => {
      const until = Date.now() + ms;
      while (Date.now() < until) {
        if (await check()) return true;
        await new Promise((r) => setTimeout(r, 50));
      }
      return false;
    };

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'tc-auth-'));
      file = join(dir, 'clients.json');
      const salt = randomBytes(16);
      const pbkdf2 = `pbkdf2:sha256:1000:${salt.toString('base64')}:${pbkdf2Sync(legacyKey, salt, 1000, 32, 'sha256').toString('base64')}`;
      write((f) => {
        f.clients[0].api_keys = [
          { id: 'old', hash: sha(oldKey) },
          { id: 'new', hash: sha(newKey) },
          { id: 'expired', hash: sha(expiredKey), expires_at: '2020-01-01T00:00:00Z' },
        ];
        f.clients[1].api_keys.push({ id: 'legacy', hash: pbkdf2 });
        f.clients.push({
          client_id: 'off',
          name: 'Switched off',
          enabled: false,
          api_keys: [{ id: 'k1', hash: sha(offKey) }],
          twelvego_api_key: 'sandbox-key-2',
        });
      });
      stack = await startStack({
        extraModules: [PlatformTestModule],
        clientsFile: file,
        env: { CLIENTS_CONFIG_POLL_MS: '50' },
      });
    });
    afterAll(() => stack?.close());

    it('answers 403 client_disabled to a valid key of a disabled client', async () => {
      const res = await call(stack.bffUrl, `/v1/off${WHOAMI}`, { key: offKey });
      expect(res.status).toBe(403);
      expect(res.json.error.code).toBe('client_disabled');
      const wrong = await call(stack.bffUrl, `/v1/off${WHOAMI}`, { key: newKey });
      expect(wrong.status).toBe(401);
    });

    it('accepts both active keys during a rotation, but not an expired one', async () => {
      expect((await call(stack.bffUrl, `/v1/demo${WHOAMI}`, { key: oldKey })).json.context.keyId).toBe('old');
      expect((await call(stack.bffUrl, `/v1/demo${WHOAMI}`, { key: newKey })).json.context.keyId).toBe('new');
      expect((await call(stack.bffUrl, `/v1/demo${WHOAMI}`, { key: expiredKey })).status).toBe(401);
    });

    it('verifies imported pbkdf2 hashes', async () => {
      const res = await call(stack.bffUrl, `/v1/demo-b${WHOAMI}`, { key: legacyKey });
      expect(res.status).toBe(200);
      expect(res.json.context.keyId).toBe('legacy');
      expect((await call(stack.bffUrl, `/v1/demo-b${WHOAMI}`, { key: `${legacyKey}x` })).status).toBe(401);
    });

    it('swaps clients on file change without a restart, and keeps the old snapshot on an invalid file', async () => {
      expect((await call(stack.bffUrl, `/v1/gamma${WHOAMI}`, { key: gammaKey })).status).toBe(401);
      write((f) => {
        f.clients[0].api_keys = [{ id: 'new', hash: sha(newKey) }];
        f.clients.push({
          client_id: 'gamma',
          name: 'Gamma',
          enabled: true,
          api_keys: [{ id: 'g1', hash: sha(gammaKey) }],
          twelvego_api_key: 'sandbox-key-1',
        });
      });
      expect(
        await waitFor(
          async () => (await call(stack.bffUrl, `/v1/gamma${WHOAMI}`, { key: gammaKey })).status === 200,
        ),
      ).toBe(true);
      expect((await call(stack.bffUrl, `/v1/demo${WHOAMI}`, { key: oldKey })).status).toBe(401);
      expect((await call(stack.bffUrl, `/v1/demo${WHOAMI}`, { key: newKey })).status).toBe(200);

      writeFileSync(file, '{ "schema_version": 1, "clients": [ { "client_id": "Bad!" } ] }');
      expect(
        await waitFor(async () => stack.logs.lines().some((l) => l.msg === 'config.reload_failed')),
      ).toBe(true);
      expect((await call(stack.bffUrl, `/v1/gamma${WHOAMI}`, { key: gammaKey })).status).toBe(200);
    });
  });
});
