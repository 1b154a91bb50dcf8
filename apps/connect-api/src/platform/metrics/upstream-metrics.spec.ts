import { statusClassOf, upstreamErrorKind } from './upstream-metrics';

describe('upstream metric tags', () => {
  it('maps client error kinds to the docs/platform.md#metrics kinds', () => {
    expect(upstreamErrorKind('timeout')).toBe('timeout');
    expect(upstreamErrorKind('unavailable')).toBe('network');
    expect(upstreamErrorKind('server')).toBe('http_5xx');
    expect(upstreamErrorKind('bad_response')).toBe('bad_response');
    expect(upstreamErrorKind('not_found')).toBe('http_4xx');
    expect(upstreamErrorKind('auth')).toBe('http_4xx');
    expect(upstreamErrorKind('rate_limited')).toBe('http_4xx');
    expect(upstreamErrorKind('circuit_open')).toBeUndefined();
    expect(upstreamErrorKind(undefined)).toBeUndefined();
  });

  it('derives the status class', () => {
    expect(statusClassOf(204)).toBe('2xx');
    expect(statusClassOf(503)).toBe('5xx');
    expect(statusClassOf(undefined)).toBe('none');
  });
});
