/** The part of a BullMQ Worker / Queue that closing needs (both expose the same members). */
export interface BullmqClosable {
  readonly name: string;
  readonly client: Promise<{ status: string; disconnect(): void }>;
  close(force?: boolean): Promise<void>;
}

export type CloseOutcome = 'graceful' | 'forced';

const settled = (p: Promise<unknown>): Promise<true> =>
  p.then(
    () => true as const,
    () => true as const,
  );

function within<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
    timer.unref?.();
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/** The connection's ioredis client, or undefined when BullMQ never finished connecting it (bounded wait). */
function clientOf(target: BullmqClosable, waitMs: number) {
  return within(
    target.client.catch(() => undefined),
    waitMs,
  );
}

/** Whether the main connection is usable right now. */
export async function connectionReady(target: BullmqClosable, waitMs = 100): Promise<boolean> {
  return (await clientOf(target, waitMs))?.status === 'ready';
}

/** Connecting / reconnecting / never connected: Redis is not there (an ended client was closed on purpose). */
async function connectionLost(target: BullmqClosable): Promise<boolean> {
  const status = (await clientOf(target, 100))?.status;
  return status !== 'ready' && status !== 'end';
}

/**
 * Closes a BullMQ worker or queue without ever waiting for a Redis that went away. BullMQ's `close()` waits for
 * active jobs to be moved to completed/failed and then `QUIT`s, both of which sit in the ioredis offline queue
 * forever while Redis is unreachable (docs/operations.md#shutdown-and-restarts would then end in the hard stop, exit 1). So: Redis
 * already lost → `close(true)`; otherwise a graceful `close()` that is abandoned as soon as the connection drops
 * or `graceMs` passes. Abandoning means disconnecting the client, which fails the queued commands; a job that
 * was active comes back through the stalled check (at-least-once, same job id), nothing is lost.
 */
export async function closeBounded(
  target: BullmqClosable,
  opts: { graceMs: number; pollMs?: number; forcedWaitMs?: number },
): Promise<CloseOutcome> {
  const pollMs = opts.pollMs ?? 100;
  const lost = !(await connectionReady(target));
  const closing = settled(target.close(lost));
  if (!lost) {
    const until = Date.now() + opts.graceMs;
    for (;;) {
      if (await within(closing, Math.max(1, Math.min(pollMs, until - Date.now())))) return 'graceful';
      if (Date.now() >= until || (await connectionLost(target))) break;
    }
  } else if (await within(closing, opts.forcedWaitMs ?? 1000)) {
    return 'forced';
  }
  (await clientOf(target, 100))?.disconnect();
  await within(closing, opts.forcedWaitMs ?? 1000);
  return 'forced';
}
