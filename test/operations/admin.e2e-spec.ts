/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies and log lines are walked dynamically */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { LOCAL_CLIENTS_FILE, startStack, TestStack, writeClientsFile } from '../support/stack';
import { call } from '../platform/support/http';

const TOKEN_A = 'admin-token-a-0123456789abcdef0123456789';
const TOKEN_B = 'admin-token-b-0123456789abcdef0123456789';
const bearer = (t: string) => ({ authorization: `Bearer ${t}` });

describe('admin API (docs/operations.md#admin-api)', () => {
  describe('without ADMIN_TOKENS', () => {
    let stack: TestStack;
    beforeAll(async () => {
      stack = await startStack({ env: { ADMIN_TOKENS: '' } });
    });
    afterAll(() => stack?.close());

    it('answers 404 on every admin route, with or without a token', async () => {
      for (const [method, path] of [
        ['GET', '/admin/version'],
        ['GET', '/admin/clients'],
        ['GET', '/admin/clients/demo'],
        ['POST', '/admin/config/reload'],
        ['GET', '/admin/notifications/stats'],
      ]) {
        const res = await call(stack.bffUrl, path, { method, headers: bearer(TOKEN_A) });
        expect({ path, status: res.status, code: res.json?.error?.code }).toEqual({
          path,
          status: 404,
          code: 'not_found',
        });
      }
    });
  });

  describe('with two tokens', () => {
    let stack: TestStack;
    let clientsFile: string;
    beforeAll(async () => {
      clientsFile = writeClientsFile(() => undefined);
      stack = await startStack({
        clientsFile,
        env: { ADMIN_TOKENS: `${TOKEN_A},${TOKEN_B}` },
        secrets: [TOKEN_A, TOKEN_B],
      });
    });
    afterAll(() => stack?.close());

    it('refuses a missing, wrong or non-bearer token with 401', async () => {
      const variants: Record<string, string>[] = [
        {},
        bearer(`${TOKEN_A}x`),
        { authorization: TOKEN_A },
        { 'x-api-key': TOKEN_A },
      ];
      for (const headers of variants) {
        const res = await call(stack.bffUrl, '/admin/version', { headers });
        expect(res.status).toBe(401);
        expect(res.json.error.code).toBe('unauthorized');
      }
    });

    it('/admin/version shows build, instance and the clients file SHA-256', async () => {
      const res = await call(stack.bffUrl, '/admin/version', { headers: bearer(TOKEN_B) });
      expect(res.status).toBe(200);
      const sha = createHash('sha256').update(readFileSync(clientsFile)).digest('hex');
      expect(res.json).toMatchObject({
        service: expect.any(String),
        version: expect.any(String),
        build_sha: expect.any(String),
        build_time: expect.any(String),
        node_version: process.version,
        instance_id: expect.any(String),
        role: 'all',
        config_sha256: sha,
        clients_enabled: 2,
      });
      expect(Date.parse(res.json.started_at)).not.toBeNaN();
      expect(Date.parse(res.json.config_loaded_at)).not.toBeNaN();
      expect(res.json.uptime_s).toBeGreaterThanOrEqual(0);
    });

    it('/admin/clients masks keys and secrets', async () => {
      const res = await call(stack.bffUrl, '/admin/clients', { headers: bearer(TOKEN_A) });
      expect(res.status).toBe(200);
      const demo = res.json.clients.find((c: any) => c.client_id === 'demo');
      expect(demo.twelvego_api_key).toEqual({ value: '****ey-1', source: 'inline' });
      expect(demo.api_keys).toEqual([
        expect.objectContaining({ id: 'local-a', status: 'active', hash_prefix: '2dc03b9c' }),
      ]);
      expect(res.text).not.toContain('sandbox-key-1');
      expect(res.text).not.toContain('2dc03b9c27e5');
      expect(res.text).not.toContain(stack.demoKey);

      const one = await call(stack.bffUrl, '/admin/clients/demo-b', { headers: bearer(TOKEN_A) });
      expect(one.status).toBe(200);
      expect(one.json.client_id).toBe('demo-b');
      expect(one.json.rate_limit).toEqual({ rps: 100, burst: 200 });
      const missing = await call(stack.bffUrl, '/admin/clients/nobody', { headers: bearer(TOKEN_A) });
      expect(missing.status).toBe(404);
    });

    it('POST /admin/config/reload applies a valid file and keeps the old one on an invalid file', async () => {
      const file = JSON.parse(readFileSync(LOCAL_CLIENTS_FILE, 'utf8'));
      file.clients[1].enabled = false;
      writeFileSync(clientsFile, JSON.stringify(file));
      const ok = await call(stack.bffUrl, '/admin/config/reload', {
        method: 'POST',
        headers: bearer(TOKEN_A),
      });
      expect(ok.status).toBe(200);
      expect(ok.json).toMatchObject({ ok: true, problems: [], clients_enabled: 1 });
      expect(ok.json.config_sha256).toBe(
        createHash('sha256').update(readFileSync(clientsFile)).digest('hex'),
      );

      writeFileSync(clientsFile, '{"schema_version": 2, "clients": []}');
      const bad = await call(stack.bffUrl, '/admin/config/reload', {
        method: 'POST',
        headers: bearer(TOKEN_A),
      });
      expect(bad.status).toBe(200);
      expect(bad.json.ok).toBe(false);
      expect(bad.json.problems.length).toBeGreaterThan(0);
      expect(bad.json.config_sha256).toBe(ok.json.config_sha256);
    });

    it('limits admin bodies to 64 KiB', async () => {
      const res = await call(stack.bffUrl, '/admin/config/reload', {
        method: 'POST',
        headers: { ...bearer(TOKEN_A), 'content-type': 'application/json' },
        body: JSON.stringify({ pad: 'x'.repeat(70_000) }),
      });
      expect(res.status).toBe(413);
      expect(res.json.error.code).toBe('payload_too_large');
    });

    it('audit-logs every call with the token id, never the token', async () => {
      await call(stack.bffUrl, '/admin/clients/demo?view=full', { headers: bearer(TOKEN_B) });
      await call(stack.bffUrl, '/admin/version', {
        headers: bearer('not-the-token-0123456789abcdef0123456'),
      });
      const audit = stack.logs.lines().filter((l) => l.msg === 'admin.audit');
      expect(audit).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            action: 'GET /admin/clients/:client_id',
            params: { client_id: 'demo' },
            query: { view: 'full' },
            token_id: 'admin-2',
            source_ip: '127.0.0.1',
            status_code: 200,
          }),
          expect.objectContaining({ action: 'GET /admin/version', token_id: null, status_code: 401 }),
          expect.objectContaining({ action: 'POST /admin/config/reload', token_id: 'admin-1' }),
        ]),
      );
      expect(stack.logs.text()).not.toContain(TOKEN_A);
      expect(stack.logs.text()).not.toContain(TOKEN_B);
    });

    it('limits admin calls to 10 per second per instance', async () => {
      // 50 at once: the bucket (10, +10/s) can only pass them all if they reach the server over 4 s or more.
      // The exact arithmetic under a fake clock is in admin-auth.step.spec.ts.
      const started = performance.now();
      const statuses = await Promise.all(
        Array.from({ length: 50 }, () => call(stack.bffUrl, '/admin/version', { headers: bearer(TOKEN_A) })),
      );
      const windowS = (performance.now() - started) / 1000;
      expect(statuses.filter((r) => r.status === 429).length).toBeGreaterThan(0);
      expect(statuses.every((r) => r.status === 200 || r.status === 429)).toBe(true);
      // never more than the burst plus what can have refilled while they were in flight
      expect(statuses.filter((r) => r.status === 200).length).toBeLessThanOrEqual(10 + Math.floor(10 * windowS));
    });
  });
});
