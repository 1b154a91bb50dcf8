import error400 from '../__fixtures__/error-400.json';
import error422 from '../__fixtures__/error-422.json';
import {
  classifyHttpError,
  classifyTransportError,
  badResponse,
  parseRetryAfter,
  type HttpAnswer,
} from './classify-twelvego-error';
import { TwelveGoError } from './twelvego.errors';

const KEY = 'secret-12go-key-0123456789';

function answer(status: number, body: unknown, extra: Partial<HttpAnswer> = {}): HttpAnswer {
  return {
    operation: 'reserve',
    status,
    bodyText: typeof body === 'string' ? body : JSON.stringify(body),
    secrets: [KEY],
    request: 'POST /reserve/abc',
    ...extra,
  };
}

describe('classifyTransportError (docs/upstream-12go.md#errors row 1)', () => {
  it('our deadline → timeout', () => {
    const e = classifyTransportError({
      operation: 'search',
      timedOut: true,
      code: 'ERR_CANCELED',
      elapsedMs: 10,
    });
    expect(e).toBeInstanceOf(TwelveGoError);
    expect(e.kind).toBe('timeout');
    expect(e.elapsedMs).toBe(10);
    expect(e.operation).toBe('search');
  });
  it('OS connect timeout → timeout with its code', () => {
    const e = classifyTransportError({ operation: 'search', timedOut: false, code: 'ETIMEDOUT' });
    expect([e.kind, e.networkCode]).toEqual(['timeout', 'ETIMEDOUT']);
  });
  it.each(['ECONNRESET', 'ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', undefined])('%s → unavailable', (code) => {
    const e = classifyTransportError({ operation: 'confirm', timedOut: false, code, elapsedMs: 3 });
    expect(e.kind).toBe('unavailable');
    expect(e.networkCode).toBe(code);
  });
});

