/**
 * A job's data as the queue board shows it: everything but webhook bodies (booking payloads with passenger
 * data), which stay in Redis only — the same rule as the dead-letter admin API. Pure.
 */
export function queueBoardJobData(data: unknown): unknown {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return data;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    if (key === 'body') out.body = '[hidden]';
    else if (key === 'inbound') out.inbound = queueBoardJobData(value);
    else out[key] = value;
  }
  return out;
}
