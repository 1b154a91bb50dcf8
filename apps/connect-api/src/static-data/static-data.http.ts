import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StoredDocument } from './store/static-data.store';

export function acceptsGzip(req: FastifyRequest): boolean {
  const header = req.headers['accept-encoding'];
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  return value.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return (coding.trim() === 'gzip' || coding.trim() === '*') && (q === undefined || Number(q.slice(2)) > 0);
  });
}

/** Sends a JSON document, gzipped as stored when the client accepts it. */
export function sendJsonDocument(
  req: FastifyRequest,
  reply: FastifyReply,
  doc: StoredDocument | Buffer,
): Buffer {
  reply.header('content-type', 'application/json; charset=utf-8');
  reply.header('vary', 'Accept-Encoding');
  if (Buffer.isBuffer(doc)) return doc;
  if (acceptsGzip(req)) {
    reply.header('content-encoding', 'gzip');
    return doc.gzip;
  }
  return doc.json();
}

/** The ETag of the gzip representation (a strong ETag names one representation, RFC 9110 §8.8.3). */
export function gzipEtag(etag: string): string {
  return etag.replace(/"$/, '-gzip"');
}

/** RFC 9110 If-None-Match (weak comparison; either representation's tag matches), else If-Modified-Since. */
export function isNotModified(req: FastifyRequest, etag: string, lastModified: Date): boolean {
  const inm = req.headers['if-none-match'];
  if (typeof inm === 'string' && inm.trim() !== '') {
    if (inm.trim() === '*') return true;
    const known = new Set([etag, gzipEtag(etag)]);
    return inm.split(',').some((tag) => known.has(tag.trim().replace(/^W\//, '')));
  }
  const ims = req.headers['if-modified-since'];
  if (typeof ims === 'string') {
    const since = Date.parse(ims);
    return Number.isFinite(since) && Math.floor(lastModified.getTime() / 1000) <= Math.floor(since / 1000);
  }
  return false;
}
