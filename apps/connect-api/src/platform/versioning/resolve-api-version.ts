import type { ApiVersionTable } from '../config/api-versions';

export type VersionResolution =
  { ok: true; version: string; deprecation?: string } | { ok: false; supported: string[] };

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * docs/contract/headers.md#versioning D2: `Travelier-Version` (alias `X-Travelier-Version`, canonical wins); absent or
 * empty → current; exact match against the released versions; removed, unknown or malformed → not ok.
 */
export function resolveApiVersion(
  headers: Record<string, string | string[] | undefined>,
  table: ApiVersionTable,
): VersionResolution {
  const canonical = single(headers['travelier-version'])?.trim();
  const alias = single(headers['x-travelier-version'])?.trim();
  const requested = canonical || alias;
  if (!requested) return { ok: true, version: table.current };
  const state = table.versions.get(requested);
  if (!state || state.state === 'removed') return { ok: false, supported: table.supported };
  if (state.state === 'deprecated') return { ok: true, version: requested, deprecation: state.deprecatedOn };
  return { ok: true, version: requested };
}
