/**
 * Percent-encoding of identifiers (docs/contract/ids.md#cipher-and-klv).
 */

/** RFC 3986 strict: every byte outside `A–Z a–z 0–9 - _ . ~` as upper-case `%XX`. */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase(),
  );
}

const PERCENT_TRIPLET = /%[0-9A-Fa-f]{2}/;

/**
 * Inbound normalisation of itinerary ids, booking ids and booking tokens: percent-decode while a `%XX`
 * remains, at most twice; then spaces → `+`. Returns null on a decode error or a `%` left over
 * (no valid identifier contains `%`).
 */
export function normaliseInboundId(received: string): string | null {
  let value = received;
  for (let round = 0; round < 2 && PERCENT_TRIPLET.test(value); round++) {
    try {
      value = decodeURIComponent(value);
    } catch {
      return null;
    }
  }
  if (value.includes('%')) return null;
  return value.replace(/ /g, '+');
}
