/** docs/contract/headers.md#versioning: the configured set of API versions and their state. */
export type ApiVersionState =
  { state: 'current' } | { state: 'deprecated'; deprecatedOn: string } | { state: 'removed' };

export interface ApiVersionTable {
  /** Latest `current` version: used when the header is absent or empty. */
  current: string;
  versions: ReadonlyMap<string, ApiVersionState>;
  /** Versions a request may use (current + deprecated), newest first. */
  supported: string[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isCalendarDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Parses `2023-07-01=current,2022-01-01=deprecated@2023-11-14,2021-01-01=removed`. */
export function parseApiVersions(spec: string): ApiVersionTable {
  const versions = new Map<string, ApiVersionState>();
  for (const entry of spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [version, rawState = 'current'] = entry.split('=').map((s) => s.trim());
    if (!isCalendarDate(version)) throw new Error(`API_VERSIONS: "${version}" is not a YYYY-MM-DD date`);
    if (versions.has(version)) throw new Error(`API_VERSIONS: "${version}" is listed twice`);
    if (rawState === 'current') versions.set(version, { state: 'current' });
    else if (rawState === 'removed') versions.set(version, { state: 'removed' });
    else if (rawState.startsWith('deprecated@') && isCalendarDate(rawState.slice(11)))
      versions.set(version, { state: 'deprecated', deprecatedOn: rawState.slice(11) });
    else
      throw new Error(
        `API_VERSIONS: state of "${version}" must be current, removed or deprecated@YYYY-MM-DD`,
      );
  }
  const current = [...versions]
    .filter(([, s]) => s.state === 'current')
    .map(([v]) => v)
    .sort()
    .reverse()[0];
  if (!current) throw new Error('API_VERSIONS: at least one version must be current');
  const supported = [...versions]
    .filter(([, s]) => s.state !== 'removed')
    .map(([v]) => v)
    .sort()
    .reverse();
  return { current, versions, supported };
}
