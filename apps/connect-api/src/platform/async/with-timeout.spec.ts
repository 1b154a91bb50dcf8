import { withTimeout } from './with-timeout';

describe('withTimeout', () => {
  afterEach(() => jest.useRealTimers());

  it('answers with the promise when it settles first, and leaves no timer behind', async () => {
    jest.useFakeTimers();
    await expect(withTimeout(Promise.resolve('ok'), 500)).resolves.toBe('ok');
    await expect(withTimeout(Promise.reject(new Error('boom')), 500)).rejects.toThrow('boom');
    expect(jest.getTimerCount()).toBe(0);
  });

  it('rejects with "timed out after {ms} ms" when the time passes first', async () => {
    jest.useFakeTimers();
    const pending = withTimeout(new Promise<never>(() => undefined), 500);
    const settled = expect(pending).rejects.toThrow('timed out after 500 ms');
    await jest.advanceTimersByTimeAsync(500);
    await settled;
  });
});
