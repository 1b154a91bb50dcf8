import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Logger as PinoLogger } from 'pino';
import { getRequestContext, type RequestContext } from '../context/request-context';
import { AppLogger } from '../logging/app-logger';
import { BusinessEventName, ROUTE_EVENTS } from './business-event-names';
import { recordBusinessEvent } from './record-business-event';

export type EventFields = Record<string, unknown>;

/** The ids an event carries: a request's, or those a background job kept from the request that caused it. */
export type EventIds = Partial<
  Pick<RequestContext, 'clientId' | 'correlationId' | 'requestId' | 'apiVersion'>
>;

export interface RequestOutcome {
  method: string;
  route: string | undefined;
  statusCode: number;
  durationMs: number;
}

/**
 * Business events as JSON log lines (docs/platform.md#business-events) from a logger fixed at `info` whatever
 * `LOG_LEVEL` says. A funnel route (ROUTE_EVENTS) emits its event once when the response is sent, with the
 * fields the feature recorded during the request and the outcome of the response; other events are
 * emitted directly with `emit()`.
 */
@Injectable()
export class BusinessEvents {
  private readonly logger: PinoLogger;

  constructor(appLogger: AppLogger) {
    this.logger = appLogger.pino.child({ context: 'BusinessEvents' }, { level: 'info' });
  }

  /** See recordBusinessEvent(): fields for the current request's event. */
  record(name: BusinessEventName, fields: EventFields): void {
    if (!getRequestContext()) this.emit(name, 'success', fields, undefined);
    else recordBusinessEvent(name, fields);
  }

  /** Lets recordBusinessEvent() emit after the response (the context outlives it in background work). */
  attach(ctx: RequestContext): void {
    ctx.emitBusinessEvent = (name, fields) => this.emit(name, 'success', fields, ctx);
  }

  /**
   * An event of background work (queue workers, outside any request), emitted now with the ids the work
   * item carries — the correlation id of the request that started it, the client it concerns.
   */
  emitFor(name: BusinessEventName, outcome: 'success' | 'failure', fields: EventFields, ids: EventIds): void {
    this.emit(name, outcome, fields, ids);
  }

  /** Emits one event now. */
  emit(
    name: BusinessEventName,
    outcome: 'success' | 'failure',
    fields: EventFields,
    ctx: EventIds | undefined = getRequestContext(),
    common: EventFields = {},
  ): void {
    this.logger.info(
      {
        evt: { name, version: 1, id: randomUUID(), outcome },
        client_id: ctx?.clientId,
        correlation_id: ctx?.correlationId,
        request_id: ctx?.requestId,
        api_version: ctx?.apiVersion || undefined,
        ...common,
        ...fields,
      },
      name,
    );
  }

  /** Called by the HTTP pipeline once per response. */
  finishRequest(ctx: RequestContext, outcome: RequestOutcome): void {
    const routeName = outcome.route ? ROUTE_EVENTS[`${outcome.method} ${outcome.route}`] : undefined;
    const pending = ctx.businessEvent;
    const name = pending?.name ?? routeName;
    if (!name || pending?.emitted) return;
    // Requests stopped before the handler (authentication, version, rate limit) are no funnel attempt.
    if (!pending && (!ctx.client || ctx.rejectedBeforeHandler)) return;
    const failed = outcome.statusCode >= 400;
    ctx.businessEvent = { name, fields: pending?.fields ?? {}, emitted: true };
    this.emit(name, failed ? 'failure' : 'success', pending?.fields ?? {}, ctx, {
      duration_ms: Math.round(outcome.durationMs),
      http: { status_code: outcome.statusCode },
      ...(failed && ctx.errorCode ? { error: { code: ctx.errorCode } } : {}),
    });
  }
}
