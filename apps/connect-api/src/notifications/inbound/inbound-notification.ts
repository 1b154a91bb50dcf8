import { createHash } from 'node:crypto';

export type UpstreamEventType = 'booking_updated' | 'booking_confirmed' | 'booking_canceled';
const KNOWN_TYPES: readonly string[] = ['booking_updated', 'booking_confirmed', 'booking_canceled'];

/** A 12go webhook after validation and normalisation (docs/contract/webhooks.md#receiving-12go-notifications). */
export interface InboundNotification {
  bid: string;
  type: UpstreamEventType;
  /** The raw `type` as sent (kept for logs and the event record). */
  upstreamType: unknown;
  /** `stamp` in epoch seconds, null when absent or unusable. */
  stamp: number | null;
  /** `stamp` as a string, or the SHA-256 hex of the raw body when absent: the dedup component. */
  dedupStamp: string;
  newStatus: string | null;
  previousStatus: string | null;
  /** The parsed body, kept whole in the job (it carries no passenger data). */
  body: Record<string, unknown>;
}

export type InboundParseResult =
  { ok: true; notification: InboundNotification } | { ok: false; reason: string };

const BID = /^[1-9][0-9]{0,18}$/;

/** `bid` as an integer or a digit string → canonical decimal string, or null. */
export function normaliseBid(value: unknown): string | null {
  if (typeof value === 'number') {
    return Number.isSafeInteger(value) && value > 0 ? String(value) : null;
  }
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return BID.test(trimmed) ? trimmed : null;
  }
  return null;
}

function normaliseStamp(value: unknown): number | null {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  if (typeof value === 'string' && /^\d{1,15}$/.test(value.trim())) return Number(value.trim());
  return null;
}

function statusOf(snapshot: unknown): string | null {
  if (snapshot && typeof snapshot === 'object' && !Array.isArray(snapshot)) {
    const status = (snapshot as Record<string, unknown>).status;
    if (typeof status === 'string' && status.length > 0) return status;
  }
  return null;
}

/** Validates a raw 12go webhook body; JSON is parsed whatever the content type says. */
export function parseInboundNotification(raw: Buffer): InboundParseResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch {
    return { ok: false, reason: 'invalid_json' };
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    return { ok: false, reason: 'not_an_object' };
  const body = parsed as Record<string, unknown>;
  const bid = normaliseBid(body.bid);
  if (!bid) return { ok: false, reason: 'invalid_bid' };
  const type = (
    typeof body.type === 'string' && KNOWN_TYPES.includes(body.type) ? body.type : 'booking_updated'
  ) as UpstreamEventType;
  const stamp = normaliseStamp(body.stamp);
  const dedupStamp = stamp !== null ? String(stamp) : createHash('sha256').update(raw).digest('hex');
  return {
    ok: true,
    notification: {
      bid,
      type,
      upstreamType: body.type,
      stamp,
      dedupStamp,
      newStatus: statusOf(body.new_data),
      previousStatus: statusOf(body.previous_data),
      body,
    },
  };
}

/** True when the sender's `type` was not one of the three known values (logged at warn). */
export function isUnknownUpstreamType(n: InboundNotification): boolean {
  return n.upstreamType !== n.type;
}

/** `ntf:dedup:{bid}:{type}:{stamp}` without the Redis key prefix (docs/platform.md#redis-keyspace). */
export function inboundDedupKeyParts(n: Pick<InboundNotification, 'bid' | 'type' | 'dedupStamp'>): string {
  return `ntf:dedup:${n.bid}:${n.type}:${n.dedupStamp}`;
}

/** Deterministic `notify-inbound` job id; BullMQ job ids never contain `:`. */
export function inboundJobId(n: Pick<InboundNotification, 'bid' | 'type' | 'dedupStamp'>): string {
  return `in-${n.bid}-${n.type}-${n.dedupStamp}`;
}
