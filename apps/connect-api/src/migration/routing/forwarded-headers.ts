/**
 * Headers through which a caller names a client address, scheme or host. A partner could send any of them,
 * so none is passed on to legacy as sent (docs/adr/0220-legacy-proxy-forwarded-headers.md).
 */
export const DROPPED_FORWARDING_HEADERS: readonly string[] = [
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-forwarded-port',
  'x-forwarded-prefix',
  'x-real-ip',
  'x-client-ip',
  'true-client-ip',
  'cf-connecting-ip',
  'x-cluster-client-ip',
];

/** What the BFF itself established about the caller (Fastify's `request.ip`, `.protocol`, `.host`). */
export interface CallerAsSeen {
  ip: string;
  protocol: string;
  host: string;
}

/**
 * The BFF's own forwarding headers for legacy: the caller's address as the BFF determined it (the socket
 * peer, or the address the trusted edge proxies of `TRUST_PROXY` reported), the scheme and the host the
 * partner called.
 */
export function forwardingHeaders(caller: CallerAsSeen): Record<string, string> {
  const out: Record<string, string> = { 'x-forwarded-for': caller.ip };
  if (caller.protocol) out['x-forwarded-proto'] = caller.protocol;
  if (caller.host) out['x-forwarded-host'] = caller.host;
  return out;
}
