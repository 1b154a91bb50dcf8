import { Inject, Injectable } from '@nestjs/common';
import { SANDBOX_CONFIG, SandboxConfig } from '../config/sandbox-config';

/** Recent upstream requests for `GET /__sandbox/requests` (docs/upstream-12go.md#admin-api); `k` is masked. */

export interface RequestLogEntry {
  seq: number;
  at: string;
  method: string;
  path: string;
  query: Record<string, unknown>;
  body: unknown;
  status: number | null;
  ms: number | null;
  fault: string | null;
}

export function maskQuery(query: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(query ?? {})) out[key] = key === 'k' ? '***' : value;
  return out;
}

@Injectable()
export class RequestLogService {
  private entries: RequestLogEntry[] = [];
  private seq = 0;

  constructor(@Inject(SANDBOX_CONFIG) private readonly config: SandboxConfig) {}

  start(method: string, path: string, query: Record<string, unknown> | undefined): RequestLogEntry {
    const entry: RequestLogEntry = {
      seq: ++this.seq,
      at: new Date().toISOString(),
      method,
      path,
      query: maskQuery(query),
      body: null,
      status: null,
      ms: null,
      fault: null,
    };
    if (this.config.requestLogSize > 0) {
      this.entries.push(entry);
      if (this.entries.length > this.config.requestLogSize)
        this.entries.splice(0, this.entries.length - this.config.requestLogSize);
    }
    return entry;
  }

  list(): RequestLogEntry[] {
    return this.entries.map((e) => ({ ...e }));
  }

  clear(): void {
    this.entries = [];
  }
}
