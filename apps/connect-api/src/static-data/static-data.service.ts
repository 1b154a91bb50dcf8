import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { AddressInfo } from 'node:net';
import { AppConfig } from '../platform/config/app-config';
import { AppLogger, type ContextLogger } from '../platform/logging/app-logger';
import { ContractError } from '../platform/errors/contract-error';
import type { ClientSnapshot } from '../platform/clients/client-snapshot';
import { variantKey } from './documents/document-set.builder';
import type { StaticDocumentName } from './documents/static-document.types';
import { CatalogRefreshService } from './catalog-refresh.service';
import { listenOrigin } from './links/link-origin';
import { staticLinkPath, verifyStaticLink, type StaticLinkClaims } from './links/static-link.signer';
import { StaticDataStore, type StoredDocument, type VersionMeta } from './store/static-data.store';

const TOP_N = 10_000;
const NOT_READY_RETRY_AFTER_S = 30;
/** A document missing under a current version forces a refresh at most this often per instance. */
export const MISSING_DOCUMENT_REFRESH_INTERVAL_MS = 5_000;

export interface SignedDocumentQuery {
  locale?: unknown;
  expires?: unknown;
  sig?: unknown;
}

/** Serves the published documents: signed links, inline GetList arrays and the documents behind the links. */
@Injectable()
export class StaticDataService {
  private readonly logger: ContextLogger;
  /** `STATIC_LINK_BASE_URL` (required in production): public origin of the links. */
  readonly linkBaseUrl: string | undefined;
  private lastForcedRefreshAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly config: AppConfig,
    private readonly store: StaticDataStore,
    appLogger: AppLogger,
    private readonly adapterHost: HttpAdapterHost,
    private readonly refresh: CatalogRefreshService,
  ) {
    this.logger = appLogger.forContext('StaticData');
    this.linkBaseUrl = parseLinkBaseUrl(config.STATIC_LINK_BASE_URL);
  }

  /** STATIC_LINK_BASE_URL, else this instance's listen address; request headers never choose it. */
  linkOrigin(): string {
    if (this.linkBaseUrl) return this.linkBaseUrl;
    const bound = this.adapterHost.httpAdapter?.getHttpServer()?.address() as AddressInfo | string | null;
    const port = bound && typeof bound === 'object' ? bound.port : this.config.PORT;
    return listenOrigin(this.config.HOST, port);
  }

  /** Absolute signed link to a client's document (docs/contract/endpoints.md#master-data). */
  async link(
    client: ClientSnapshot,
    document: StaticDocumentName,
    locale: string,
    origin: string,
    nowMs = Date.now(),
  ): Promise<string> {
    // The link is only worth handing out when there is something to serve.
    await this.currentOrUnavailable();
    const expires = Math.floor(nowMs / 1000) + this.config.STATIC_LINK_TTL_MIN * 60;
    return `${origin}${staticLinkPath({ clientId: client.clientId, document, locale, expires }, this.config.staticLinkHmacKey)}`;
  }

  /** Inline GetList body (JSON array), first 10 000 records by id when `top10K`. */
  async list(
    client: ClientSnapshot,
    document: StaticDocumentName,
    locale: string,
    top10K: boolean,
  ): Promise<StoredDocument | Buffer> {
    const doc = await this.document(client, document, locale);
    if (!top10K) return doc;
    const records = JSON.parse(doc.json().toString('utf8')) as unknown[];
    return records.length <= TOP_N ? doc : Buffer.from(JSON.stringify(records.slice(0, TOP_N)), 'utf8');
  }

  /** Checks a signed link; `linkRejected` for a bad or expired signature. */
  verifyLink(
    clientId: string,
    document: StaticDocumentName,
    query: SignedDocumentQuery,
    nowMs = Date.now(),
  ): StaticLinkClaims {
    const locale = typeof query.locale === 'string' ? query.locale : '';
    const expiresText = typeof query.expires === 'string' ? query.expires : '';
    const sig = typeof query.sig === 'string' ? query.sig : '';
    if (!/^\d{1,12}$/.test(expiresText) || sig === '' || locale === '') throw linkRejected('invalid');
    const claims: StaticLinkClaims = { clientId, document, locale, expires: Number(expiresText) };
    const check = verifyStaticLink(claims, sig, this.config.staticLinkHmacKey, Math.floor(nowMs / 1000));
    if (check !== 'valid') throw linkRejected(check === 'expired' ? 'expired' : 'invalid');
    return claims;
  }

  async document(
    client: ClientSnapshot,
    document: StaticDocumentName,
    locale: string,
  ): Promise<StoredDocument> {
    const meta = await this.currentOrUnavailable();
    const served = meta.locales.includes(locale) ? locale : 'en';
    const key = variantKey(client.idScheme, served, document);
    const doc = await this.store.document(meta, key).catch((e: unknown) => {
      throw storeUnavailable(e);
    });
    if (!doc) {
      this.logger.warn({ msg: 'static_data.document_missing', static_version: meta.version, variant: key });
      this.rebuildMissingDocuments();
      throw notReady();
    }
    return doc;
  }

  /**
   * Blobs evicted under a current version: rebuild them, at most once per interval (every request for the
   * missing document would otherwise force its own full refresh); refreshNow joins one already running.
   */
  private rebuildMissingDocuments(): void {
    const now = Date.now();
    if (now - this.lastForcedRefreshAt < MISSING_DOCUMENT_REFRESH_INTERVAL_MS) return;
    this.lastForcedRefreshAt = now;
    void this.refresh.refreshNow(true);
  }

  private async currentOrUnavailable(): Promise<VersionMeta> {
    const meta = await this.store.current().catch((e: unknown) => {
      throw storeUnavailable(e);
    });
    if (!meta) {
      void this.refresh.rebuildIfMissing('request');
      throw notReady();
    }
    return meta;
  }
}

/** Fails boot on a malformed value (config is validated at startup). */
export function parseLinkBaseUrl(value: string | undefined): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (!url || !['http:', 'https:'].includes(url.protocol) || url.search || url.hash) {
    throw new Error('STATIC_LINK_BASE_URL must be an http(s) URL without query or fragment');
  }
  return text.replace(/\/+$/, '');
}

function notReady(): ContractError {
  return new ContractError('upstream_unavailable', 'Static data is not available yet; retry shortly.', {
    status: 503,
    retryAfterSec: NOT_READY_RETRY_AFTER_S,
  });
}

function storeUnavailable(cause: unknown): ContractError {
  return new ContractError('upstream_unavailable', 'Static data is temporarily unavailable.', {
    status: 503,
    retryAfterSec: NOT_READY_RETRY_AFTER_S,
    cause,
  });
}

/**
 * Expired, tampered or incomplete link → 401 `unauthorized`: the signature is the link's credential, and the
 * contract pairs `unauthorized` with 401 only (docs/adr/0106-rejected-static-link-401.md). 403 stays
 * `client_disabled` (a valid link of a disabled client).
 */
export function linkRejected(reason: 'expired' | 'invalid'): ContractError {
  const message =
    reason === 'expired' ? 'This link has expired; request a new one.' : 'This link is not valid.';
  return new ContractError('unauthorized', message);
}
