import * as nodeHttp from 'node:http';
import * as https from 'node:https';
import type { HttpService } from '@nestjs/axios';
import type { AxiosRequestConfig, AxiosResponse } from 'axios';
import { firstValueFrom } from 'rxjs';

export interface RawAnswer {
  status: number;
  text: string;
  headers: Record<string, unknown>;
}

export interface ExchangeRequest {
  method: 'GET' | 'POST';
  /** Full URL; it may hold `k`, so it is never logged or kept in an error. */
  url: string;
  /** `false` suppresses a header axios would add by default. */
  headers: Record<string, string | false>;
  data?: string;
}

/**
 * No answer at all. Carries only the timeout flag and the network code — never the axios error, whose
 * `config.url` holds the `k` secret.
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

const DEFAULT_HEADERS = {
  Accept: 'application/json',
  'Accept-Encoding': 'gzip, deflate, br',
  'User-Agent': 'travelier-connect-bff',
};

/**
 * One HTTP request through @nestjs/axios on pooled keep-alive sockets, with a whole-response deadline.
 * Any status is an answer; the body is returned as text (parsing is the caller's business).
 */
export class HttpExchange {
  private readonly httpAgent: nodeHttp.Agent;
  private readonly httpsAgent: https.Agent;

  constructor(
    private readonly http: HttpService,
    maxConnections: number,
    private readonly extraHeaders: Record<string, string> = {},
  ) {
    const agentOptions = { keepAlive: true, maxSockets: maxConnections, maxFreeSockets: 32 };
    this.httpAgent = new nodeHttp.Agent(agentOptions);
    this.httpsAgent = new https.Agent(agentOptions);
  }

  async send(request: ExchangeRequest, timeoutMs: number): Promise<RawAnswer> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const config: AxiosRequestConfig<string> = {
      method: request.method,
      url: request.url,
      data: request.data,
      headers: { ...DEFAULT_HEADERS, ...this.extraHeaders, ...request.headers },
      signal: controller.signal,
      responseType: 'text',
      transformResponse: [(body: unknown) => body],
      validateStatus: () => true,
      maxRedirects: 0, // a redirect would carry `k` to another URL
      decompress: true,
      httpAgent: this.httpAgent,
      httpsAgent: this.httpsAgent,
    };
    try {
      const response: AxiosResponse<unknown> = await firstValueFrom(this.http.request(config));
      const data = response.data;
      const text = typeof data === 'string' ? data : data == null ? '' : String(data);
      return { status: response.status, text, headers: { ...(response.headers as Record<string, unknown>) } };
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      const causeCode = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
      const networkCode =
        typeof causeCode === 'string' ? causeCode : typeof code === 'string' ? code : undefined;
      throw new ExchangeFailure(timedOut, networkCode);
    } finally {
      clearTimeout(timer);
    }
  }

  destroy(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}
