import type { CheckoutDraft } from './checkout-draft';
import type { FieldSpec, JsonSchema, ParseCheckoutOptions, ParsedCheckout } from './checkout-schema.types';

/** The finished draft → the booking schema document and the parse result around it. */
export function finishCheckout(d: CheckoutDraft, opts: ParseCheckoutOptions): ParsedCheckout {
  return {
    bookingSchema: bookingSchemaOf(d, opts.seatCount),
    fieldMap: d.fieldMap,
    optionIndex: d.optionIndex,
    hiddenValues: d.hiddenValues,
    ignoredKeys: d.ignoredKeys,
    unknownKeys: d.unknownKeys,
    availableSeats: d.availableSeats,
    seatCount: opts.seatCount,
    addonPrices: d.addonPrices,
    fields: d.fields,
    events: d.events,
  };
}

/** docs/contract/booking-schema.md#schema-document: top-level properties in the documented order. */
function bookingSchemaOf(d: CheckoutDraft, seatCount: number): JsonSchema {
  const { fields } = d;
  const properties: JsonSchema = {};
  const required: string[] = [];
  if (d.emailProp) {
    properties.email = d.emailProp;
    if (fields.email?.required) required.push('email');
  }
  if (d.mobileProp) {
    properties.mobile_phone = d.mobileProp;
    if (fields.mobile?.required) required.push('mobile_phone');
  }
  if (d.seatProp) {
    properties.seat_selection = d.seatProp;
    if (fields.seatSelection?.required) required.push('seat_selection');
  }
  if (d.autoProp) properties.allow_automatic_seat_selection = d.autoProp;
  properties.passengers = {
    type: 'array',
    minItems: seatCount,
    maxItems: seatCount,
    items: objectSchema(d.passengerProps, fields.passenger),
  };
  required.push('passengers');
  if (d.additionalProps.length > 0) {
    const additional = objectSchema(d.additionalProps, fields.additional);
    properties.additional_fields = additional;
    if (Array.isArray(additional.required)) required.push('additional_fields');
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    properties,
    required,
  };
}

function objectSchema(props: Array<[string, JsonSchema]>, specs: FieldSpec[]): JsonSchema {
  const schema: JsonSchema = { type: 'object', properties: Object.fromEntries(props) };
  const required = specs.filter((s) => s.required).map((s) => s.name);
  if (required.length > 0) schema.required = required;
  return schema;
}
