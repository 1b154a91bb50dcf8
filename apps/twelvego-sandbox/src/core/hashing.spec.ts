import { fnv1a32, hmacHex, mulberry32, seededStream, toBase62, tripStream } from './hashing';

describe('hashing primitives', () => {
  it('computes FNV-1a-32 with the standard test vectors', () => {
    expect(fnv1a32('')).toBe(2166136261);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('hashes UTF-8 bytes, not UTF-16 code units', () => {
    let manual = 2166136261;
    for (const byte of [0xc3, 0xa9]) manual = Math.imul(manual ^ byte, 16777619) >>> 0;
    expect(fnv1a32('\u00e9')).toBe(manual);
  });

  it('encodes base 62 with padding and the 0-9a-zA-Z alphabet', () => {
    expect(toBase62(0, 3)).toBe('000');
    expect(toBase62(61)).toBe('Z');
    expect(toBase62(62)).toBe('10');
    expect(toBase62(4055, 4)).toBe('013p');
    expect(toBase62(11553, 4)).toBe('030l');
    expect(toBase62(231, 3)).toBe('03J');
    expect(() => toBase62(-1)).toThrow(RangeError);
  });

  it('reproduces the schedule suffix of the documented trip key TH013p030l03Jb004030KpBe', () => {
    expect('0' + toBase62(fnv1a32('231|4055|11553|20:00|4'), 6)).toBe('030KpBe');
  });

  it('mulberry32 is deterministic, uniform in [0,1) and seed-sensitive', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const drawsA = Array.from({ length: 1000 }, () => a());
    const drawsB = Array.from({ length: 1000 }, () => b());
    expect(drawsA).toEqual(drawsB);
    expect(drawsA.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = drawsA.reduce((s, x) => s + x, 0) / drawsA.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
    expect(mulberry32(43)()).not.toBe(mulberry32(42)());
    // reference value of the canonical mulberry32 for seed 1
    expect(mulberry32(1)()).toBeCloseTo(0.6270739405881613, 12);
  });

  it('seeds trip streams from seed, key, date and purpose', () => {
    expect(tripStream(12, 'K', '2026-05-14', 'price')()).toBe(seededStream('12|K|2026-05-14|price')());
    expect(tripStream(12, 'K', '2026-05-14', 'price')()).not.toBe(
      tripStream(13, 'K', '2026-05-14', 'price')(),
    );
  });

  it('computes HMAC-SHA256 hex (fixture refund hash vector)', () => {
    const msg = '70000042|0|1110.00|THB|2026-05-10 10:06:06|2026-05-11 20:00:00';
    expect(hmacHex('sandbox-secret', msg).slice(0, 32)).toBe('d1dc84fb6470d663f50603a2d8f38911');
  });
});
