import { Injectable } from '@nestjs/common';

export type ReadinessCheckResult = Record<string, unknown> & { status: 'up' | 'down' };

/**
 * Readiness checks that features contribute (static data published, webhook store writable) without the
 * platform importing them. A check that is down makes readiness `degraded`; one that throws or takes
 * longer than the readiness timeout counts as down.
 */
@Injectable()
export class ReadinessChecks {
  private readonly checks = new Map<string, () => Promise<ReadinessCheckResult>>();

  register(name: string, check: () => Promise<ReadinessCheckResult>): void {
    this.checks.set(name, check);
  }

  entries(): Array<[string, () => Promise<ReadinessCheckResult>]> {
    return [...this.checks];
  }
}
