import { Injectable } from '@nestjs/common';

/** Whether this instance is shutting down (docs/operations.md#shutdown-and-restarts): readiness answers 503 `draining`. */
@Injectable()
export class LifecycleState {
  private drainingSince?: Date;

  markDraining(): void {
    this.drainingSince ??= new Date();
  }

  get draining(): boolean {
    return this.drainingSince !== undefined;
  }
}
