import type { IncomingMessage } from 'node:http';
import { PassThrough } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../platform/config/app-config';

/** Proxied bodies larger than this are recorded as null (the proxy still passes them on in full). */
const MAX_RECORDED_BODY_BYTES = 1024 * 1024;

interface Decision {
  sampled: boolean;
  body?: { chunks: Buffer[]; size: number };
}

/**
 * The recording decision of one request (made once, remembered on the raw request), and for proxied
 * requests a copy of the body bytes as they stream to legacy (the BFF does not parse those bodies).
 */
@Injectable()
export class RecordingSampler {
  private readonly decisions = new WeakMap<IncomingMessage, Decision>();

  constructor(private readonly config: AppConfig) {}

  get enabled(): boolean {
    return this.config.RECORD_REQUESTS_SAMPLE > 0 && Boolean(this.config.RECORD_REQUESTS_PATH);
  }

  isSampled(raw: IncomingMessage): boolean {
    let d = this.decisions.get(raw);
    if (!d) {
      d = { sampled: this.enabled && Math.random() < this.config.RECORD_REQUESTS_SAMPLE };
      this.decisions.set(raw, d);
    }
    return d.sampled;
  }

  /**
   * The stream to proxy instead of the raw request: the same bytes, copied (bounded) for the recording
   * when the request is sampled; the raw request itself otherwise.
   */
  proxiedBody(raw: IncomingMessage): NodeJS.ReadableStream {
    if (!this.isSampled(raw)) return raw;
    const d = this.decisions.get(raw)!;
    const copy = (d.body = { chunks: [] as Buffer[], size: 0 });
    const tee = new PassThrough();
    // Both consumers attach in this tick, before the first chunk can be emitted.
    raw.on('data', (chunk: Buffer) => {
      copy.size += chunk.length;
      if (copy.size <= MAX_RECORDED_BODY_BYTES) copy.chunks.push(chunk);
    });
    raw.on('error', (e) => tee.destroy(e));
    raw.pipe(tee);
    return tee;
  }

  /** The proxied body as JSON when it was copied, whole and parseable; otherwise null. */
  proxiedJson(raw: IncomingMessage): unknown {
    const body = this.decisions.get(raw)?.body;
    if (!body || body.size === 0 || body.size > MAX_RECORDED_BODY_BYTES) return null;
    try {
      return JSON.parse(Buffer.concat(body.chunks).toString('utf8')) as unknown;
    } catch {
      return null;
    }
  }
}
