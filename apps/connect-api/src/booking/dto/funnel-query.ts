import { ContractError } from '../../platform/errors/contract-error';

/**
 * `locale` and `currency` on the funnel endpoints (docs/contract/headers.md#locale-and-currency D4): `locale` never fails; `currency`
 * must be a configured ISO 4217 code (else 400 validation_error). Neither changes amounts here: 12go prices
 * in the account currency and no FX source exists, so a booking is always in the currency it was priced in.
 */
export function assertFunnelQuery(
  query: Record<string, unknown> | undefined,
  supportedCurrencies: readonly string[],
): void {
  const currency = query?.currency;
  if (currency === undefined) return;
  const ok =
    typeof currency === 'string' &&
    /^[A-Za-z]{3}$/.test(currency) &&
    supportedCurrencies.includes(currency.toUpperCase());
  if (!ok) {
    throw new ContractError('validation_error', undefined, {
      details: [
        {
          field: 'currency',
          reason: 'invalid_value',
          message: 'currency must be a supported ISO 4217 code.',
        },
      ],
    });
  }
}
