import { wantsJsonString } from './accept-negotiation';

describe('wantsJsonString (docs/contract/README.md D21)', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['*/*', false],
    ['text/plain', false],
    ['application/json', true],
    ['Application/JSON; charset=utf-8', true],
    ['application/json, text/plain', true],
    ['text/plain, application/json;q=0.5', false],
    ['application/json;q=0.9, text/plain;q=0.8', true],
    ['application/json;q=0', false],
    ['text/html, application/xml', false],
  ])('%j → %s', (accept, expected) => {
    expect(wantsJsonString(accept)).toBe(expected);
  });
});
