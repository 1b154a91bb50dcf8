import { randomUUID } from 'node:crypto';

/** docs/contract/headers.md#tracing-headers. */
const TRACE_ID = /^[A-Za-z0-9\-=]{1,100}$/;
const EXPERIMENT = /^[\x21-\x7e]{1,100}$/;

export interface TracingIds {
  correlationId: string;
  requestId: string;
  experiment?: string;
  /** Which incoming values were present but invalid (logged, never echoed). */
  invalid: Array<'x-correlation-id' | 'x-request-id' | 'x-api-experiment'>;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Never rejects: invalid or missing ids are replaced by UUID v4 (D3). */
export function resolveTracingIds(headers: Record<string, string | string[] | undefined>): TracingIds {
  const invalid: TracingIds['invalid'] = [];
  const pick = (name: 'x-correlation-id' | 'x-request-id'): string => {
    const value = single(headers[name]);
    if (value !== undefined && TRACE_ID.test(value)) return value;
    if (value !== undefined && value !== '') invalid.push(name);
    return randomUUID();
  };
  const correlationId = pick('x-correlation-id');
  const requestId = pick('x-request-id');
  const rawExperiment = single(headers['x-api-experiment']);
  let experiment: string | undefined;
  if (rawExperiment !== undefined && EXPERIMENT.test(rawExperiment)) experiment = rawExperiment;
  else if (rawExperiment !== undefined && rawExperiment !== '') invalid.push('x-api-experiment');
  return { correlationId, requestId, experiment, invalid };
}
