/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies and log lines are walked dynamically */
import { DEMO_KEY, startStack, TestStack } from '../support/stack';
import { call } from './support/http';
import { PlatformTestModule } from './support/platform-test.module';

const ECHO = '/v1/demo/__platform_test/echo';
const JSON_HEADERS = { 'content-type': 'application/json' };
const VALID = JSON.stringify({ pax: 2, note: 'n', passengers: [{ first_name: 'Ann' }] });

function expectEnvelope(
  res: { status: number; json: any; headers: Headers; text: string },
  status: number,
  code: string,
) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
  expect(res.json.error.code).toBe(code);
  expect(typeof res.json.error.message).toBe('string');
  expect(res.json.correlation_id).toBe(res.headers.get('x-correlation-id'));
  expect(res.json.request_id).toBe(res.headers.get('x-request-id'));
  expect(res.text).not.toMatch(/\bat .+\.(ts|js):\d+/);
}

describe('one error envelope for every 4xx/5xx (docs/contract/errors.md, docs/contract/errors.md#envelope)', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startStack({ extraModules: [PlatformTestModule] });
  });
  afterAll(() => stack?.close());

  it('unknown route → 404 not_found (also outside /v1, also without a key)', async () => {
    expectEnvelope(await call(stack.bffUrl, '/v1/demo/nothing-here', { key: DEMO_KEY }), 404, 'not_found');
    expectEnvelope(await call(stack.bffUrl, '/nowhere'), 404, 'not_found');
    expectEnvelope(
      await call(stack.bffUrl, '/v1/demo/__platform_test/whoami/', { key: DEMO_KEY }),
      404,
      'not_found',
    );
  });

  it('a malformed path or an over-long path parameter → 400 validation_error', async () => {
    expectEnvelope(
      await call(stack.bffUrl, '/v1/demo/__platform_test/whoami%ZZ', { key: DEMO_KEY }),
      400,
      'validation_error',
    );
    expectEnvelope(
      await call(stack.bffUrl, `/v1/${'a'.repeat(1100)}/__platform_test/whoami`, { key: DEMO_KEY }),
      400,
      'validation_error',
    );
  });

  it('pathologically nested JSON → 400 validation_error, not a crash', async () => {
    const nest = (n: number): unknown => (n === 0 ? 1 : { a: [nest(n - 1)] });
    const res = await call(stack.bffUrl, ECHO, {
      key: DEMO_KEY,
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify(nest(200)),
    });
    expectEnvelope(res, 400, 'validation_error');
  });

  it('malformed HTTP framing is answered with the envelope too', async () => {
    const { connect } = await import('node:net');
    const url = new URL(stack.bffUrl);
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect({ host: url.hostname, port: Number(url.port) }, () =>
        socket.write('NOT HTTP AT ALL\r\n\r\n'),
      );
      let text = '';
      socket.on('data', (d) => (text += d.toString()));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400 /);
    const body = JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4));
    expect(body.error.code).toBe('validation_error');
    expect(raw).toContain(`x-correlation-id: ${body.correlation_id}`);
  });

  it('a matched route calling reply.callNotFound() → the same 404 not_found, not a 405', async () => {
    const res = await call(stack.bffUrl, '/v1/demo/__platform_test/hidden', { key: DEMO_KEY });
    expectEnvelope(res, 404, 'not_found');
    expect(res.headers.get('allow')).toBeNull();
  });

  it('known path, other method → 405 method_not_allowed with Allow', async () => {
    const res = await call(stack.bffUrl, '/v1/demo/__platform_test/whoami', {
      key: DEMO_KEY,
      method: 'DELETE',
    });
    expectEnvelope(res, 405, 'method_not_allowed');
    expect(res.headers.get('allow')).toContain('GET');
  });

  it('malformed JSON, a non-object and prototype poisoning → 400 invalid_json', async () => {
    for (const body of [
      '{"pax": 2,',
      '[1,2]',
      '"text"',
      '{"__proto__": {"admin": true}}',
      '{"constructor": {"prototype": {"x": 1}}}',
    ]) {
      expectEnvelope(
        await call(stack.bffUrl, ECHO, { key: DEMO_KEY, method: 'POST', headers: JSON_HEADERS, body }),
        400,
        'invalid_json',
      );
    }
  });

  it('oversized body → 413 payload_too_large', async () => {
    const body = JSON.stringify({ ...JSON.parse(VALID), note: 'x'.repeat(1_048_576) });
    expectEnvelope(
      await call(stack.bffUrl, ECHO, { key: DEMO_KEY, method: 'POST', headers: JSON_HEADERS, body }),
      413,
      'payload_too_large',
    );
  });

  it('wrong content type → 415 unsupported_media_type', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
      const res = await call(stack.bffUrl, ECHO, {
        key: DEMO_KEY,
        method: 'POST',
        headers: { 'content-type': type },
        body: 'pax=2',
      });
      expectEnvelope(res, 415, 'unsupported_media_type');
    }
    const ok = await call(stack.bffUrl, ECHO, {
      key: DEMO_KEY,
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: VALID,
    });
    expect(ok.status).toBe(201);
  });

  it('bodyless endpoints ignore any body, an empty JSON body included', async () => {
    for (const [type, body] of [
      ['application/json', ''],
      ['application/json', '{broken'],
      ['text/plain', 'anything'],
    ]) {
      const res = await call(stack.bffUrl, '/v1/demo/__platform_test/bodyless', {
        key: DEMO_KEY,
        method: 'POST',
        headers: { 'content-type': type },
        body,
      });
      expect(res.status).toBe(201);
    }
  });

  it('compresses larger responses when Accept-Encoding allows it', async () => {
    const body = JSON.stringify({ pax: 2, note: 'x'.repeat(4000), passengers: [{ first_name: 'Ann' }] });
    const { request } = await import('node:http');
    const raw = await new Promise<{ encoding?: string; length: number }>((resolve, reject) => {
      const req = request(
        `${stack.bffUrl}${ECHO}`,
        { method: 'POST', headers: { ...JSON_HEADERS, 'x-api-key': DEMO_KEY, 'accept-encoding': 'gzip' } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () =>
            resolve({ encoding: res.headers['content-encoding'], length: Buffer.concat(chunks).length }),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    });
    expect(raw.encoding).toBe('gzip');
    expect(raw.length).toBeLessThan(1000);
    const decoded = await call(stack.bffUrl, ECHO, {
      key: DEMO_KEY,
      method: 'POST',
      headers: { ...JSON_HEADERS, 'accept-encoding': 'br' },
      body,
    });
    expect(decoded.json.body.note).toHaveLength(4000);
  });

  it('DTO violations → 400 validation_error listing every problem', async () => {
    const body = JSON.stringify({ pax: 0, passengers: [{ first_name: 'Ann' }, { first_name: '42' }] });
    const res = await call(stack.bffUrl, ECHO, {
      key: DEMO_KEY,
      method: 'POST',
      headers: JSON_HEADERS,
      body,
    });
    expectEnvelope(res, 400, 'validation_error');
    expect(res.json.error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'pax', reason: 'out_of_range' }),
        expect.objectContaining({ field: 'note', reason: 'required' }),
        expect.objectContaining({ field: 'passengers[1].first_name', reason: 'pattern_mismatch' }),
      ]),
    );
    expect(res.json.error.details).toHaveLength(3);
  });

  it('an unexpected error → 500 internal_error, no stack or message in the body, stack in the logs', async () => {
    const res = await call(stack.bffUrl, '/v1/demo/__platform_test/boom', { key: DEMO_KEY });
    expectEnvelope(res, 500, 'internal_error');
    expect(res.text).not.toContain('kaboom');
    expect(res.json.error).toEqual({ code: 'internal_error', message: expect.any(String) });
    const logged = stack.logs
      .lines()
      .find((l) => l.request_id === res.json.request_id && l.msg === 'request completed');
    expect(logged.error).toMatchObject({ code: 'internal_error', stack: expect.stringContaining('kaboom') });
    expect(logged.status).toBe(500);
    expect(logged.correlation_id).toBe(res.json.correlation_id);
    expect(logged.level).toBe('error');
  });

  it('a 12go failure is mapped to the contract (connection refused → 502 upstream_unavailable)', async () => {
    const dead = await startStack({
      extraModules: [PlatformTestModule],
      twelvegoBaseUrl: 'http://127.0.0.1:9',
      env: { TWELVEGO_RETRY_MAX: '0' },
    });
    try {
      const res = await call(dead.bffUrl, '/v1/demo/__platform_test/upstream', { key: DEMO_KEY });
      expectEnvelope(res, 502, 'upstream_unavailable');
    } finally {
      await dead.close();
    }
  });
});
