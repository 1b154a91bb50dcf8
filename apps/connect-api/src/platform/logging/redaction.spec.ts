import { Writable } from 'node:stream';
import pino from 'pino';
import { REDACT_PATHS, sanitizePersonalData, sanitizeUrl, SecretScrubber } from './redaction';

describe('redaction (operations.md §4.3)', () => {
  it('removes k from URLs and masks the webhook path secret', () => {
    expect(sanitizeUrl('/search/1p/2p/2026-01-01?seats=1&k=abc&lang=en')).toBe(
      '/search/1p/2p/2026-01-01?seats=1&k=[REDACTED]&lang=en',
    );
    expect(sanitizeUrl('/webhooks/12go/supersecretpathvalue?x=1')).toBe('/webhooks/12go/***?x=1');
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

  it('pino redact paths cover headers and secret properties; the scrubber removes configured secrets', () => {
    const out: string[] = [];
    const scrubber = new SecretScrubber();
    scrubber.setSecrets(['sandbox-key-1']);
    const logger = pino(
      {
        redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
        hooks: { streamWrite: (s) => scrubber.scrub(s) },
      },
      new Writable({ write: (c, _e, cb) => (out.push(c.toString()), cb()) }),
    );
    logger.info(
      {
        req: { headers: { 'x-api-key': 'K1', authorization: 'Bearer T' } },
        deep: { a: { api_key: 'K2' } },
        k: 'K3',
      },
      'x',
    );
    logger.info({ note: 'called /x?k=sandbox-key-1 with sandbox-key-1' });
    const text = out.join('');
    for (const secret of ['K1', 'Bearer T', 'K2', 'K3', 'sandbox-key-1']) expect(text).not.toContain(secret);
  });
});
