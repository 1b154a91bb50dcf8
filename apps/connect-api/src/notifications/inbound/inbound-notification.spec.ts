import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  inboundDedupKeyParts,
  inboundJobId,
  isUnknownUpstreamType,
  normaliseBid,
  parseInboundNotification,
} from './inbound-notification';

const fixture = readFileSync(
  join(__dirname, '../../../../../test/fixtures/twelvego/webhook-booking-confirmed.json'),
);
const buf = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v));

describe('12go webhook payload (docs/contract/webhooks.md#receiving-12go-notifications)', () => {
  it('parses the fixture', () => {
    const r = parseInboundNotification(fixture);
    expect(r).toMatchObject({
      ok: true,
      notification: {
        bid: '70000042',
        type: 'booking_confirmed',
        stamp: 1778382366,
        dedupStamp: '1778382366',
        newStatus: 'confirmed',
        previousStatus: 'pending',
      },
    });
  });

  it('normalises bid from a number or a digit string, rejecting anything else', () => {
    expect(normaliseBid(70000042)).toBe('70000042');
    expect(normaliseBid(' 70000042 ')).toBe('70000042');
    expect(normaliseBid('0700')).toBeNull();
    expect(normaliseBid('7e7')).toBeNull();
    expect(normaliseBid(1.5)).toBeNull();
    expect(normaliseBid(0)).toBeNull();
    expect(normaliseBid(-3)).toBeNull();
    expect(normaliseBid('12345678901234567890')).toBeNull();
    expect(normaliseBid(null)).toBeNull();
  });

  it('refuses invalid JSON, non-objects and bodies without a usable bid', () => {
    expect(parseInboundNotification(buf('{"bid":'))).toEqual({ ok: false, reason: 'invalid_json' });
    expect(parseInboundNotification(buf('[1]'))).toEqual({ ok: false, reason: 'not_an_object' });
    expect(parseInboundNotification(buf('null'))).toEqual({ ok: false, reason: 'not_an_object' });
    expect(parseInboundNotification(buf({ type: 'booking_updated' }))).toEqual({
      ok: false,
      reason: 'invalid_bid',
    });
    expect(parseInboundNotification(buf({ bid: 'abc' }))).toEqual({ ok: false, reason: 'invalid_bid' });
  });

  it('accepts a minimal body: type defaults to booking_updated, stamp falls back to the body hash', () => {
    const raw = buf({ bid: '123' });
    const r = parseInboundNotification(raw);
    if (!r.ok) throw new Error('expected ok');
    expect(r.notification.type).toBe('booking_updated');
    expect(r.notification.stamp).toBeNull();
    expect(r.notification.dedupStamp).toBe(createHash('sha256').update(raw).digest('hex'));
    expect(r.notification.newStatus).toBeNull();
  });

  it('keeps an unknown type as upstream_type and processes it as booking_updated', () => {
    const r = parseInboundNotification(buf({ bid: 5, type: 'booking_rebooked', stamp: 10 }));
    if (!r.ok) throw new Error('expected ok');
    expect(r.notification.type).toBe('booking_updated');
    expect(r.notification.upstreamType).toBe('booking_rebooked');
    expect(isUnknownUpstreamType(r.notification)).toBe(true);
  });

  it('builds the dedup key and a colon-free deterministic job id', () => {
    const n = { bid: '70000042', type: 'booking_canceled' as const, dedupStamp: '1778382366' };
    expect(inboundDedupKeyParts(n)).toBe('ntf:dedup:70000042:booking_canceled:1778382366');
    expect(inboundJobId(n)).toBe('in-70000042-booking_canceled-1778382366');
    expect(inboundJobId(n)).not.toContain(':');
  });

  it('gives the same dedup identity to the same event sent twice, another one to a new stamp', () => {
    const a = parseInboundNotification(fixture);
    const b = parseInboundNotification(Buffer.from(JSON.stringify(JSON.parse(fixture.toString()))));
    const c = parseInboundNotification(buf({ ...JSON.parse(fixture.toString()), stamp: 1778382367 }));
    if (!a.ok || !b.ok || !c.ok) throw new Error('expected ok');
    expect(inboundJobId(a.notification)).toBe(inboundJobId(b.notification));
    expect(inboundJobId(a.notification)).not.toBe(inboundJobId(c.notification));
  });
});
