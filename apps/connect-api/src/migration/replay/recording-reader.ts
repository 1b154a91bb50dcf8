import type { RecordedRequest } from '../recording/recorded-request';

export interface BadLine {
  line: number;
  problem: string;
}

export interface ParsedRecording {
  requests: Array<{ line: number; request: RecordedRequest }>;
  bad: BadLine[];
}

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD']);

function problemOf(v: unknown): string | undefined {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return 'not a JSON object';
  const r = v as Partial<RecordedRequest>;
  if (typeof r.method !== 'string' || !METHODS.has(r.method)) return 'method is missing or unknown';
  if (typeof r.path !== 'string' || !r.path.startsWith('/v1/')) return 'path must start with /v1/';
  if (r.query !== undefined && typeof r.query !== 'string') return 'query must be a string';
  if (r.key_id !== undefined && typeof r.key_id !== 'string') return 'key_id must be a string';
  if (
    r.headers !== undefined &&
    (typeof r.headers !== 'object' || r.headers === null || Array.isArray(r.headers))
  )
    return 'headers must be an object';
  return undefined;
}

/** Parses a JSONL recording; blank lines are ignored, bad lines are reported (1-based) and skipped. */
export function parseRecording(text: string): ParsedRecording {
  const out: ParsedRecording = { requests: [], bad: [] };
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (e) {
      out.bad.push({ line, problem: `not JSON (${(e as Error).message})` });
      return;
    }
    const problem = problemOf(value);
    if (problem) out.bad.push({ line, problem });
    else {
      const r = value as RecordedRequest;
      out.requests.push({ line, request: { ...r, query: r.query ?? '', headers: r.headers ?? {} } });
    }
  });
  return out;
}
