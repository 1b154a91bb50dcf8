import { pipeline, Transform } from 'node:stream';

/** Bytes shared by every answer held for a shadow comparison (SHADOW_QUEUE_BYTES). */
export interface ByteBudget {
  /** Takes `bytes` more; false (nothing taken) when they do not fit. */
  take(bytes: number): boolean;
  give(bytes: number): void;
}

export type CopyOutcome =
  { kind: 'copied'; body: Buffer } | { kind: 'too_large' } | { kind: 'over_budget' } | { kind: 'failed' };

export interface AnswerCopy {
  /** What passes the answer on to the partner, unchanged. */
  stream: Transform;
  /** Once the stream ended: the copy, or why there is none. A copy's bytes are the caller's to give back from then on. */
  outcome(): CopyOutcome;
  /** Gives the copy's bytes back to the budget (an answer that will not be compared); idempotent. */
  discard(): void;
}

/**
 * Passes `source` on and keeps a copy of its bytes (up to `maxBytes`, each chunk taken from `budget` first).
 * A Transform, not a 'data' listener on `source`: a listener starts it flowing at once, and whatever flows
 * before the partner's side is piped (a tick later behind any asynchronous onSend hook) is lost to the
 * partner, who then waits for the rest of its content-length until the idle timeout.
 */
export function copyAnswer(source: NodeJS.ReadableStream, maxBytes: number, budget: ByteBudget): AnswerCopy {
  const chunks: Buffer[] = [];
  let held = 0;
  let stopped: 'too_large' | 'over_budget' | undefined;
  let failed = false;
  const discard = () => {
    budget.give(held);
    held = 0;
    chunks.length = 0;
  };
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, next) {
      if (!stopped) {
        if (held + chunk.length > maxBytes) stopped = 'too_large';
        else if (!budget.take(chunk.length)) stopped = 'over_budget';
        else {
          held += chunk.length;
          chunks.push(chunk);
        }
        if (stopped) discard();
      }
      next(null, chunk);
    },
  });
  pipeline(source, stream, (err) => {
    if (err) {
      failed = true;
      discard();
    }
  });
  return {
    stream,
    outcome: () => {
      if (failed) return { kind: 'failed' };
      if (stopped) return { kind: stopped };
      const body = Buffer.concat(chunks);
      // Handed over: a later discard (a late stream error) must not give these bytes back a second time.
      held = 0;
      chunks.length = 0;
      return { kind: 'copied', body };
    },
    discard,
  };
}
