import { SandboxHarness, reserveBodyFor, startSandbox } from './sandbox-harness';

/** docs/upstream-12go.md#faults X-Sandbox-Fault and docs/upstream-12go.md#admin-api fault rules. */

const VIP = 'TH013p030l03Jb004030KpBe';
const VIP_DEP = '2026-05-14-20-00-00';
const SEARCH = '/search/1p/44p/2026-05-14?seats=1&direct=true';

describe('sandbox faults', () => {
  let sb: SandboxHarness;
  const fault = (path: string, value: string, method = 'GET', body?: unknown) =>
    sb.call(method, path, { headers: { 'x-sandbox-fault': value }, body });

  beforeAll(async () => {
    sb = await startSandbox();
  });
  afterAll(() => sb.close());
  afterEach(() => sb.admin('DELETE', '/faults'));

  it('status: JSON error bodies for 4xx/5xx, HTML proxy pages for 502/504, Retry-After for 429', async () => {
    const s500 = await fault(SEARCH, 'status=500');
    expect(s500.status).toBe(500);
    expect(s500.json).toEqual({ messages: ['Internal server error'] });
    const s503 = await fault(SEARCH, 'status=503');
    expect(s503.status).toBe(503);
    const s502 = await fault(SEARCH, 'status=502');
    expect(s502.status).toBe(502);
    expect(s502.headers.get('content-type')).toMatch(/text\/html/);
    expect(s502.text).toContain('502 Bad Gateway');
    expect((await fault(SEARCH, 'status=504')).text).toContain('504 Gateway Timeout');
    const s429 = await fault(SEARCH, 'status=429;retryafter=7');
    expect(s429.status).toBe(429);
    expect(s429.headers.get('retry-after')).toBe('7');
    expect(s429.json).toEqual({ messages: ['Too many requests'] });
    const s422 = await fault(SEARCH, 'status=422');
    expect(s422.status).toBe(422);
  });

  it('delay: waits before answering', async () => {
    const started = Date.now();
    const res = await fault(SEARCH, 'delay=300');
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('body: truncate, html, empty, notjson, wrongshape', async () => {
    const full = await sb.get(SEARCH);
    const truncated = await fault(SEARCH, 'body=truncate');
    expect(truncated.status).toBe(200);
    expect(truncated.text).toBe(full.text.slice(0, Math.floor(full.text.length / 2)));
    expect(truncated.json).toBeUndefined();
    expect((await fault(SEARCH, 'body=html')).text).toMatch(/^<!DOCTYPE html>/);
    expect((await fault(SEARCH, 'body=empty')).text).toBe('');
    const notJson = await fault(SEARCH, 'body=notjson');
    expect(notJson.status).toBe(200);
    expect(notJson.json).toBeUndefined();
    expect((await fault(SEARCH, 'body=wrongshape')).json).toEqual({ trips: null });
    expect((await fault(`/trip/${VIP}/${VIP_DEP}?seats=1`, 'body=wrongshape')).json).toEqual([]);
  });

  it('conn=reset destroys the socket; conn=hang never answers', async () => {
    await expect(fault(SEARCH, 'conn=reset')).rejects.toThrow();
    const started = Date.now();
    await expect(
      sb.call('GET', SEARCH, {
        headers: { 'x-sandbox-fault': 'conn=hang' },
        signal: AbortSignal.timeout(300),
      }),
    ).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('execute=true runs the handler before failing ("failed but done")', async () => {
    const cart = await sb.post(`/cart/${VIP}/${VIP_DEP}?seats=1`);
    const form = (await sb.get(`/checkout/${cart.json}`)).json;
    const res = await fault(
      `/reserve/${cart.json}`,
      'status=500;execute=true',
      'POST',
      reserveBodyFor(form, 1),
    );
    expect(res.status).toBe(500);
    const again = await sb.post(`/reserve/${cart.json}`, reserveBodyFor(form, 1));
    expect(again.status).toBe(409);
    expect(again.json.data.bid).toBe(70000001);
    // without execute nothing happens
    const cart2 = await sb.post(`/cart/${VIP}/${VIP_DEP}?seats=1`);
    expect(
      (await fault(`/reserve/${cart2.json}`, 'status=503', 'POST', reserveBodyFor(form, 1))).status,
    ).toBe(503);
    expect((await sb.post(`/reserve/${cart2.json}`, reserveBodyFor(form, 1))).status).toBe(200);
    // reset after execution
    const cart3 = await sb.post(`/cart/${VIP}/${VIP_DEP}?seats=1`);
    await expect(
      fault(`/reserve/${cart3.json}`, 'conn=reset;execute=true', 'POST', reserveBodyFor(form, 1)),
    ).rejects.toThrow();
    expect((await sb.post(`/reserve/${cart3.json}`, reserveBodyFor(form, 1))).status).toBe(409);
  });

  it('ignores the header when SANDBOX_ALLOW_HEADER_FAULTS=false', async () => {
    const strict = await startSandbox({ SANDBOX_ALLOW_HEADER_FAULTS: 'false' });
    try {
      const res = await strict.call('GET', SEARCH, { headers: { 'x-sandbox-fault': 'status=500' } });
      expect(res.status).toBe(200);
    } finally {
      await strict.close();
    }
  });

  describe('admin fault rules', () => {
    it('match method, path glob and api key, honour times, and list/delete', async () => {
      const created = await sb.admin('POST', '/faults', {
        match: { method: 'GET', path: '/search/**', apiKey: 'sandbox-key-1' },
        action: { status: 503 },
        times: 2,
      });
      expect(created.status).toBe(201);
      expect(created.json.id).toMatch(/^f\d+$/);
      expect((await sb.get(SEARCH, 'sandbox-key-2')).status).toBe(200);
      expect((await sb.get(SEARCH)).status).toBe(503);
      expect((await sb.get(SEARCH)).status).toBe(503);
      expect((await sb.get(SEARCH)).status).toBe(200);
      const list = await sb.admin('GET', '/faults');
      expect(list.json[0]).toMatchObject({ id: created.json.id, remaining: 0, hits: 2 });
      expect((await sb.admin('DELETE', `/faults/${created.json.id}`)).status).toBe(200);
      expect((await sb.admin('GET', '/faults')).json).toEqual([]);
      expect((await sb.admin('DELETE', '/faults/f999')).status).toBe(404);
    });

    it('single-segment globs, delay-only rules pass through, body corruption and custom headers', async () => {
      await sb.admin('POST', '/faults', { match: { path: '/trip/*' }, action: { body: 'truncate' } });
      expect((await sb.get(`/trip/${VIP}/${VIP_DEP}?seats=1`)).status).toBe(200);
      await sb.admin('DELETE', '/faults');
      await sb.admin('POST', '/faults', {
        match: { path: '/trip/*/*' },
        action: { body: 'notjson', headers: { 'x-extra': 'yes' } },
      });
      const corrupted = await sb.get(`/trip/${VIP}/${VIP_DEP}?seats=1`);
      expect(corrupted.json).toBeUndefined();
      expect(corrupted.headers.get('x-extra')).toBe('yes');
      await sb.admin('DELETE', '/faults');
      await sb.admin('POST', '/faults', { match: { path: '/search/**' }, action: { delayMs: 200 } });
      const started = Date.now();
      expect((await sb.get(SEARCH)).status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    });

    it('probability draws from a seeded stream: the same sequence faults the same requests', async () => {
      const pattern = async () => {
        await sb.admin('POST', '/reset', {});
        await sb.admin('POST', '/faults', {
          match: { path: '/search/**' },
          action: { status: 500 },
          probability: 0.5,
        });
        const out: number[] = [];
        for (let i = 0; i < 12; i++) out.push((await sb.get(SEARCH)).status);
        return out;
      };
      const first = await pattern();
      expect(first).toContain(500);
      expect(first).toContain(200);
      expect(await pattern()).toEqual(first);
    });

    it('rejects invalid rules', async () => {
      expect((await sb.admin('POST', '/faults', { action: { status: 200 } })).status).toBe(400);
      expect((await sb.admin('POST', '/faults', { action: { conn: 'close' } })).status).toBe(400);
      expect((await sb.admin('POST', '/faults', { action: { status: 500 }, times: 0 })).status).toBe(400);
    });
  });
});
