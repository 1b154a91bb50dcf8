import type { SecretSource } from './client-snapshot';

export type FileReader = (path: string) => string;

/** docs/platform.md#client-registry: `CLIENT_<ID>_…`, with `<ID>` = client_id upper-cased, `-` → `_`. */
export function clientEnvName(clientId: string): string {
  return clientId.toUpperCase().replace(/-/g, '_');
}

export interface ResolvedSecret<T> {
  value: T | undefined;
  source: SecretSource;
}

/** The content of `<variable>_FILE` when that is set (undefined when not); the error names the variable only. */
function readSecretFile(
  env: Readonly<Record<string, string | undefined>>,
  variable: string,
  readFile: FileReader,
): string | undefined {
  const filePath = env[`${variable}_FILE`]?.trim();
  if (!filePath) return undefined;
  try {
    return readFile(filePath);
  } catch {
    throw new Error(`${variable}_FILE cannot be read`);
  }
}

/** Precedence `_FILE` > plain env > inline (inline only when allowed). `_FILE` is re-read at every reload. */
export function resolveSecret(
  env: Readonly<Record<string, string | undefined>>,
  variable: string,
  inline: string | undefined,
  readFile: FileReader,
): ResolvedSecret<string> {
  const content = readSecretFile(env, variable, readFile);
  if (content !== undefined) return { value: content.trim() || undefined, source: 'file' };
  const plain = env[variable]?.trim();
  if (plain) return { value: plain, source: 'env' };
  if (inline?.trim()) return { value: inline.trim(), source: 'inline' };
  return { value: undefined, source: 'none' };
}

/** Webhook secrets: comma-separated in env, one per line in the `_FILE` variant. */
export function resolveSecretList(
  env: Readonly<Record<string, string | undefined>>,
  variable: string,
  inline: string[] | undefined,
  readFile: FileReader,
): ResolvedSecret<string[]> {
  const content = readSecretFile(env, variable, readFile);
  if (content !== undefined) return { value: splitSecrets(content, /\r?\n/), source: 'file' };
  const plain = env[variable]?.trim();
  if (plain) return { value: splitSecrets(plain, ','), source: 'env' };
  if (inline && inline.length > 0)
    return { value: inline.map((s) => s.trim()).filter(Boolean), source: 'inline' };
  return { value: undefined, source: 'none' };
}

function splitSecrets(value: string, separator: string | RegExp): string[] {
  return value
    .split(separator)
    .map((s) => s.trim())
    .filter(Boolean);
}
