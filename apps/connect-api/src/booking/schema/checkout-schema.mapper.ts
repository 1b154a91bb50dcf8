import {
  classifyKey,
  FIXED_PASSENGER_FIELDS,
  FirstKeyState,
  FieldKind,
  sanitize,
  uniqueName,
} from './field-classification';
import type {
  AddonPrices,
  FieldSpec,
  FieldValueType,
  JsonSchema,
  OptionEntry,
  ParseCheckoutOptions,
  ParsedCheckout,
  ParserEvent,
  TwelveGoAmount,
} from './checkout-schema.types';
import { translatePcre } from './pcre-regex.mapper';
import { isObject, normaliseSeatMap } from './seat-map.mapper';

type Loose = Record<string, unknown>;

/**
 * 12go checkout (GET /checkout/{cartId}?people=1) → client booking schema and everything CreateBooking needs
 * to rebuild the reserve body (docs/contract/booking-schema.md#checkout-keys, docs/contract/booking-schema.md#schema-document). Pure and deterministic for a given checkout.
 */
export function parseCheckout(checkout: Record<string, unknown>, opts: ParseCheckoutOptions): ParsedCheckout {
  const events: ParserEvent[] = [];
  const fieldMap: Record<string, string> = {};
  const optionIndex: Record<string, OptionEntry[]> = {};
  const hiddenValues: Record<string, string | number | boolean> = {};
  const ignoredKeys: string[] = [];
  const unknownKeys: string[] = [];
  const used: FirstKeyState = { autoAssignment: false, seatSelection: false, baggage: false };
  const passengerNames = new Set<string>([...Object.values(FIXED_PASSENGER_FIELDS), 'baggage_option']);
  const additionalNames = new Set<string>();

  const fields: ParsedCheckout['fields'] = { passenger: [], additional: [] };
  const passengerProps: Array<[string, JsonSchema]> = [];
  const additionalProps: Array<[string, JsonSchema]> = [];
  let emailProp: JsonSchema | undefined;
  let mobileProp: JsonSchema | undefined;
  let seatProp: JsonSchema | undefined;
  let autoProp: JsonSchema | undefined;
  let availableSeats: string[] | null = null;
  const addonPrices: AddonPrices = { options: {}, seats: {} };

  for (const key of Object.keys(checkout)) {
    const raw = checkout[key];
    if (!isObject(raw)) {
      ignoredKeys.push(key);
      events.push({ event: 'checkout_value_not_object', key });
      continue;
    }
    const field = raw;
    if (/^seats$/.test(key)) continue;
    if (/^passenger\[[1-9][0-9]*\]\[/.test(key)) {
      ignoredKeys.push(key);
      continue;
    }
    if (field.disabled === true) continue;
    if (field.is_visible === false || field.type === 'hidden') {
      if (field.value !== null && field.value !== undefined && isScalar(field.value))
        hiddenValues[key] = field.value;
      continue;
    }

    const cls = classifyKey(key, used);
    const required = field.required === true;
    switch (cls.rule) {
      case 'seats':
      case 'other_passenger':
        break;
      case 'mobile': {
        const spec = buildSpec('mobile_phone', 'mobile_phone', key, field, events);
        mobileProp = buildProperty(spec, field, opts);
        if (
          Array.isArray(getData(field).country_codes) &&
          (getData(field).country_codes as unknown[]).length > 0
        ) {
          mobileProp['x-country-codes'] = getData(field).country_codes;
        }
        fields.mobile = spec;
        fieldMap.mobile_phone = key;
        break;
      }
      case 'email': {
        const spec = { ...buildSpec('email', 'email', key, field, events), format: 'email' as const };
        emailProp = buildProperty(spec, field, opts);
        fields.email = spec;
        fieldMap.email = key;
        break;
      }
      case 'seat_auto_assignment': {
        used.autoAssignment = true;
        autoProp = { type: 'boolean', ...texts(field) };
        const def = booleanDefault(field.value);
        if (def !== undefined) autoProp.default = def;
        autoProp['x-field-kind'] = 'seat_auto_assignment';
        fields.autoAssignment = { key };
        fieldMap.allow_automatic_seat_selection = key;
        break;
      }
      case 'seat_selection': {
        used.seatSelection = true;
        const seatmap = getData(field).seatmap;
        seatProp = { type: 'array', ...texts(field), uniqueItems: true, maxItems: opts.seatCount };
        if (isObject(seatmap)) {
          const map = normaliseSeatMap(seatmap, (index) =>
            events.push({ event: 'seat_layout_unrecognised', key, detail: { layout_index: index } }),
          );
          const seatInfo = isObject(seatmap.seats) ? seatmap.seats : {};
          seatProp.items = {
            type: 'string',
            anyOf: map.availableSeats.map((id) => seatOption(id, seatInfo[id], opts)),
          };
          for (const id of map.availableSeats) {
            const surcharge = seatSurcharge(seatInfo[id], opts.basePrice);
            if (surcharge && surcharge.value > 0) addonPrices.seats[id] = surcharge;
          }
          seatProp['x-seat-map'] = { decks: map.decks, seats: map.seats };
          availableSeats = map.availableSeats;
        } else {
          seatProp.items = { type: 'string' };
        }
        seatProp['x-field-kind'] = 'seat_selection';
        fields.seatSelection = { key, required, hasSeatMap: isObject(seatmap) };
        fieldMap.seat_selection = key;
        break;
      }
      case 'baggage':
      case 'fixed_passenger':
      case 'extra_passenger': {
        let name: string;
        let kind: FieldKind | undefined;
        if (cls.rule === 'baggage') {
          used.baggage = true;
          name = 'baggage_option';
          kind = 'baggage';
        } else if (cls.rule === 'fixed_passenger') {
          name = cls.clientName;
        } else {
          name = uniqueName(sanitize(cls.sub), passengerNames);
          kind = 'unknown';
          unknownKeys.push(key);
          events.push({ event: 'checkout_unknown_field', key, detail: { required } });
        }
        const path = `passengers[].${name}`;
        const spec = buildSpec(path, name, key, field, events, kind);
        passengerProps.push([name, buildProperty(spec, field, opts)]);
        fields.passenger.push(spec);
        fieldMap[path] = key;
        if (spec.options) optionIndex[path] = spec.options;
        recordOptionPrices(addonPrices, spec, field);
        break;
      }
      case 'points':
      case 'delivery':
      case 'other': {
        const kind: FieldKind = cls.rule === 'other' ? 'unknown' : cls.kind;
        const name = uniqueName(cls.name, additionalNames);
        if (cls.rule === 'other') {
          unknownKeys.push(key);
          events.push({ event: 'checkout_unknown_field', key, detail: { required } });
        }
        const path = `additional_fields.${name}`;
        const spec = buildSpec(path, name, key, field, events, kind);
        additionalProps.push([name, buildProperty(spec, field, opts)]);
        fields.additional.push(spec);
        fieldMap[path] = key;
        if (spec.options) optionIndex[path] = spec.options;
        recordOptionPrices(addonPrices, spec, field);
        break;
      }
    }
  }

  const properties: JsonSchema = {};
  const required: string[] = [];
  if (emailProp) {
    properties.email = emailProp;
    if (fields.email?.required) required.push('email');
  }
  if (mobileProp) {
    properties.mobile_phone = mobileProp;
    if (fields.mobile?.required) required.push('mobile_phone');
  }
  if (seatProp) {
    properties.seat_selection = seatProp;
    if (fields.seatSelection?.required) required.push('seat_selection');
  }
  if (autoProp) properties.allow_automatic_seat_selection = autoProp;
  properties.passengers = {
    type: 'array',
    minItems: opts.seatCount,
    maxItems: opts.seatCount,
    items: objectSchema(passengerProps, fields.passenger),
  };
  required.push('passengers');
  if (additionalProps.length > 0) {
    const additional = objectSchema(additionalProps, fields.additional);
    properties.additional_fields = additional;
    if (Array.isArray(additional.required)) required.push('additional_fields');
  }

  return {
    bookingSchema: {
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      properties,
      required,
    },
    fieldMap,
    optionIndex,
    hiddenValues,
    ignoredKeys,
    unknownKeys,
    availableSeats,
    seatCount: opts.seatCount,
    addonPrices,
    fields,
    events,
  };
}

function objectSchema(props: Array<[string, JsonSchema]>, specs: FieldSpec[]): JsonSchema {
  const schema: JsonSchema = { type: 'object', properties: Object.fromEntries(props) };
  const required = specs.filter((s) => s.required).map((s) => s.name);
  if (required.length > 0) schema.required = required;
  return schema;
}

function isScalar(v: unknown): v is string | number | boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

function getData(field: Loose): Loose {
  return isObject(field.data) ? field.data : {};
}

function texts(field: Loose): JsonSchema {
  const out: JsonSchema = {};
  if (typeof field.title === 'string' && field.title !== '') out.title = field.title;
  if (typeof field.description === 'string' && field.description !== '') out.description = field.description;
  return out;
}

function valueTypeOf(field: Loose): FieldValueType {
  switch (field.type) {
    case 'select':
    case 'radio':
      return 'select';
    case 'checkbox':
      return 'boolean';
    case 'date':
      return 'date';
    case 'file':
      return 'file';
    default:
      return 'string';
  }
}

function buildSpec(
  path: string,
  name: string,
  key: string,
  field: Loose,
  events: ParserEvent[],
  kind?: FieldKind,
): FieldSpec {
  // docs/contract/booking-schema.md#schema-document: is_child is a boolean whatever 12go's type says.
  let valueType: FieldValueType = path === 'passengers[].is_child' ? 'boolean' : valueTypeOf(field);
  const options = valueType === 'select' ? flattenOptions(field.options) : null;
  if (valueType === 'select' && options!.entries.length === 0) valueType = 'string';
  const patterns: string[] = [];
  if (valueType !== 'select' && valueType !== 'boolean' && Array.isArray(field.regexp)) {
    for (const source of field.regexp) {
      if (typeof source !== 'string') continue;
      const translated = translatePcre(source);
      if (translated === null) events.push({ event: 'regexp_dropped', key, detail: { pattern: source } });
      else patterns.push(translated);
    }
  }
  return {
    path,
    name,
    key,
    valueType,
    options: valueType === 'select' ? options!.entries : null,
    patterns,
    required: field.required === true,
    ...(valueType === 'date' ? { format: 'date' as const } : {}),
    ...(kind ? { kind } : {}),
  };
}

interface FlatOptions {
  entries: OptionEntry[];
  prices: Map<string, { value: number; fxcode: string }>;
  groups: Array<{ title: string; values: string[] }> | null;
}

function flattenOptions(raw: unknown): FlatOptions {
  const entries: OptionEntry[] = [];
  const prices = new Map<string, { value: number; fxcode: string }>();
  const seen = new Set<string>();
  let groups: Array<{ title: string; values: string[] }> | null = null;
  const visit = (list: unknown, group: { title: string; values: string[] } | null) => {
    if (!Array.isArray(list)) return;
    for (const option of list) {
      if (!isObject(option)) continue;
      if (Array.isArray(option.values)) {
        const g = { title: typeof option.text === 'string' ? option.text : '', values: [] as string[] };
        (groups ??= []).push(g);
        visit(option.values, g);
        continue;
      }
      if (option.value === null || option.value === undefined || option.value === '') continue;
      const value = String(option.value);
      if (group) group.values.push(value);
      if (seen.has(value)) continue;
      seen.add(value);
      entries.push({
        value,
        title: typeof option.text === 'string' && option.text !== '' ? option.text : value,
      });
      const price = isObject(option.data) && isObject(option.data.price) ? option.data.price : null;
      if (
        price &&
        typeof price.value === 'number' &&
        typeof price.fxcode === 'string' &&
        price.fxcode !== ''
      ) {
        prices.set(value, { value: price.value, fxcode: price.fxcode });
      }
    }
  };
  visit(raw, null);
  return { entries, prices, groups };
}

function booleanDefault(v: unknown): boolean | undefined {
  if (v === true || v === 1 || v === '1' || v === 'true') return true;
  if (v === false || v === 0 || v === '0' || v === 'false' || v === '') return false;
  return undefined;
}

/** docs/contract/booking-schema.md#schema-document: one property, keys in the documented order. */
function buildProperty(spec: FieldSpec, field: Loose, opts: ParseCheckoutOptions): JsonSchema {
  const prop: JsonSchema = {};
  const isBoolean = spec.valueType === 'boolean';
  prop.type = isBoolean ? 'boolean' : 'string';
  if (spec.format) prop.format = spec.format;
  if (spec.valueType === 'file') prop.contentEncoding = 'base64';
  Object.assign(prop, texts(field));
  if (spec.patterns.length === 1) prop.pattern = spec.patterns[0];
  if (spec.patterns.length > 1) prop.anyOf = spec.patterns.map((p) => ({ pattern: p }));
  let groups: FlatOptions['groups'] = null;
  if (spec.options) {
    const flat = flattenOptions(field.options);
    groups = flat.groups;
    prop.anyOf = flat.entries.map((o) => {
      const entry: JsonSchema = { const: o.value, title: o.title };
      const price = flat.prices.get(o.value);
      if (price) entry['x-price'] = opts.addonPrice(price.value, price.fxcode);
      return entry;
    });
  }
  if (field.value !== null && field.value !== undefined) {
    if (isBoolean) {
      const def = booleanDefault(field.value);
      if (def !== undefined) prop.default = def;
    } else if (typeof field.value === 'string' || typeof field.value === 'number') {
      prop.default = String(field.value);
    }
  }
  if (groups) prop['x-option-groups'] = groups;
  if (spec.kind) prop['x-field-kind'] = spec.kind;
  return prop;
}

/** The 12go prices of a select's options that cost extra, under the field's 12go key. */
function recordOptionPrices(into: AddonPrices, spec: FieldSpec, field: Loose): void {
  if (!spec.options) return;
  const prices = flattenOptions(field.options).prices;
  if (prices.size > 0) into.options[spec.key] = Object.fromEntries(prices);
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
