import { TwelveGoError } from '@app/twelvego-client';

/** 12go's "no such booking" — a 404, or the 403 it answers for a booking of another 12go key. */
export function isUpstreamNotFound(err: unknown): boolean {
  return (
    err instanceof TwelveGoError &&
    (err.kind === 'not_found' || (err.kind === 'request' && err.status === 403))
  );
}
