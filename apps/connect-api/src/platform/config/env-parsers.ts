// Dependency-free: the config decorators use these, and so does tracer.ts, which runs before anything else loads.

/** `true`/`1`/`yes`/`on` → true, `false`/`0`/`no`/`off` → false (any case, trimmed); anything else unchanged. */
export function parseEnvBoolean(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const s = value.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(s)) return true;
  if (['false', '0', 'no', 'off'].includes(s)) return false;
  return value;
}

/**
 * A boolean env var read before the config is loaded: unset or blank gives `fallback`; so does a bad value,
 * which the boot config then refuses (EnvBool parses with {@link parseEnvBoolean} too).
 */
export function envFlag(raw: string | undefined, fallback: boolean): boolean {
  const parsed = parseEnvBoolean(raw);
  return typeof parsed === 'boolean' ? parsed : fallback;
}
