import * as zlib from 'node:zlib';
import { Agent, type Dispatcher } from 'undici';

export interface RawAnswer {
  status: number;
  text: string;
  headers: Record<string, unknown>;
}

export interface ExchangeRequest {
  method: 'GET' | 'POST';
  /** Full URL; it may hold `k`, so it is never logged or kept in an error. */
  url: string;
  headers: Record<string, string>;
  data?: string;
}

/**
 * No answer at all. Carries only the timeout flag and the network code — never the client's error, whose
 * fields may hold the URL and with it the `k` secret.
 */
export class ExchangeFailure extends Error {
  constructor(
    readonly timedOut: boolean,
    readonly code: string | undefined,
  ) {
    super(timedOut ? 'no answer before the timeout' : `no answer (${code ?? 'network error'})`);
    this.name = 'ExchangeFailure';
  }
}

const DEFAULT_HEADERS: Record<string, string> = {
  accept: 'application/json',
  'accept-encoding': 'gzip, deflate, br',
  'user-agent': 'travelier-connect-bff',
};

/** Compressed answers up to this size are inflated on the main thread (≈ 0.3 ms for a 140-trip search). */
const SYNC_INFLATE_MAX_BYTES = 256 * 1024;

/**
 * One HTTP request through an undici `Agent` (keep-alive pool per origin, `maxConnections` sockets each), with
 * a whole-response deadline. Any status is an answer; the body is decompressed and returned as text
 * (parsing is the caller's business). Redirects are never followed (a redirect would carry `k` elsewhere).
 */
export class HttpExchange {
  private readonly agent: Agent;
  private readonly baseHeaders: Record<string, string>;

  constructor(maxConnections: number, extraHeaders: Record<string, string> = {}) {
    this.agent = new Agent({
      connections: maxConnections,
      pipelining: 1,
      // Our per-call deadline (AbortSignal) bounds the whole exchange; undici's own 300 s defaults would
      // cut the 300 s recheck call short.
      headersTimeout: 0,
      bodyTimeout: 0,
    });
    this.baseHeaders = { ...DEFAULT_HEADERS, ...lowerCaseKeys(extraHeaders) };
  }

  async send(request: ExchangeRequest, timeoutMs: number): Promise<RawAnswer> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    try {
      const url = new URL(request.url);
      const response = await this.agent.request({
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: request.method,
        headers: { ...this.baseHeaders, ...lowerCaseKeys(request.headers) },
        body: request.data,
        signal: controller.signal,
      });
      const raw = Buffer.from(await response.body.arrayBuffer());
      const text = (await decode(raw, response.headers['content-encoding'])).toString('utf8');
      return { status: response.statusCode, text, headers: response.headers };
    } catch (error) {
      throw new ExchangeFailure(timedOut, networkCodeOf(error));
    } finally {
      clearTimeout(timer);
    }
  }

  destroy(): void {
    void this.agent.destroy().catch(() => undefined);
  }
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(headers)) out[key.toLowerCase()] = headers[key];
  return out;
}

type Inflate = (buf: Buffer) => Buffer;
type InflateAsync = (buf: Buffer, cb: (error: Error | null, result: Buffer) => void) => void;

function decoderFor(encoding: string, first: number | undefined): [Inflate, InflateAsync] | undefined {
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return [zlib.gunzipSync, zlib.gunzip];
    case 'deflate':
    case 'x-deflate':
      // "deflate" is zlib-wrapped per the RFC, raw in some servers: the first byte tells them apart.
      return first !== undefined && (first & 0x0f) === 0x08
        ? [zlib.inflateSync, zlib.inflate]
        : [zlib.inflateRawSync, zlib.inflateRaw];
    case 'br':
      return [zlib.brotliDecompressSync, zlib.brotliDecompress];
    default:
      return undefined;
  }
}

/** Undoes `Content-Encoding` (gzip, deflate, br), as the previous client did; unknown codings pass through. */
async function decode(raw: Buffer, header: Dispatcher.ResponseData['headers'][string]): Promise<Buffer> {
  const encoding = (Array.isArray(header) ? header.join(',') : (header ?? '')).trim().toLowerCase();
  if (raw.length === 0 || encoding === '' || encoding === 'identity') return raw;
  const decoder = decoderFor(encoding, raw[0]);
  if (!decoder) return raw;
  const [sync, async] = decoder;
  if (raw.length <= SYNC_INFLATE_MAX_BYTES) return sync(raw);
  return new Promise((resolve, reject) => async(raw, (error, out) => (error ? reject(error) : resolve(out))));
}

/**
 * The OS-level code of a failed exchange (ECONNREFUSED, ECONNRESET, …). undici wraps socket faults in its
 * own codes; those are translated so logs and error kinds read as before.
 */
function networkCodeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  const causeCode = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  if (typeof causeCode === 'string') return causeCode;
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return 'ETIMEDOUT';
  if (code === 'UND_ERR_SOCKET') return 'ECONNRESET';
  return typeof code === 'string' ? code : undefined;
}
