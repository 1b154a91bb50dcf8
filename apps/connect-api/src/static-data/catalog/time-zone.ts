/**
 * Station time zones are BFF reference data (docs/upstream-12go.md#what-12go-does-not-offer); the contract wants an IANA name.
 * A source may give an IANA name or a fixed offset such as `UTC+7`; an offset is turned into the
 * country's usual zone when that zone has the same offset, otherwise into `Etc/GMT∓N`.
 */
const COUNTRY_ZONES: Record<string, string> = {
  TH: 'Asia/Bangkok',
  KH: 'Asia/Phnom_Penh',
  LA: 'Asia/Vientiane',
  VN: 'Asia/Ho_Chi_Minh',
  MY: 'Asia/Kuala_Lumpur',
  SG: 'Asia/Singapore',
  MM: 'Asia/Yangon',
  PH: 'Asia/Manila',
  ID: 'Asia/Jakarta',
  CN: 'Asia/Shanghai',
  JP: 'Asia/Tokyo',
  KR: 'Asia/Seoul',
  IN: 'Asia/Kolkata',
  IL: 'Asia/Jerusalem',
  DE: 'Europe/Berlin',
  GB: 'Europe/London',
};

const OFFSET = /^(?:UTC|GMT)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$/i;

export function isIanaZone(name: string): boolean {
  if (!name.includes('/') && name !== 'UTC') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Offset of `zone` in minutes at `at` (east positive). */
function offsetMinutes(zone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((asUtc - Math.floor(at.getTime() / 60000) * 60000) / 60000);
}

/** IANA zone for a source value (IANA name or offset), or null when it cannot be determined. */
export function normaliseTimeZone(
  value: unknown,
  country: string | null,
  at = new Date('2026-01-15T00:00:00Z'),
): string | null {
  if (typeof value === 'number' && Number.isFinite(value))
    return fromOffset(Math.round(value * 60), country, at);
  if (typeof value !== 'string' || value.trim() === '')
    return country ? (COUNTRY_ZONES[country] ?? null) : null;
  const text = value.trim();
  if (isIanaZone(text)) return text;
  if (/^(UTC|GMT|Z)$/i.test(text)) return 'Etc/UTC';
  const m = OFFSET.exec(text);
  if (!m) return null;
  const minutes = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
  return fromOffset(minutes, country, at);
}

function fromOffset(minutes: number, country: string | null, at: Date): string | null {
  const usual = country ? COUNTRY_ZONES[country] : undefined;
  if (usual && offsetMinutes(usual, at) === minutes) return usual;
  if (minutes === 0) return 'Etc/UTC';
  if (minutes % 60 !== 0 || Math.abs(minutes) > 14 * 60) return null;
  const hours = minutes / 60;
  // IANA's Etc zones invert the sign: UTC+7 is Etc/GMT-7.
  return `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`;
}
