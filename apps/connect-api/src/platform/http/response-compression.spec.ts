import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { compress, negotiateEncoding } from './response-compression';

describe('response compression (docs/contract/headers.md#response-headers)', () => {
  it('negotiates br, then gzip, honouring q=0', () => {
    expect(negotiateEncoding('gzip, deflate, br')).toBe('br');
    expect(negotiateEncoding('gzip, br;q=0')).toBe('gzip');
    expect(negotiateEncoding('deflate')).toBeUndefined();
    expect(negotiateEncoding(undefined)).toBeUndefined();
    expect(negotiateEncoding('*')).toBe('br');
    expect(negotiateEncoding('identity, *;q=0')).toBeUndefined();
  });
  it('round-trips', async () => {
    const body = Buffer.from(JSON.stringify({ x: 'y'.repeat(5000) }));
    expect(gunzipSync(await compress(body, 'gzip')).equals(body)).toBe(true);
    expect(brotliDecompressSync(await compress(body, 'br')).equals(body)).toBe(true);
  });
  it('compresses a string body as its UTF-8 bytes (no copy needed first)', async () => {
    const text = JSON.stringify({ city: 'Đà Lạt – ชลบุรี', pad: 'z'.repeat(3000) });
    expect(gunzipSync(await compress(text, 'gzip')).toString('utf8')).toBe(text);
    expect(brotliDecompressSync(await compress(text, 'br')).toString('utf8')).toBe(text);
  });
});
