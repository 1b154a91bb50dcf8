import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/**
 * `ADMIN_TOKENS` (docs/operations.md#admin-api): up to two bearer tokens. Presented tokens are compared in constant
 * time against the SHA-256 of every configured token (equal-length buffers, no early exit). The audit log
 * names a token by its position (`admin-1`, `admin-2`), never by its value.
 */
export class AdminTokens {
  private readonly digests: Buffer[];

  constructor(tokens: readonly string[]) {
    this.digests = tokens.map(digest);
  }

  get enabled(): boolean {
    return this.digests.length > 0;
  }

  /** The id of the matching token, or undefined. */
  match(authorization: string | undefined): string | undefined {
    const presented = bearerToken(authorization);
    const candidate = digest(presented ?? '');
    let matched: string | undefined;
    this.digests.forEach((d, i) => {
      if (timingSafeEqual(candidate, d) && presented) matched ??= `admin-${i + 1}`;
    });
    return matched;
  }
}

export function bearerToken(header: string | undefined): string | undefined {
  const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? '');
  return m ? m[1] : undefined;
}
