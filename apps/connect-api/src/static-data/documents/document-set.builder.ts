import { createHash } from 'node:crypto';
import type { Catalog } from '../catalog/catalog.types';
import { SUPPORTED_LOCALES } from '../../contract/locale';
import { STATIC_DOCUMENTS, type DocumentIdMapper, type StaticDocumentName } from './static-document.types';
import { buildStaticDocuments, translatedLocales } from './static-documents.builder';

export type DocumentVariantKey = `${string}:${string}:${StaticDocumentName}`;

export interface BuiltDocument {
  /** Serialised JSON array. */
  body: Buffer;
  /** Strong ETag value including quotes, derived from the content. */
  etag: string;
  count: number;
}

export interface DocumentSet {
  /** Content hash of every variant: equal catalogues and mappings give equal versions on every instance. */
  version: string;
  locales: string[];
  schemes: string[];
  documents: Map<DocumentVariantKey, BuiltDocument>;
  droppedStations: number[];
}

export function variantKey(scheme: string, locale: string, document: StaticDocumentName): DocumentVariantKey {
  return `${scheme}:${locale}:${document}`;
}

/**
 * Every document for every id scheme and every locale that has translations (`en` always); a locale
 * without translations is served from `en`. Pure.
 */
export function buildDocumentSet(catalog: Catalog, mappers: Record<string, DocumentIdMapper>): DocumentSet {
  const locales = ['en', ...translatedLocales(catalog).filter((l) => l !== 'en' && SUPPORTED_LOCALES.has(l))];
  const schemes = Object.keys(mappers).sort();
  const documents = new Map<DocumentVariantKey, BuiltDocument>();
  let droppedStations: number[] = [];
  for (const scheme of schemes) {
    for (const locale of locales) {
      const built = buildStaticDocuments(catalog, locale, mappers[scheme]);
      if (scheme === schemes[0] && locale === 'en') droppedStations = built.droppedStations;
      for (const name of STATIC_DOCUMENTS) {
        const body = Buffer.from(JSON.stringify(built[name]), 'utf8');
        documents.set(variantKey(scheme, locale, name), {
          body,
          etag: contentEtag(body),
          count: built[name].length,
        });
      }
    }
  }
  const hash = createHash('sha256');
  for (const [key, doc] of [...documents.entries()].sort(([a], [b]) => (a < b ? -1 : 1)))
    hash.update(`${key}=${doc.etag}\n`);
  return { version: hash.digest('base64url').slice(0, 22), locales, schemes, documents, droppedStations };
}

export function contentEtag(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}
