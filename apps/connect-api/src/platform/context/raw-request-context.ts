import type { IncomingMessage } from 'node:http';
import type { RequestContext } from './request-context';
import { resolveTracingIds } from './tracing-headers';

const CONTEXT = Symbol('tc.requestContext');
type WithContext = IncomingMessage & { [CONTEXT]?: RequestContext };

/**
 * The request's context, created on first use from its headers and memoised on the raw request, so the
 * access logger (which may run before the platform hooks) and the hooks share one object.
 */
export function contextForRawRequest(req: IncomingMessage): RequestContext {
  const raw = req as WithContext;
  let ctx = raw[CONTEXT];
  if (!ctx) {
    const ids = resolveTracingIds(req.headers);
    ctx = {
      correlationId: ids.correlationId,
      requestId: ids.requestId,
      experiment: ids.experiment,
      apiVersion: '', // set to the current version by the platform's first hook
      invalidTracingHeaders: ids.invalid.length ? ids.invalid : undefined,
    };
    raw[CONTEXT] = ctx;
  }
  return ctx;
}
