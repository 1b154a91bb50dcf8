import type { IncomingMessage, ServerResponse } from 'node:http';
import { Writable } from 'node:stream';
import type { AppConfig } from '../config/app-config';
import { contextForRawRequest } from '../context/raw-request-context';
import { runWithRequestContext } from '../context/request-context';
import { createRootLogger, nestLogger, writeAccessLine } from './create-logger';
import { SecretScrubber } from './redaction';

function rootLogger() {
  const out: string[] = [];
  const config = { LOG_LEVEL: 'info', DD_SERVICE: 'svc', DD_VERSION: 'v' } as unknown as AppConfig;
  const logger = createRootLogger(
    config,
    new SecretScrubber(),
    new Writable({ write: (c, _e, cb) => (out.push(c.toString()), cb()) }),
  );
  return { logger, out };
}

function exchange(url: string, status: number, headers: Record<string, string> = {}) {
  const req = {
    url,
    method: 'GET',
    headers,
    socket: { remoteAddress: '10.0.0.1' },
  } as unknown as IncomingMessage;
  const res = { statusCode: status, getHeader: () => '12' } as unknown as ServerResponse & { err?: Error };
  return { req, res };
}

describe('the access line (docs/platform.md#logs-and-redaction)', () => {
  it('one `request completed` line with request_id once and the access fields', () => {
    const { logger, out } = rootLogger();
    const { req, res } = exchange('/v1/demo/x?k=secret', 200, {
      'x-request-id': 'r-1',
      'x-correlation-id': 'c-1',
    });
    contextForRawRequest(req).route = '/v1/:client_id/x';
    writeAccessLine(logger, req, res, 7);
    expect(out).toHaveLength(1);
    expect(out[0].match(/"request_id":/g)).toHaveLength(1);
    expect(JSON.parse(out[0])).toMatchObject({
      level: 'info',
      msg: 'request completed',
      request_id: 'r-1',
      correlation_id: 'c-1',
      route: 'GET /v1/:client_id/x',
      status: 200,
      duration_ms: 7,
      bytes_out: 12,
      remote_ip: '10.0.0.1',
    });
  });

  it('health checks are not logged; a 5xx is an error line with its cause', () => {
    const { logger, out } = rootLogger();
    writeAccessLine(logger, exchange('/health/ready', 200).req, exchange('/health/ready', 200).res, 1);
    expect(out).toHaveLength(0);
    const { req, res } = exchange('/v1/demo/x', 500);
    res.err = Object.assign(new Error('boom'), { kind: 'Internal' });
    contextForRawRequest(req).errorCode = 'internal_error';
    writeAccessLine(logger, req, res, 3);
    const bare = exchange('/v1/demo/y', 502);
    writeAccessLine(logger, bare.req, bare.res, 3);
    const [withCause, synthetic] = out.map((l) => JSON.parse(l));
    expect(withCause).toMatchObject({
      level: 'error',
      error: { code: 'internal_error', kind: 'Internal', message: 'boom' },
    });
    expect(withCause.error.stack).toContain('boom');
    expect(synthetic.level).toBe('error');
    expect(synthetic.error).toEqual({});
  });

  it("Nest's logger adds the request's request_id inside a request, other loggers do not", () => {
    const { logger, out } = rootLogger();
    const nest = nestLogger(logger);
    const { req } = exchange('/v1/demo/x', 200, { 'x-request-id': 'r-2' });
    runWithRequestContext(contextForRawRequest(req), () => {
      nest.info({ context: 'Svc' }, 'inside');
      logger.info({ context: 'Other' }, 'root inside');
    });
    nest.info({ context: 'Svc' }, 'outside');
    const [inside, rootInside, outside] = out.map((l) => JSON.parse(l));
    expect(inside).toMatchObject({ request_id: 'r-2', context: 'Svc', msg: 'inside' });
    expect(rootInside.request_id).toBeUndefined();
    expect(outside.request_id).toBeUndefined();
  });
});
