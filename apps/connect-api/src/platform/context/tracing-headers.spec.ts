import { resolveTracingIds } from './tracing-headers';

const UUID = /^[0-9a-f-]{36}$/;

describe('resolveTracingIds (docs/contract/headers.md#tracing-headers)', () => {
  it('keeps valid values', () => {
    expect(
      resolveTracingIds({ 'x-correlation-id': 'a-B=9', 'x-request-id': 'r1', 'x-api-experiment': '~exp!' }),
    ).toEqual({
      correlationId: 'a-B=9',
      requestId: 'r1',
      experiment: '~exp!',
      invalid: [],
    });
  });
  it('replaces missing or invalid ids with UUIDs and drops an invalid experiment', () => {
    const ids = resolveTracingIds({
      'x-correlation-id': 'a b',
      'x-request-id': 'x'.repeat(101),
      'x-api-experiment': 'a b',
    });
    expect(ids.correlationId).toMatch(UUID);
    expect(ids.requestId).toMatch(UUID);
    expect(ids.experiment).toBeUndefined();
    expect(ids.invalid).toEqual(['x-correlation-id', 'x-request-id', 'x-api-experiment']);
    expect(resolveTracingIds({}).invalid).toEqual([]);
  });
  it('accepts exactly 100 characters', () => {
    expect(resolveTracingIds({ 'x-request-id': 'x'.repeat(100) }).requestId).toBe('x'.repeat(100));
  });
});
