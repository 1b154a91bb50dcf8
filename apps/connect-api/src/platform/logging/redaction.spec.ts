import { Writable } from 'node:stream';
import type { AppConfig } from '../config/app-config';
import { createRootLogger } from './create-logger';
import { redactSecrets, sanitizePersonalData, sanitizeUrl, SecretScrubber } from './redaction';

describe('redaction (docs/platform.md#logs-and-redaction)', () => {
  it('removes k from URLs and masks the webhook path secret', () => {
    expect(sanitizeUrl('/search/1p/2p/2026-01-01?seats=1&k=abc&lang=en')).toBe(
      '/search/1p/2p/2026-01-01?seats=1&k=[REDACTED]&lang=en',
    );
    expect(sanitizeUrl('/webhooks/12go/supersecretpathvalue?x=1')).toBe('/webhooks/12go/***?x=1');
    expect(sanitizeUrl('/v1/demo/itineraries?pax=1&x-api-key=local-demo-key&API_KEY=a&token=t&kk=1')).toBe(
      '/v1/demo/itineraries?pax=1&x-api-key=[REDACTED]&API_KEY=[REDACTED]&token=[REDACTED]&kk=1',
    );
  });

  it('sanitises personal data recursively, bracket keys included', () => {
    expect(
      sanitizePersonalData({
        contact: { email: 'a@b.c', mobile: '1' },
        'passenger[0][first_name]': 'Ann',
        passengers: [{ last_name: 'X', seat: '1A' }],
        total: 5,
      }),
    ).toEqual({
      contact: { email: '[REDACTED]', mobile: '[REDACTED]' },
      'passenger[0][first_name]': '[REDACTED]',
      passengers: [{ last_name: '[REDACTED]', seat: '1A' }],
      total: 5,
    });
  });

  it('the root logger redacts secret properties at any depth, headers, errors and child bindings', () => {
    const out: string[] = [];
    const scrubber = new SecretScrubber();
    scrubber.setSecrets(['sandbox-key-1']);
    const config = { LOG_LEVEL: 'info', DD_SERVICE: 'svc', DD_VERSION: 'v' } as unknown as AppConfig;
    const logger = createRootLogger(
      config,
      scrubber,
      new Writable({ write: (c, _e, cb) => (out.push(c.toString()), cb()) }),
    );
    const fields = {
      req: { headers: { 'x-api-key': 'K1', authorization: 'Bearer T', accept: 'json' } },
      deep: { a: { b: { c: { api_key: 'K2', keep: 'visible' } } } },
      list: [{ token: 'K4' }, 'plain'],
      k: 'K3',
    };
    logger.info(fields, 'x');
    logger.info({ note: 'called /x?k=sandbox-key-1 with sandbox-key-1' });
    const failure = Object.assign(new Error('upstream said no'), { config: { params: { k: 'K5' } } });
    logger.error({ err: failure, context: 'Test' }, 'failed');
    logger.child({ secret: 'K6', context: 'child' }).info('from a child');
    const text = out.join('');
    for (const secret of ['K1', 'Bearer T', 'K2', 'K3', 'K4', 'K5', 'K6', 'sandbox-key-1'])
      expect(text).not.toContain(secret);
    const [first, , error, child] = out.map((l) => JSON.parse(l));
    expect(first.deep.a.b.c).toEqual({ api_key: '[REDACTED]', keep: 'visible' });
    expect(first.req.headers.accept).toBe('json');
    expect(first.list).toEqual([{ token: '[REDACTED]' }, 'plain']);
    expect(error.err).toMatchObject({ type: 'Error', message: 'upstream said no' });
    expect(error.err.stack).toContain('upstream said no');
    expect(child.context).toBe('child');
    // The caller's objects are not changed.
    expect(fields.deep.a.b.c.api_key).toBe('K2');
    expect(failure.config.params.k).toBe('K5');
  });

  it('redactSecrets returns the very same object when nothing is secret', () => {
    const clean = { a: 1, b: { c: [1, { d: 'x' }] }, when: new Date(0) };
    expect(redactSecrets(clean)).toBe(clean);
  });
});
