import fc from 'fast-check';

/** Values that break naive code: limits, types in disguise, injection strings, odd Unicode, prototype keys. */
export const NASTY_STRINGS = [
  '',
  ' ',
  '0',
  '-1',
  '1.5',
  '1e309',
  '9999999999999999999999',
  'NaN',
  'Infinity',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  '../../../etc/passwd',
  '..%2F..%2Fetc%2Fpasswd',
  '%00',
  '\u0000',
  '\uFEFF',
  '\u202Eabc',
  '😀🚌',
  'Ünïcödé',
  '<script>alert(1)</script>',
  "' OR '1'='1",
  '${jndi:ldap://x}',
  '{{7*7}}',
  'a'.repeat(300),
  'x'.repeat(5000),
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '1970-01-01',
  '9999-12-31',
  'TH02lb02lc2Bhb0xbZOKINST-2026-12-01-05:00',
  'TH02lb02lc2Bhb0xbZOKINST-2026-12-01-05:00~0',
  'TH02lb02lc2Bhb0xbZOKINST-2026-12-01-05:00~101',
  '70000001',
  '-70000001',
  '0x10',
];

/** Any string, weighted towards the nasty ones; `maxLength` bounds the random part. */
export function anyString(maxLength = 40): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
    { weight: 3, arbitrary: fc.string({ maxLength }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength }) },
    { weight: 1, arbitrary: fc.integer({ min: -1_000_000, max: 100_000_000 }).map(String) },
  );
}

/** Percent-encodes a value, sometimes leaving a malformed or over-long escape in (still valid HTTP bytes). */
export function encodedValue(value: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(value, fc.constantFrom('plain', 'plain', 'plain', 'double', 'badpct', 'badutf8', 'plus'))
    .map(([v, mode]) => {
      const e = encodeURIComponent(v);
      switch (mode) {
        case 'double':
          return encodeURIComponent(e);
        case 'badpct':
          return `${e}%`;
        case 'badutf8':
          return `${e}%C3%28%FF%FE`;
        case 'plus':
          return e.replace(/%20/g, '+');
        default:
          return e;
      }
    });
}

/**
 * A query string: a valid one as is, a valid one with a few mutations (value replaced, key dropped,
 * duplicated, random key added), or one built from the endpoint's keys and random keys.
 */
export function queryString(
  known: Record<string, fc.Arbitrary<string>>,
  valid?: string,
): fc.Arbitrary<string> {
  const keys = Object.keys(known);
  const knownPair = fc
    .constantFrom(...(keys.length ? keys : ['q']))
    .chain((k) =>
      fc.tuple(
        fc.constantFrom(k, `${k}[]`, `${k}[0]`, `${k.toUpperCase()}`),
        fc.oneof(known[k] ?? anyString(), anyString()),
      ),
    )
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  const randomPair = fc.oneof(
    fc.tuple(encodedValue(anyString(12)), encodedValue(anyString())).map(([k, v]) => `${k}=${v}`),
    fc.constantFrom(
      'a[b][c]=1',
      '__proto__[x]=1',
      'constructor[prototype][x]=1',
      '&&&',
      '=',
      '==',
      'k',
      'a=1&a=2&a=3',
    ),
  );
  const built = fc.array(
    fc.oneof({ weight: 6, arbitrary: knownPair }, { weight: 2, arbitrary: randomPair }),
    { maxLength: 12 },
  );
  const arbitraries: Array<fc.WeightedArbitrary<string[]>> = [{ weight: 2, arbitrary: built }];
  if (valid) {
    const base = valid.split('&').filter(Boolean);
    const mutation = fc.oneof(
      fc.tuple(fc.nat(base.length - 1), knownPair).map(
        ([i, p]) =>
          (pairs: string[]) =>
            pairs.map((x, j) => (j === i ? p : x)),
      ),
      fc.nat(base.length - 1).map((i) => (pairs: string[]) => pairs.filter((_, j) => j !== i)),
      fc.nat(base.length - 1).map((i) => (pairs: string[]) => [...pairs, pairs[i]]),
      fc.oneof(knownPair, randomPair).map((p) => (pairs: string[]) => [...pairs, p]),
    );
    arbitraries.push({ weight: 2, arbitrary: fc.constant(base) });
    arbitraries.push({
      weight: 4,
      arbitrary: fc
        .array(mutation, { minLength: 1, maxLength: 3 })
        .map((ms) => ms.reduce((pairs, m) => m(pairs), base)),
    });
  }
  return fc.oneof(...arbitraries).map((pairs) => (pairs.length ? `?${pairs.join('&')}` : ''));
}

