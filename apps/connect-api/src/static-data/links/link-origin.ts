import { isIP } from 'node:net';

/**
 * Origin of the signed static-data links when STATIC_LINK_BASE_URL is unset (never in production): the
 * address this instance listens on (HOST and the bound port), never a request header — a Host or
 * X-Forwarded-* header would let a caller choose where a signed link points (docs/adr/0104-static-link-origin.md).
 * A wildcard HOST is reachable on loopback.
 */
export function listenOrigin(host: string, port: number): string {
  const h = host.trim();
  let name: string;
  if (h === '' || h === '0.0.0.0') name = '127.0.0.1';
  else if (h === '::' || h === '[::]') name = '[::1]';
  else if (isIP(h) === 6) name = `[${h}]`;
  else name = h;
  return `http://${name}:${port}`;
}