describe('classifyHttpError (docs/upstream-12go.md#errors rows 2–9, in order)', () => {
  it('row 2: 401 → auth, whatever the body says', () => {
    const e = classifyHttpError(answer(401, { messages: ['Trip is no longer available'] }));
    expect(e.kind).toBe('auth');
    expect(e.status).toBe(401);
  });

  it('row 3: 400 "Trip is no longer available" (fixture) → trip_unavailable with reasons', () => {
    const e = classifyHttpError(answer(400, error400));
    expect(e.kind).toBe('trip_unavailable');
    expect(e.reasons[0]?.reason_code).toBe('bad_trip_details');
    expect(e.reasons[0]?.product?.available_seats).toBe(11);
  });

  it('row 3: 422 with the phrase in any case and position → trip_unavailable', () => {
    const e = classifyHttpError(
      answer(422, { messages: ['Sorry: TRIP IS NO LONGER AVAILABLE today'], fields: { a: 'b' } }),
    );
    expect(e.kind).toBe('trip_unavailable');
  });

  it('row 3: any status with reason bad_trip_details → trip_unavailable (even 404/409)', () => {
    const body = { messages: ['x'], data: { reasons: [{ reason_code: 'bad_trip_details' }] } };
    expect(classifyHttpError(answer(404, body)).kind).toBe('trip_unavailable');
    expect(classifyHttpError(answer(409, body)).kind).toBe('trip_unavailable');
  });

  it('row 3 does not apply to the phrase on a 404', () => {
    expect(classifyHttpError(answer(404, { messages: ['Trip is no longer available'] })).kind).toBe(
      'not_found',
    );
  });

  it('row 4: 404 → not_found with messages', () => {
    const e = classifyHttpError(answer(404, { messages: ['Cart not found'] }));
    expect(e.kind).toBe('not_found');
    expect(e.messages).toEqual(['Cart not found']);
  });

  it('row 5: 409 → conflict with data.bid normalised to a string', () => {
    const e = classifyHttpError(
      answer(409, { messages: ['Cart has already been reserved'], data: { bid: 70000042 } }),
    );
    expect(e.kind).toBe('conflict');
    expect(e.conflictBid).toBe('70000042');
    expect(e.messages).toEqual(['Cart has already been reserved']);
  });

  it('row 5: 409 without data.bid', () => {
    const e = classifyHttpError(answer(409, { messages: ['Booking is already confirmed'] }));
    expect([e.kind, e.conflictBid]).toEqual(['conflict', undefined]);
  });

  it('row 6: 422 with fields (fixture) → validation with fields and messages', () => {
    const e = classifyHttpError(answer(422, error422));
    expect(e.kind).toBe('validation');
    expect(e.fields['passenger[1][last_name]']).toBe('Last name is required');
    expect(e.messages[0]).toBe('Please correct the highlighted fields');
  });

  it('row 6: 400 with fields → validation', () => {
    expect(classifyHttpError(answer(400, { fields: { seats: 'Must be 1-20' } })).kind).toBe('validation');
  });

  it('row 7: 400/422 with empty fields ({} or PHP []) → request', () => {
    expect(classifyHttpError(answer(400, { fields: [], messages: ['bad'] })).kind).toBe('request');
    expect(
      classifyHttpError(answer(422, { fields: {}, messages: ['Booking cannot be confirmed'] })).kind,
    ).toBe('request');
  });

  it.each([403, 405, 410, 413, 418])('row 7: other 4xx %d → request with status', (status) => {
    const e = classifyHttpError(answer(status, { messages: ['nope'] }));
    expect([e.kind, e.status]).toEqual(['request', status]);
  });

  it('row 8: 429 → rate_limited with Retry-After seconds', () => {
    const e = classifyHttpError(answer(429, { messages: ['Too many requests'] }, { retryAfter: '7' }));
    expect([e.kind, e.retryAfterSec]).toEqual(['rate_limited', 7]);
  });

  it('row 8: 429 without Retry-After', () => {
    expect(classifyHttpError(answer(429, '')).retryAfterSec).toBeUndefined();
  });

  it.each([500, 502, 503, 504, 599])('row 9: %d → server with status', (status) => {
    const e = classifyHttpError(answer(status, { messages: ['Internal server error'] }));
    expect([e.kind, e.status]).toEqual(['server', status]);
  });

  it('non-JSON error bodies (HTML proxy page, empty) are classified by status', () => {
    expect(classifyHttpError(answer(502, '<html><body>Bad Gateway</body></html>')).kind).toBe('server');
    expect(classifyHttpError(answer(404, '')).kind).toBe('not_found');
    expect(classifyHttpError(answer(422, 'oops')).kind).toBe('request');
  });

  it('a redirect (not followed) → bad_response', () => {
    expect(classifyHttpError(answer(302, '')).kind).toBe('bad_response');
  });
});

describe('badResponse (docs/upstream-12go.md#errors row 10)', () => {
  it('keeps status and the first 200 characters with the key redacted', () => {
    const body = `{"echo":"https://x/?k=${KEY}&a=1","raw":"${KEY}",` + '"pad":"' + 'x'.repeat(500) + '"}';
    const e = badResponse(answer(200, body));
    expect(e.kind).toBe('bad_response');
    expect(e.status).toBe(200);
    expect(e.bodySnippet).toHaveLength(200);
    expect(e.bodySnippet).not.toContain(KEY);
    expect(e.bodySnippet).toContain('k=[REDACTED]');
  });
});

describe('secrets never reach the error', () => {
  it('upstream messages and fields echoing the key are redacted, also in message and JSON', () => {
    const e = classifyHttpError(
      answer(422, { messages: [`Key ${KEY} is not allowed here`], fields: { k: `bad k=${KEY}` } }),
    );
    const everything = [e.message, JSON.stringify(e), e.stack ?? ''].join('\n');
    expect(everything).not.toContain(KEY);
    expect(e.messages[0]).toBe('Key [REDACTED] is not allowed here');
  });
});

describe('parseRetryAfter', () => {
  it('delta seconds and HTTP dates', () => {
    const now = Date.parse('2026-05-10T10:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3);
    expect(parseRetryAfter('Sun, 10 May 2026 10:00:05 GMT', now)).toBe(5);
    expect(parseRetryAfter('garbage', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});
