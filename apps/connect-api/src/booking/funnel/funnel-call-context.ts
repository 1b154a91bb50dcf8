import type { TwelveGoCallContext } from '@app/twelvego-client';
import type { ClientSnapshot } from '../../platform/clients/client-snapshot';
import { getRequestContext } from '../../platform/context/request-context';

/** The 12go call context of the current request for `client` (its own 12go key, tracing ids forwarded). */
export function callContextFor(client: ClientSnapshot): TwelveGoCallContext {
  const rc = getRequestContext();
  return {
    apiKey: client.twelvegoApiKey,
    correlationId: rc?.correlationId,
    requestId: rc?.requestId,
    clientId: client.clientId,
    lang: client.defaults.locale,
  };
}
