/**
 * Hook for the per-IP failed-authentication limit of docs/contract/headers.md#authentication / docs/contract/headers.md#rate-limits
 * (`authfail:{ip}`). The platform binds a no-op; the operations issue provides the Redis-backed one
 * by overriding the `AUTH_FAILURE_LIMITER` provider.
 */
export interface AuthFailureLimiter {
  /** True when further failing attempts from this IP must get 429 instead of 401. */
  isBlocked(ip: string): Promise<boolean>;
  recordFailure(ip: string): Promise<void>;
}

export const AUTH_FAILURE_LIMITER = Symbol('AUTH_FAILURE_LIMITER');

export class NoopAuthFailureLimiter implements AuthFailureLimiter {
  async isBlocked(): Promise<boolean> {
    return false;
  }
  async recordFailure(): Promise<void> {}
}
