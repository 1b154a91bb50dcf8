import { randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/** Header that marks the BFF's own background run of a shadowed request (never proxied again). */
export const SHADOW_RUN_HEADER = 'x-tc-shadow-run';

/** A per-process secret value of the marker: a partner cannot make a request count as a shadow run. */
@Injectable()
export class ShadowMarker {
  private readonly token = randomBytes(24).toString('hex');

  headerValue(): string {
    return this.token;
  }

  isShadowRun(request: FastifyRequest): boolean {
    const value = request.headers[SHADOW_RUN_HEADER];
    if (typeof value !== 'string' || value.length !== this.token.length) return false;
    return timingSafeEqual(Buffer.from(value), Buffer.from(this.token));
  }
}
