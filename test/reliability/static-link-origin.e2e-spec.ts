import { startStack, type TestStack } from '../support/stack';
import { eventually, rawGet } from '../static-data/static-data.helpers';

/**
 * Signed static links (hardening issue, item 4): without STATIC_LINK_BASE_URL (never in production) the
 * link's origin is this instance's listen address; Host and X-Forwarded-* never choose where it points,
 * even from a trusted proxy.
 */
describe('reliability: signed static links ignore Host and X-Forwarded-* headers', () => {
  let stack: TestStack;
  const key = () => ({ 'x-api-key': stack.demoKey });

  beforeAll(async () => {
    stack = await startStack({ env: { HOST: '127.0.0.1', TRUST_PROXY: '127.0.0.1' } });
    await eventually(async () =>
      (await rawGet(`${stack.bffUrl}/v1/demo/stations`, key())).status === 200 ? true : undefined,
    );
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('refuses to boot in production without STATIC_LINK_BASE_URL', async () => {
    await expect(startStack({ env: { NODE_ENV: 'production' } })).rejects.toThrow(
      /STATIC_LINK_BASE_URL is required in production/,
    );
  });

  it('answers an expired or altered link with 401 unauthorized (the only status the contract pairs with it)', async () => {
    const link = new URL((await rawGet(`${stack.bffUrl}/v1/demo/pois`, key())).text);
    const expired = new URL(link);
    expired.searchParams.set('expires', String(Math.floor(Date.now() / 1000) - 60));
    const altered = new URL(link);
    altered.searchParams.set('locale', 'th');
    for (const url of [expired, altered]) {
      const res = await rawGet(url.toString());
      expect(res.status).toBe(401);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('unauthorized');
    }
    // The served OpenAPI says the same.
    const doc = (await (await fetch(`${stack.bffUrl}/docs-json`)).json()) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    const stations = doc.paths['/v1/{client_id}/stations'].get.responses;
    expect(stations['200'].description).toContain('401 unauthorized');
    expect(stations['401'].description).toContain('signed link');
    expect(stations['403'].description).not.toContain('unauthorized');
  });

  it.each([
    ['Host', { host: 'evil.example' }],
    ['X-Forwarded-Host', { 'x-forwarded-host': 'evil.example' }],
    ['X-Forwarded-Proto + Host', { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'evil.example:443' }],
    ['Forwarded', { forwarded: 'host=evil.example;proto=https' }],
  ])('a %s header does not change the link origin', async (_name, headers) => {
    for (const doc of ['stations', 'operating_carriers', 'pois']) {
      const res = await rawGet(`${stack.bffUrl}/v1/demo/${doc}`, { ...key(), ...headers });
      expect(res.status).toBe(200);
      expect(res.text).not.toContain('evil.example');
      expect(new URL(res.text).origin).toBe(stack.bffUrl);
    }
  });
});
