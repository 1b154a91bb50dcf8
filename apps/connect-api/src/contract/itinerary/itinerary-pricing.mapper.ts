import type { TwelveGoTravelOption } from '@app/twelvego-client';
import { applyMarkup, formatMinorUnits, multiplyToMinorUnits, type ClientMarkup } from '../../pricing';
import type { Pricing } from './search-response';
import { toPriceType } from './trip-enums.mapper';

/**
 * An itinerary's pricing (docs/contract/values.md#pricing-and-markup): totals for all `pax` passengers.
 * - `net_price` = 12go `netprice` × pax, plus the client's markup (percent, then the fixed part once).
 * - `gross_price` = 12go `price` × pax, `price_type` from `price_restriction`; the selling-price rule stays 12go's.
 * - `taxes_and_fees` = gross − net, so `gross = net + taxes_and_fees` holds; omitted (it is optional) when a
 *   client's markup lifts net above the recommended gross, rather than reporting a figure that breaks that sum.
 * Returns null when the option has no net price (not sellable).
 */
export function mapItineraryPricing(
  option: Pick<TwelveGoTravelOption, 'price' | 'netprice' | 'price_restriction'>,
  pax: number,
  markup: ClientMarkup | null | undefined,
): Pricing | null {
  if (
    !option.netprice ||
    option.netprice.value === null ||
    option.netprice.value === undefined ||
    !option.netprice.fxcode
  )
    return null;
  const netCurrency = option.netprice.fxcode.toUpperCase();
  const net = applyMarkup(
    multiplyToMinorUnits(option.netprice.value, pax, netCurrency),
    netCurrency,
    markup,
  ).amountMinor;
  const netPrice = { amount: formatMinorUnits(net, netCurrency), currency: netCurrency };

  const price = option.price;
  if (!price || price.value === null || price.value === undefined || !price.fxcode)
    return { net_price: netPrice };
  const grossCurrency = price.fxcode.toUpperCase();
  const gross = multiplyToMinorUnits(price.value, pax, grossCurrency);
  const grossPrice = {
    amount: formatMinorUnits(gross, grossCurrency),
    currency: grossCurrency,
    price_type: toPriceType(option.price_restriction),
  };
  // No FX rates are available here: a gross in another currency is passed on alone.
  if (grossCurrency !== netCurrency || gross < net) return { gross_price: grossPrice, net_price: netPrice };
  const taxes = gross - net;
  return {
    gross_price: grossPrice,
    net_price: netPrice,
    taxes_and_fees: { amount: formatMinorUnits(taxes, netCurrency), currency: netCurrency },
  };
}
