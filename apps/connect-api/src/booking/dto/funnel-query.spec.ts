import { ContractError } from '../../platform/errors/contract-error';
import { assertFunnelQuery } from './funnel-query';

describe('assertFunnelQuery', () => {
  const supported = ['THB', 'USD'];
  it('accepts absent, lower-case and supported currencies', () => {
    expect(() => assertFunnelQuery({}, supported)).not.toThrow();
    expect(() => assertFunnelQuery({ currency: 'usd', locale: 'zz' }, supported)).not.toThrow();
  });
  it.each([['EUR'], ['EURO'], [['THB', 'USD']]])(
    'rejects %p with 400 validation_error on currency',
    (currency) => {
      try {
        assertFunnelQuery({ currency }, supported);
        throw new Error('expected a ContractError');
      } catch (e) {
        expect(e).toBeInstanceOf(ContractError);
        expect((e as ContractError).status).toBe(400);
        expect((e as ContractError).details).toEqual([
          expect.objectContaining({ field: 'currency', reason: 'invalid_value' }),
        ]);
      }
    },
  );
});
