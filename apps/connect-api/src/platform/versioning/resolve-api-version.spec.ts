import { parseApiVersions } from '../config/api-versions';
import { resolveApiVersion } from './resolve-api-version';

const table = parseApiVersions('2023-07-01=current,2022-01-01=deprecated@2023-11-14,2021-06-01=removed');

describe('resolveApiVersion (docs/contract/headers.md#versioning)', () => {
  it('defaults to the current version', () => {
    expect(resolveApiVersion({}, table)).toEqual({ ok: true, version: '2023-07-01' });
    expect(resolveApiVersion({ 'travelier-version': '  ' }, table)).toEqual({
      ok: true,
      version: '2023-07-01',
    });
  });
  it('flags deprecated versions', () => {
    expect(resolveApiVersion({ 'travelier-version': '2022-01-01' }, table)).toEqual({
      ok: true,
      version: '2022-01-01',
      deprecation: '2023-11-14',
    });
  });
  it('prefers the canonical header over the alias', () => {
    expect(resolveApiVersion({ 'x-travelier-version': '2022-01-01' }, table)).toMatchObject({
      version: '2022-01-01',
    });
    expect(
      resolveApiVersion({ 'x-travelier-version': '2022-01-01', 'travelier-version': '2023-07-01' }, table),
    ).toMatchObject({ version: '2023-07-01' });
  });
  it.each(['2021-06-01', '2030-01-01', '2023-7-1', 'x'])('rejects %s with the supported list', (v) => {
    expect(resolveApiVersion({ 'travelier-version': v }, table)).toEqual({
      ok: false,
      supported: ['2023-07-01', '2022-01-01'],
    });
  });
});
