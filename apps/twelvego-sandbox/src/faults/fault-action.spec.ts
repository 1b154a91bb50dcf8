import {
  cannedStatusResponse,
  corruptBody,
  globToRegExp,
  isDelayOnly,
  parseFaultHeader,
} from './fault-action';

describe('parseFaultHeader', () => {
  it('parses the documented example and every key', () => {
    expect(parseFaultHeader('status=503;delay=1500')).toEqual({ status: 503, delayMs: 1500 });
    expect(parseFaultHeader('status=429; retryafter=7')).toEqual({ status: 429, retryAfterSec: 7 });
    expect(parseFaultHeader('conn=reset;execute=true')).toEqual({ conn: 'reset', execute: true });
    expect(parseFaultHeader('body=truncate')).toEqual({ body: 'truncate' });
  });

  it('ignores invalid values and caps delays at 120 s', () => {
    expect(parseFaultHeader('status=200;conn=close;body=weird')).toBeNull();
    expect(parseFaultHeader('delay=999999')).toEqual({ delayMs: 120_000 });
    expect(parseFaultHeader(undefined)).toBeNull();
  });
});

describe('canned answers', () => {
  it('answers JSON for 5xx, HTML proxy pages for 502/504 and Retry-After for 429', () => {
    const json = cannedStatusResponse({ status: 500 });
    expect(JSON.parse(json.body)).toEqual({ messages: ['Internal server error'] });
    expect(cannedStatusResponse({ status: 502 }).body).toContain('502 Bad Gateway');
    expect(cannedStatusResponse({ status: 504 }).contentType).toMatch(/text\/html/);
    expect(cannedStatusResponse({ status: 503, body: 'html' }).contentType).toMatch(/text\/html/);
    const limited = cannedStatusResponse({ status: 429, retryAfterSec: 3 });
    expect(limited.headers['retry-after']).toBe('3');
    expect(JSON.parse(limited.body)).toEqual({ messages: ['Too many requests'] });
  });

  it('corrupts bodies as documented', () => {
    const payload = JSON.stringify({ trips: [1, 2, 3], recheck: [] });
    const cut = corruptBody('truncate', payload, true).body;
    expect(cut).toBe(payload.slice(0, Math.floor(payload.length / 2)));
    expect(() => JSON.parse(cut)).toThrow();
    expect(corruptBody('wrongshape', payload, true).body).toBe('{"trips":null}');
    expect(corruptBody('wrongshape', payload, false).body).toBe('[]');
    expect(corruptBody('empty', payload, false).body).toBe('');
    expect(() => JSON.parse(corruptBody('notjson', payload, false).body)).toThrow();
    expect(corruptBody('html', payload, false).body).toMatch(/^<!DOCTYPE html>/);
  });

  it('detects delay-only actions', () => {
    expect(isDelayOnly({ delayMs: 10 })).toBe(true);
    expect(isDelayOnly({ delayMs: 10, status: 500 })).toBe(false);
  });
});

describe('globToRegExp', () => {
  it('matches one segment with * and any depth with **', () => {
    expect(globToRegExp('/reserve/*').test('/reserve/abc')).toBe(true);
    expect(globToRegExp('/reserve/*').test('/reserve/abc/def')).toBe(false);
    expect(globToRegExp('/booking/**').test('/booking/1/refund-options')).toBe(true);
    expect(globToRegExp('webhook:*').test('webhook:booking_confirmed')).toBe(true);
    expect(globToRegExp('/search/1p/44p/2026-05-14').test('/search/1p/44p/2026-05-14')).toBe(true);
    expect(globToRegExp('/a.b').test('/aXb')).toBe(false);
  });
});
