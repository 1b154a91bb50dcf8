import type { CheckoutDraft } from './checkout-draft';
import { booleanDefault, getData, texts, type Loose } from './checkout-field-spec';
import type { JsonSchema, ParseCheckoutOptions, TwelveGoAmount } from './checkout-schema.types';
import { isObject, normaliseSeatMap } from './seat-map.mapper';

/** The first automatic-seat-assignment key → `allow_automatic_seat_selection`. */
export function addAutoAssignmentField(d: CheckoutDraft, key: string, field: Loose): void {
  d.used.autoAssignment = true;
  const prop: JsonSchema = { type: 'boolean', ...texts(field) };
  const def = booleanDefault(field.value);
  if (def !== undefined) prop.default = def;
  prop['x-field-kind'] = 'seat_auto_assignment';
  d.autoProp = prop;
  d.fields.autoAssignment = { key };
  d.fieldMap.allow_automatic_seat_selection = key;
}

/** The first seat-selection key → `seat_selection`, with the seat map and seat surcharges when 12go sends them. */
export function addSeatSelectionField(
  d: CheckoutDraft,
  key: string,
  field: Loose,
  opts: ParseCheckoutOptions,
): void {
  d.used.seatSelection = true;
  const seatmap = getData(field).seatmap;
  const prop: JsonSchema = { type: 'array', ...texts(field), uniqueItems: true, maxItems: opts.seatCount };
  if (isObject(seatmap)) {
    const map = normaliseSeatMap(seatmap, (index) =>
      d.events.push({ event: 'seat_layout_unrecognised', key, detail: { layout_index: index } }),
    );
    const seatInfo = isObject(seatmap.seats) ? seatmap.seats : {};
    prop.items = {
      type: 'string',
      anyOf: map.availableSeats.map((id) => seatOption(id, seatInfo[id], opts)),
    };
    for (const id of map.availableSeats) {
      const surcharge = seatSurcharge(seatInfo[id], opts.basePrice);
      if (surcharge && surcharge.value > 0) d.addonPrices.seats[id] = surcharge;
    }
    prop['x-seat-map'] = { decks: map.decks, seats: map.seats };
    d.availableSeats = map.availableSeats;
  } else {
    prop.items = { type: 'string' };
  }
  prop['x-field-kind'] = 'seat_selection';
  d.seatProp = prop;
  d.fields.seatSelection = { key, required: field.required === true, hasSeatMap: isObject(seatmap) };
  d.fieldMap.seat_selection = key;
}

/**
 * A seat's surcharge as 12go states it: `price_diff`, else the full seat `price` minus the option's base
 * per-seat price (same currency). Null when neither is known.
 */
function seatSurcharge(rawInfo: unknown, base: ParseCheckoutOptions['basePrice']): TwelveGoAmount | null {
  const info = isObject(rawInfo) ? rawInfo : {};
  const price = isObject(info.price) ? info.price : null;
  const diff = isObject(info.price_diff) ? info.price_diff : null;
  if (diff && typeof diff.value === 'number') {
    const currency = firstString(diff.fxcode, price?.fxcode, base?.fxcode);
    return currency ? { value: diff.value, fxcode: currency } : null;
  }
  if (price && typeof price.value === 'number' && base && price.fxcode === base.fxcode)
    return { value: Math.max(0, subtract(price.value, base.value)), fxcode: base.fxcode };
  return null;
}

/** docs/contract/booking-schema.md#seats-and-seat-map seat option with its upgrade price. */
function seatOption(id: string, rawInfo: unknown, opts: ParseCheckoutOptions): JsonSchema {
  const option: JsonSchema = { const: id, title: id };
  const surcharge = seatSurcharge(rawInfo, opts.basePrice);
  if (surcharge) option['x-price'] = opts.addonPrice(surcharge.value, surcharge.fxcode);
  return option;
}

function firstString(...values: unknown[]): string | undefined {
  return values.find((v): v is string => typeof v === 'string' && v !== '');
}

/** Difference of two 12go amounts (≤ 2 decimals) without binary-float noise. */
function subtract(a: number, b: number): number {
  return Math.round(a * 100 - b * 100) / 100;
}
