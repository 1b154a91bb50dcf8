import type { HttpAdapterHost } from '@nestjs/core';
import type { AppConfig } from '../platform/config/app-config';
import type { ClientSnapshot } from '../platform/clients/client-snapshot';
import type { ContractError } from '../platform/errors/contract-error';
import type { AppLogger } from '../platform/logging/app-logger';
import type { CatalogRefreshService } from './catalog-refresh.service';
import {
  MISSING_DOCUMENT_REFRESH_INTERVAL_MS,
  parseLinkBaseUrl,
  StaticDataService,
} from './static-data.service';
import type { StaticDataStore } from './store/static-data.store';

describe('parseLinkBaseUrl (STATIC_LINK_BASE_URL)', () => {
  it('accepts an http(s) origin or path prefix, without a trailing slash', () => {
    expect(parseLinkBaseUrl(undefined)).toBeUndefined();
    expect(parseLinkBaseUrl('  ')).toBeUndefined();
    expect(parseLinkBaseUrl('https://api.travelier.com/')).toBe('https://api.travelier.com');
    expect(parseLinkBaseUrl('https://edge.example/connect')).toBe('https://edge.example/connect');
  });

  it.each(['ftp://x', 'not a url', 'https://x/?a=1', 'https://x/#f'])('refuses %s', (value) => {
    expect(() => parseLinkBaseUrl(value)).toThrow(/STATIC_LINK_BASE_URL/);
  });
});

describe('StaticDataService: a document missing under a current version', () => {
  const meta = { version: 'v1', builtAt: '', locales: ['en'], schemes: ['12go'], documents: {} };
  const client = { clientId: 'demo', idScheme: '12go' } as unknown as ClientSnapshot;

  function serviceWithMissingDocument() {
    let finishRefresh: () => void = () => undefined;
    const refreshNow = jest.fn(
      () => new Promise<'unchanged'>((resolve) => (finishRefresh = () => resolve('unchanged'))),
    );
    const service = new StaticDataService(
      {} as AppConfig,
      { current: async () => meta, document: async () => undefined } as unknown as StaticDataStore,
      { forContext: () => ({ warn: () => undefined }) } as unknown as AppLogger,
      {} as HttpAdapterHost,
      { refreshNow } as unknown as CatalogRefreshService,
    );
    return { service, refreshNow, finish: () => finishRefresh() };
  }
  const ask = (service: StaticDataService) =>
    service.document(client, 'stations', 'en').then(
      () => 'served',
      (e: ContractError) => `${e.status}`,
    );

  afterEach(() => jest.restoreAllMocks());

  it('answers 503 and forces at most one refresh per interval, however many requests ask', async () => {
    let now = 1_000_000;
    jest.spyOn(Date, 'now').mockImplementation(() => now);
    const { service, refreshNow, finish } = serviceWithMissingDocument();
    expect(await Promise.all(Array.from({ length: 20 }, () => ask(service)))).toEqual(Array(20).fill('503'));
    finish();
    now += MISSING_DOCUMENT_REFRESH_INTERVAL_MS - 1;
    expect(await ask(service)).toBe('503');
    expect(refreshNow).toHaveBeenCalledTimes(1);
    expect(refreshNow).toHaveBeenCalledWith(true);
    now += 1;
    expect(await ask(service)).toBe('503');
    expect(refreshNow).toHaveBeenCalledTimes(2);
  });
});
