import { listenOrigin } from './link-origin';

describe('listenOrigin (static links without STATIC_LINK_BASE_URL)', () => {
  it.each([
    ['0.0.0.0', 3000, 'http://127.0.0.1:3000'],
    ['', 3000, 'http://127.0.0.1:3000'],
    ['127.0.0.1', 41234, 'http://127.0.0.1:41234'],
    ['::', 3000, 'http://[::1]:3000'],
    ['::1', 8080, 'http://[::1]:8080'],
    ['bff.internal', 3000, 'http://bff.internal:3000'],
  ])('HOST=%j, port %d → %s', (host, port, origin) => {
    expect(listenOrigin(host, port)).toBe(origin);
  });
});
