import { createHash, randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';

const CLIENT_ID = /^[a-z0-9][a-z0-9_-]{1,49}$/;

export interface GeneratedApiKey {
  /** Handed to the partner once; never written anywhere by this tool. */
  key: string;
  /** The `api_keys[].hash` value for the clients file. */
  hash: string;
}

/** 32 random bytes, base64url (docs/platform.md#client-registry: ≥32 bytes of entropy, stored as `sha256:`). */
export function generateApiKey(): GeneratedApiKey {
  const key = randomBytes(32).toString('base64url');
  return { key, hash: `sha256:${createHash('sha256').update(key, 'utf8').digest('hex')}` };
}

const USAGE = 'usage: npm run keygen -- --client <client_id> [--id <key id, default YYYY-MM>]';

/** `npm run keygen -- --client acme` (docs/platform.md#client-registry, docs/operations.md#rotate-keys-and-secrets). Returns the exit code. */
export function runKeygen(argv: string[], out: (line: string) => void, now = new Date()): number {
  let values: { client?: string; id?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { client: { type: 'string' }, id: { type: 'string' } },
      strict: true,
    }));
  } catch (e) {
    out(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!values.client || !CLIENT_ID.test(values.client)) {
    out(`--client must be a client_id (${CLIENT_ID.source})\n${USAGE}`);
    return 2;
  }
  const id = values.id ?? now.toISOString().slice(0, 7);
  const { key, hash } = generateApiKey();
  out(
    `New API key for client "${values.client}" (shown once; hand it to the partner over a secure channel):`,
  );
  out('');
  out(`  ${key}`);
  out('');
  out(`Add this entry to the client's api_keys in the clients file, then reload:`);
  out('');
  out(`  ${JSON.stringify({ id, hash })}`);
  return 0;
}
