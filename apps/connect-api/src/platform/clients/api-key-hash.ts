import { createHash, pbkdf2, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const pbkdf2Async = promisify(pbkdf2);

/** A stored API key digest (docs/platform.md#client-registry). */
export type ApiKeyHash =
  | { format: 'sha256'; digest: Buffer }
  | {
      format: 'pbkdf2';
      algorithm: 'sha1' | 'sha256' | 'sha512';
      iterations: number;
      salt: Buffer;
      digest: Buffer;
    };

export function sha256(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** `sha256:<hex>` line for a key (what keygen prints for the clients file). */
export function sha256KeyHash(key: string): string {
  return `sha256:${sha256(key).toString('hex')}`;
}

export function parseApiKeyHash(value: string): ApiKeyHash {
  if (value.startsWith('sha256:')) {
    const hex = value.slice(7);
    if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error('sha256 hash must be 64 lower-case hex characters');
    return { format: 'sha256', digest: Buffer.from(hex, 'hex') };
  }
  const m = /^pbkdf2:(sha1|sha256|sha512):(\d+):([A-Za-z0-9+/=]+):([A-Za-z0-9+/=]+)$/.exec(value);
  if (!m) throw new Error('unknown hash format');
  const iterations = Number(m[2]);
  if (iterations < 1000 || iterations > 10_000_000)
    throw new Error('pbkdf2 iterations must be within 1000..10000000');
  return {
    format: 'pbkdf2',
    algorithm: m[1] as 'sha1' | 'sha256' | 'sha512',
    iterations,
    salt: Buffer.from(m[3], 'base64'),
    digest: Buffer.from(m[4], 'base64'),
  };
}

/** Equal-length constant-time comparison; different lengths compare a buffer with itself and fail. */
export function constantTimeEqual(a: Buffer, b: Buffer): boolean {
  if (a.length !== b.length) {
    timingSafeEqual(a, a);
    return false;
  }
  return timingSafeEqual(a, b);
}

export async function verifyPbkdf2(
  presented: string,
  hash: Extract<ApiKeyHash, { format: 'pbkdf2' }>,
): Promise<boolean> {
  const derived = await pbkdf2Async(
    presented,
    hash.salt,
    hash.iterations,
    hash.digest.length,
    hash.algorithm,
  );
  return constantTimeEqual(derived, hash.digest);
}

/** Stable identity of a hash, used to detect the same key under two clients. */
export function hashIdentity(hash: ApiKeyHash): string {
  return hash.format === 'sha256'
    ? `sha256:${hash.digest.toString('hex')}`
    : `pbkdf2:${hash.algorithm}:${hash.iterations}:${hash.salt.toString('base64')}:${hash.digest.toString('base64')}`;
}
