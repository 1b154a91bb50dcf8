import type { CheckoutDraft } from './checkout-draft';
import { buildProperty, buildSpec, type Loose } from './checkout-field-spec';
import type { ParseCheckoutOptions } from './checkout-schema.types';
import { recordOptionPrices } from './checkout-select-options';
import { sanitize, uniqueName, type FieldKind, type KeyClass } from './field-classification';

type PassengerClass = Extract<KeyClass, { rule: 'baggage' | 'fixed_passenger' | 'extra_passenger' }>;
type AdditionalClass = Extract<KeyClass, { rule: 'points' | 'delivery' | 'other' }>;

/** A `passenger[0][…]` key (baggage, a known passenger field, or an unknown one) → `passengers[].<name>`. */
export function addPassengerField(
  d: CheckoutDraft,
  key: string,
  field: Loose,
  cls: PassengerClass,
  opts: ParseCheckoutOptions,
): void {
  let name: string;
  let kind: FieldKind | undefined;
  if (cls.rule === 'baggage') {
    d.used.baggage = true;
    name = 'baggage_option';
    kind = 'baggage';
  } else if (cls.rule === 'fixed_passenger') {
    name = cls.clientName;
  } else {
    name = uniqueName(sanitize(cls.sub), d.passengerNames);
    kind = 'unknown';
    noteUnknown(d, key, field);
  }
  const path = `passengers[].${name}`;
  const spec = buildSpec(path, name, key, field, d.events, kind);
  d.passengerProps.push([name, buildProperty(spec, field, opts)]);
  d.fields.passenger.push(spec);
  indexListed(d, path, key, field, spec);
}

/** A points, delivery or unrecognised booking-level key → `additional_fields.<name>`. */
export function addAdditionalField(
  d: CheckoutDraft,
  key: string,
  field: Loose,
  cls: AdditionalClass,
  opts: ParseCheckoutOptions,
): void {
  const kind: FieldKind = cls.rule === 'other' ? 'unknown' : cls.kind;
  const name = uniqueName(cls.name, d.additionalNames);
  if (cls.rule === 'other') noteUnknown(d, key, field);
  const path = `additional_fields.${name}`;
  const spec = buildSpec(path, name, key, field, d.events, kind);
  d.additionalProps.push([name, buildProperty(spec, field, opts)]);
  d.fields.additional.push(spec);
  indexListed(d, path, key, field, spec);
}

function noteUnknown(d: CheckoutDraft, key: string, field: Loose): void {
  d.unknownKeys.push(key);
  d.events.push({ event: 'checkout_unknown_field', key, detail: { required: field.required === true } });
}

function indexListed(
  d: CheckoutDraft,
  path: string,
  key: string,
  field: Loose,
  spec: ReturnType<typeof buildSpec>,
): void {
  d.fieldMap[path] = key;
  if (spec.options) d.optionIndex[path] = spec.options;
  recordOptionPrices(d.addonPrices, spec, field);
}
