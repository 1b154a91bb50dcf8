/**
 * `promise`, or a rejection `timed out after {ms} ms` once `ms` pass first. The timer is cleared either way;
 * the underlying operation is not cancelled (callers that must stop it pass their own signal).
 */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
