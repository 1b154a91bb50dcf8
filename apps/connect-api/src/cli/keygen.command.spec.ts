import { createHash } from 'node:crypto';
import { generateApiKey, runKeygen } from './keygen.command';

describe('keygen', () => {
  it('generates a 32-byte base64url key and its sha256 line', () => {
    const { key, hash } = generateApiKey();
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(key, 'base64url')).toHaveLength(32);
    expect(hash).toBe(`sha256:${createHash('sha256').update(key).digest('hex')}`);
    expect(generateApiKey().key).not.toBe(key);
  });

  it('prints the key once and the api_keys entry', () => {
    const lines: string[] = [];
    const code = runKeygen(['--client', 'acme'], (l) => lines.push(l), new Date('2026-04-03T10:00:00Z'));
    expect(code).toBe(0);
    const key = lines.map((l) => l.trim()).find((l) => /^[A-Za-z0-9_-]{43}$/.test(l))!;
    expect(lines.filter((l) => l.includes(key))).toHaveLength(1);
    const entry = JSON.parse(lines.map((l) => l.trim()).find((l) => l.startsWith('{'))!);
    expect(entry).toEqual({
      id: '2026-04',
      hash: `sha256:${createHash('sha256').update(key).digest('hex')}`,
    });
  });

  it('takes a key id and refuses a missing or malformed client id', () => {
    const lines: string[] = [];
    expect(runKeygen(['--client', 'acme', '--id', 'rot-2'], (l) => lines.push(l))).toBe(0);
    expect(lines.join('\n')).toContain('"id":"rot-2"');
    expect(runKeygen([], () => undefined)).toBe(2);
    expect(runKeygen(['--client', 'Bad Id'], () => undefined)).toBe(2);
    expect(runKeygen(['--client', 'acme', '--bogus'], () => undefined)).toBe(2);
  });
});
