import { closeBounded, type BullmqClosable } from './bounded-close';

/** A stand-in for a BullMQ worker/queue whose `close()` behaves like it does with a given Redis state. */
function fakeTarget(opts: { status: string; closeHangs: boolean; closeMs?: number }) {
  const client = { status: opts.status, disconnect: jest.fn() };
  let release: () => void = () => undefined;
  const target: BullmqClosable & { closeCalls: (boolean | undefined)[] } = {
    name: 'q',
    client: Promise.resolve(client),
    closeCalls: [],
    close(force?: boolean) {
      target.closeCalls.push(force);
      return new Promise<void>((resolve) => {
        release = resolve;
        // like BullMQ: queued commands fail once the client is disconnected
        client.disconnect.mockImplementation(() => {
          client.status = 'end';
          resolve();
        });
        if (!opts.closeHangs) setTimeout(resolve, opts.closeMs ?? 0);
      });
    },
  };
  return { target, client, release: () => release() };
}

describe('closeBounded', () => {
  it('closes gracefully while Redis answers', async () => {
    const { target, client } = fakeTarget({ status: 'ready', closeHangs: false, closeMs: 30 });
    await expect(closeBounded(target, { graceMs: 1000, pollMs: 10 })).resolves.toBe('graceful');
    expect(target.closeCalls).toEqual([false]);
    expect(client.disconnect).not.toHaveBeenCalled();
  });

  it('force-closes at once when Redis is already gone', async () => {
    const { target } = fakeTarget({ status: 'reconnecting', closeHangs: false });
    await expect(closeBounded(target, { graceMs: 60_000 })).resolves.toBe('forced');
    expect(target.closeCalls).toEqual([true]);
  });

  it('abandons a graceful close when Redis goes away during it, disconnecting the client', async () => {
    jest.useFakeTimers();
    try {
      const { target, client } = fakeTarget({ status: 'ready', closeHangs: true });
      setTimeout(() => (client.status = 'reconnecting'), 50);
      const outcome = outcomeOf(closeBounded(target, { graceMs: 60_000, pollMs: 10 }));
      await jest.advanceTimersByTimeAsync(40);
      expect(outcome.value).toBeUndefined(); // still closing gracefully while Redis answers
      // a few polls after the connection dropped, long before the 60 s grace
      await jest.advanceTimersByTimeAsync(1000);
      expect(outcome.value).toBe('forced');
      expect(client.disconnect).toHaveBeenCalledTimes(1);
    } finally {
      jest.useRealTimers();
    }
  });

  it('abandons a graceful close that outlasts the grace period', async () => {
    const { target, client } = fakeTarget({ status: 'ready', closeHangs: true });
    await expect(closeBounded(target, { graceMs: 80, pollMs: 10 })).resolves.toBe('forced');
    expect(client.disconnect).toHaveBeenCalledTimes(1);
  });

  it('returns even when the client never connected and close() never settles', async () => {
    const target: BullmqClosable = {
      name: 'q',
      client: new Promise(() => undefined),
      close: () => new Promise(() => undefined),
    };
    jest.useFakeTimers();
    try {
      const outcome = outcomeOf(closeBounded(target, { graceMs: 60_000, forcedWaitMs: 50 }));
      // the bounded waits for the client and the forced close, long before the 60 s grace
      await jest.advanceTimersByTimeAsync(1000);
      expect(outcome.value).toBe('forced');
    } finally {
      jest.useRealTimers();
    }
  });
});

/** The promise's value once settled (undefined before), for tests that step fake time. */
function outcomeOf<T>(promise: Promise<T>): { value: T | undefined } {
  const out: { value: T | undefined } = { value: undefined };
  void promise.then((v) => (out.value = v));
  return out;
}
