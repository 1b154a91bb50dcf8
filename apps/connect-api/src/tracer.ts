/**
 * Datadog tracer, initialised before anything else is imported (docs/platform.md#traces): main.ts imports
 * this file first so Fastify, HTTP clients and ioredis are instrumented and routes keep their names.
 * Imports nothing but dd-trace and the dependency-free env parser the boot config uses (which also refuses a bad
 * DD_TRACE_ENABLED / DD_LOGS_INJECTION). Off when DD_TRACE_ENABLED=false (local, tests).
 */
import tracer from 'dd-trace';
import { envFlag } from './platform/config/env-parsers';

const enabled = envFlag(process.env.DD_TRACE_ENABLED, true);

function stripQuery(url: unknown): unknown {
  return typeof url === 'string' ? url.split('?')[0] : url;
}

if (enabled) {
  tracer.init({
    // service, env, version, log injection and runtime metrics come from the DD_* variables.
    logInjection: envFlag(process.env.DD_LOGS_INJECTION, true),
    startupLogs: false,
  });
  // The 12go key travels as the `k` query parameter: never let a URL with its query reach a span.
  const clientHook = {
    hooks: {
      request: (span?: {
        setTag(key: string, value: unknown): void;
        context(): { _tags?: Record<string, unknown> };
      }) => {
        if (!span) return;
        const tags = span.context()._tags ?? {};
        span.setTag('http.url', stripQuery(tags['http.url']));
      },
    },
  };
  tracer.use('http', { client: clientHook, server: { blocklist: [/^\/health\//] } } as never);
  tracer.use('undici', clientHook as never);
  tracer.use('fetch', clientHook as never);
  tracer.use('fastify', { blocklist: [/^\/health\//] } as never);
}

export default tracer;
