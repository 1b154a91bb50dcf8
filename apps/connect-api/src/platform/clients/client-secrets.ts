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

/** Precedence `_FILE` > plain env > inline (inline only when allowed). `_FILE` is re-read at every reload. */
export function resolveSecret(
  env: Readonly<Record<string, string | undefined>>,
  variable: string,
  inline: string | undefined,
  readFile: FileReader,
): ResolvedSecret<string> {
  const filePath = env[`${variable}_FILE`]?.trim();
  if (filePath) {
    let content: string;
    try {
      content = readFile(filePath);
    } catch {
      throw new Error(`${variable}_FILE cannot be read`);
    }
    return { value: content.trim() || undefined, source: 'file' };
  }
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
  const filePath = env[`${variable}_FILE`]?.trim();
  if (filePath) {
    let content: string;
    try {
      content = readFile(filePath);
    } catch {
      throw new Error(`${variable}_FILE cannot be read`);
    }
    return { value: splitSecrets(content, /\r?\n/), source: 'file' };
  }
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
