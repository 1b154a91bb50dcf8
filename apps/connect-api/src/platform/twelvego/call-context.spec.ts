import type { ClientSnapshot } from '../clients/client-snapshot';
import { runWithRequestContext } from '../context/request-context';
import type { AppConfig } from '../config/app-config';
import type { AppLogger } from '../logging/app-logger';
import { ambientCallContext, callContextFor } from './call-context';
import { twelveGoClientOptions } from './twelvego-client-options.factory';

const client = {
  clientId: 'acme',
  twelvegoApiKey: 'k-acme',
  defaults: { locale: 'de' },
} as unknown as ClientSnapshot;

describe('callContextFor', () => {
  it("carries the client's 12go key and id", () => {
    expect(callContextFor(client)).toEqual({ apiKey: 'k-acme', clientId: 'acme' });
  });
  it('lets the caller set the language or a correlation id', () => {
    expect(callContextFor(client, { lang: 'th', correlationId: 'job-1' })).toEqual({
      apiKey: 'k-acme',
      clientId: 'acme',
      lang: 'th',
      correlationId: 'job-1',
    });
  });
});

describe('ambientCallContext', () => {
  it('is undefined outside a request', () => {
    expect(ambientCallContext()).toBeUndefined();
  });
  it('gives the tracing ids of the current request', () => {
    const ids = runWithRequestContext({ correlationId: 'c-1', requestId: 'r-1', apiVersion: '1' }, () =>
      ambientCallContext(),
    );
    expect(ids).toEqual({ correlationId: 'c-1', requestId: 'r-1' });
  });
});

describe('twelveGoClientOptions', () => {
  it("wires the request's tracing ids as the client's ambient context", () => {
    const logger = { forContext: () => ({}) } as unknown as AppLogger;
    const config = { TWELVEGO_BASE_URL: 'http://127.0.0.1:1', TWELVEGO_TIMEOUTS: '' } as unknown as AppConfig;
    const options = twelveGoClientOptions(config, logger);
    const ambient = runWithRequestContext({ correlationId: 'c-2', requestId: 'r-2', apiVersion: '1' }, () =>
      options.ambientContext?.(),
    );
    expect(ambient).toEqual({ correlationId: 'c-2', requestId: 'r-2' });
  });
});
