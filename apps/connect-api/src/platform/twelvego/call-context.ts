import type { TwelveGoCallContext } from '@app/twelvego-client';
import type { ClientSnapshot } from '../clients/client-snapshot';
import { getRequestContext } from '../context/request-context';

type CallExtras = Partial<Omit<TwelveGoCallContext, 'apiKey' | 'clientId'>>;

/**
 * The 12go call context for `client`: its own 12go key and its id, plus `extra` (a language, or the correlation
 * id of a background job). The tracing ids of the current request are filled in by the client's
 * `ambientContext` ({@link ambientCallContext}) where `extra` does not set them.
 */
export function callContextFor(client: ClientSnapshot, extra?: CallExtras): TwelveGoCallContext {
  return { apiKey: client.twelvegoApiKey, clientId: client.clientId, ...extra };
}

/** The tracing ids of the request being handled (wired as the 12go client's `ambientContext`). */
export function ambientCallContext(): Pick<TwelveGoCallContext, 'correlationId' | 'requestId'> | undefined {
  const rc = getRequestContext();
  return rc ? { correlationId: rc.correlationId, requestId: rc.requestId } : undefined;
}
