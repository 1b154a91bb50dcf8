import type { FastifyRequest } from 'fastify';
import { acceptsGzip, gzipEtag, isNotModified } from './static-data.http';

const req = (headers: Record<string, string>) => ({ headers }) as unknown as FastifyRequest;
const etag = '"abc"';
const modified = new Date('2026-11-27T02:00:00Z');

describe('static document HTTP helpers', () => {
  it.each([
    [{}, false],
    [{ 'accept-encoding': 'gzip' }, true],
    [{ 'accept-encoding': 'deflate, GZIP;q=0.5' }, true],
    [{ 'accept-encoding': 'gzip;q=0' }, false],
    [{ 'accept-encoding': '*' }, true],
    [{ 'accept-encoding': 'br, identity' }, false],
  ])('acceptsGzip %j → %s', (headers, expected) => {
    expect(acceptsGzip(req(headers))).toBe(expected);
  });

  it('matches If-None-Match against either representation, weakly', () => {
    expect(isNotModified(req({ 'if-none-match': '"abc"' }), etag, modified)).toBe(true);
    expect(isNotModified(req({ 'if-none-match': 'W/"abc"' }), etag, modified)).toBe(true);
    expect(isNotModified(req({ 'if-none-match': `"x", ${gzipEtag(etag)}` }), etag, modified)).toBe(true);
    expect(isNotModified(req({ 'if-none-match': '*' }), etag, modified)).toBe(true);
    expect(isNotModified(req({ 'if-none-match': '"abd"' }), etag, modified)).toBe(false);
    // If-None-Match wins over If-Modified-Since.
    expect(
      isNotModified(
        req({ 'if-none-match': '"abd"', 'if-modified-since': modified.toUTCString() }),
        etag,
        modified,
      ),
    ).toBe(false);
  });

  it('honours If-Modified-Since at second precision', () => {
    expect(isNotModified(req({ 'if-modified-since': modified.toUTCString() }), etag, modified)).toBe(true);
    expect(
      isNotModified(
        req({ 'if-modified-since': new Date(modified.getTime() - 1000).toUTCString() }),
        etag,
        modified,
      ),
    ).toBe(false);
    expect(isNotModified(req({ 'if-modified-since': 'yesterday' }), etag, modified)).toBe(false);
  });
});
