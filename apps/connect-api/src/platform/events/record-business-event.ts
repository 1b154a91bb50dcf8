import { getRequestContext } from '../context/request-context';
import type { BusinessEventName } from './business-event-names';

/**
 * Adds the specific fields of a business event (docs/platform.md#business-events) to the current request; the platform
 * emits the event once when the response is sent, with the common fields and the outcome. Features call
 * this (no injection needed). After the response (async flow finishing in the background) the event is
 * emitted at once; outside a request nothing is recorded.
 */
export function recordBusinessEvent(name: BusinessEventName, fields: Record<string, unknown>): void {
  const ctx = getRequestContext();
  if (!ctx) return;
  if (ctx.businessEvent?.emitted) {
    ctx.emitBusinessEvent?.(name, fields);
    return;
  }
  const pending = (ctx.businessEvent ??= { name, fields: {}, emitted: false });
  pending.name = name;
  Object.assign(pending.fields, fields);
}