/** A random JSON document, deep or wide now and then. */
export function jsonValue(): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
    { weight: 1, arbitrary: fc.integer({ min: 50, max: 3000 }).map((d) => nest(d)) },
    {
      weight: 1,
      arbitrary: fc.integer({ min: 100, max: 20_000 }).map((n) => Array.from({ length: n }, (_, i) => i)),
    },
  );
}

function nest(depth: number): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

/** Raw body bytes: JSON of an object built from `shape`, random JSON, broken JSON, huge or prototype-polluting. */
export function bodyText(shape: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    { weight: 6, arbitrary: shape.map((o) => JSON.stringify(o)) },
    { weight: 2, arbitrary: jsonValue().map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: fc.constant(undefined) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '',
        '{',
        '{"a":',
        'null',
        '"string"',
        '[1,2',
        '{"__proto__":{"polluted":true}}',
        '{"constructor":{"prototype":{"polluted":true}}}',
        '{"a":1,"a":2}',
        '\uFEFF{}',
        '{"booking_token":"x","booking_data":{"passengers":[{"__proto__":{"x":1}}]}}',
        `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
        `{"big":"${'x'.repeat(1_200_000)}"}`,
        '{"n":1e999999}',
      ),
    },
  );
}

/** Request headers: mostly authenticated; sometimes a wrong, missing or other client's key; odd tracing headers. */
export function headers(
  goodKey: string,
  otherKey: string,
  wantsBody: boolean,
): fc.Arbitrary<Record<string, string>> {
  const headerSafe = fc.string({ maxLength: 120 }).map((s) => s.replace(/[^\x20-\x7e]/g, ''));
  return fc
    .record(
      {
        key: fc.oneof(
          { weight: 12, arbitrary: fc.constant(goodKey) },
          { weight: 1, arbitrary: fc.constant(otherKey) },
          {
            weight: 1,
            arbitrary: fc.constantFrom(
              '',
              'x',
              goodKey.slice(0, -1),
              `${goodKey} `,
              'Bearer x',
              'a'.repeat(5000),
            ),
          },
        ),
        version: fc.constantFrom(
          '2023-07-01',
          '2023-07-01',
          '1999-01-01',
          'latest',
          '',
          '2023-07-01, 2024-01-01',
        ),
        correlation: fc.oneof(headerSafe, fc.constant('c'.repeat(500)), fc.uuid()),
        contentType: fc.oneof(
          { weight: 8, arbitrary: fc.constant('application/json') },
          {
            weight: 1,
            arbitrary: fc.constantFrom(
              'application/json; charset=utf-8',
              'APPLICATION/JSON',
              'text/plain',
              'application/x-www-form-urlencoded',
              'multipart/form-data; boundary=x',
              'application/json; charset=latin1',
              'application/vnd.api+json',
            ),
          },
        ),
        accept: fc.constantFrom('*/*', 'application/json', 'text/html', 'application/xml', ''),
        lang: fc.constantFrom('en', 'th', 'zz', '*', ''),
        experiment: headerSafe,
        requestId: headerSafe,
      },
      { requiredKeys: ['key'] },
    )
    .map((h) => {
      const out: Record<string, string> = {};
      if (h.key) out['x-api-key'] = h.key;
      if (h.version !== undefined) out['travelier-version'] = h.version;
      if (h.correlation !== undefined) out['x-correlation-id'] = h.correlation;
      if (wantsBody && h.contentType !== undefined) out['content-type'] = h.contentType;
      if (h.accept) out.accept = h.accept;
      if (h.lang) out['accept-language'] = h.lang;
      if (h.experiment !== undefined) out['x-api-experiment'] = h.experiment;
      if (h.requestId !== undefined) out['x-request-id'] = h.requestId;
      return out;
    });
}
