import { redactText, redactUrl, redactedSnippet } from './redact';

describe('redactUrl', () => {
  it('removes k wherever it is and keeps other parameters', () => {
    expect(redactUrl('http://h/search/1p/2p/2026-05-14?seats=2&direct=true&k=abc')).toBe(
      'http://h/search/1p/2p/2026-05-14?seats=2&direct=true',
    );
    expect(redactUrl('/booking/1?k=abc')).toBe('/booking/1');
    expect(redactUrl('/x?K=abc&a=1#frag')).toBe('/x?a=1');
    expect(redactUrl('/x?kk=1&a=2')).toBe('/x?kk=1&a=2');
    expect(redactUrl('/plain')).toBe('/plain');
  });
});

describe('redactText', () => {
  const key = 'sandbox-key-1';
  it('masks k= query values and literal or URI-encoded secrets', () => {
    expect(redactText('GET /a?x=1&k=sandbox-key-1 failed')).toBe('GET /a?x=1&k=[REDACTED] failed');
    expect(redactText(`key is ${key}!`, [key])).toBe('key is [REDACTED]!');
    expect(redactText('v=ab%2Bcd', ['ab+cd'])).toBe('v=[REDACTED]');
  });
  it('ignores empty and very short secrets', () => {
    expect(redactText('abc', ['', undefined, 'a'])).toBe('abc');
  });
});

describe('redactedSnippet', () => {
  it('cuts after redaction, so a key at the boundary never leaks partly', () => {
    const key = 'K'.repeat(40);
    const text = 'x'.repeat(190) + key + 'y'.repeat(100);
    const snippet = redactedSnippet(text, [key]);
    expect(snippet).toHaveLength(200);
    expect(snippet).not.toContain('KKKK');
  });
});
