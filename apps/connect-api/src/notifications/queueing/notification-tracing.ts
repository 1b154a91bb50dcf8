import type { Span, SpanContext, Tracer } from 'dd-trace';

/** dd-trace's tracer, loaded lazily (a no-op until `tracer.init()`, e.g. in tests). */
function tracer(): Tracer {
  return require('dd-trace') as Tracer;
}

export type TraceCarrier = Record<string, string>;

/** The active span's context as a text map, stored in job data so worker spans link to the request. */
export function captureTraceContext(): TraceCarrier | undefined {
  try {
    const span = tracer().scope().active();
    if (!span) return undefined;
    const carrier: TraceCarrier = {};
    tracer().inject(span, 'text_map', carrier);
    return Object.keys(carrier).length ? carrier : undefined;
  } catch {
    return undefined;
  }
}

/** Runs `fn` inside a span `name` (docs/platform.md#traces), child of the stored context when there is one. */
export function traced<T>(
  name: string,
  resource: string,
  carrier: TraceCarrier | undefined,
  fn: (span: Span | undefined) => Promise<T>,
): Promise<T> {
  let childOf: SpanContext | undefined;
  try {
    childOf = carrier ? (tracer().extract('text_map', carrier) ?? undefined) : undefined;
  } catch {
    childOf = undefined;
  }
  return tracer().trace(name, { resource, childOf }, (span) => fn(span));
}

/** Sets span tags, ignoring undefined values. */
export function tagSpan(
  span: Span | undefined,
  tags: Record<string, string | number | boolean | undefined | null>,
): void {
  if (!span) return;
  for (const [k, v] of Object.entries(tags)) if (v !== undefined && v !== null) span.setTag(k, v);
}
