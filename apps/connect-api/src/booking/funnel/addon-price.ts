import { moneyFromMinor, percentOf, toMinorUnits } from '../../pricing';
import type { ClientSnapshot } from '../../platform/clients/client-snapshot';
import type { Money } from '../schema/checkout-schema.types';

/**
 * The add-on price hook of docs/contract/booking-schema.md#prices-in-the-schema: the client's percent markup applied to an add-on's 12go
 * amount (the fixed per-booking part is charged once, on the booking, never per add-on), then formatted
 * with the currency's minor units. Identity when the client has no markup.
 */
export function addonPriceFor(
  client: Pick<ClientSnapshot, 'markup'> | null,
): (amount: number, currency: string) => Money {
  return (amount, currency) => {
    const code = currency.toUpperCase();
    const minor = toMinorUnits(amount, code);
    const percent = client?.markup?.percent;
    const marked = percent ? minor + percentOf(minor, percent) : minor;
    return moneyFromMinor(marked, code);
  };
}
