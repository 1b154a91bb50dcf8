import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/**
 * Named primitive schemas of the contract (docs/contract/values.md, docs/contract/values.md#itinerary-segment-and-vehicle). Classes cannot express a bare string with a
 * pattern, so these are registered as components by the document builder and referenced with `schemaRef`.
 */
export const CONTRACT_PRIMITIVE_SCHEMAS: Record<string, SchemaObject> = {
  CurrencyCode: { type: 'string', pattern: '^[A-Z]{3}$', examples: ['THB'] },
  Amount: {
    type: 'string',
    description: 'Decimal string; digits after the point = ISO 4217 minor units of the currency.',
    pattern: '^[0-9]+(\\.[0-9]+)?$',
    examples: ['507.00'],
  },
  IsoDuration: {
    type: 'string',
    description: 'ISO 8601 duration; the BFF emits hours/minutes only (e.g. PT12H18M, PT48H).',
    pattern:
      '^P(?!$)([0-9]+Y)?([0-9]+M)?([0-9]+W)?([0-9]+D)?(T(?=[0-9])([0-9]+H)?([0-9]+M)?([0-9]+(\\.[0-9]+)?S)?)?$',
    examples: ['PT12H18M'],
  },
  LocalDateTimeMinutes: {
    type: 'string',
    description: 'Local time, no offset.',
    pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}$',
    examples: ['2026-04-01T18:57'],
  },
  LocalDateTimeSeconds: {
    type: 'string',
    description: 'Local time, no offset.',
    pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}$',
    examples: ['2026-04-01T18:57:00'],
  },
  UtcTimestamp: {
    type: 'string',
    pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$',
    examples: ['2026-03-20T09:41:07Z'],
  },
  LocationId: {
    type: 'string',
    description: 'Station or POI ID.',
    pattern: '^[A-Z0-9]{1,32}$',
    examples: ['4055'],
  },
  BookingSchema: {
    type: 'object',
    description:
      'JSON Schema (draft-07 keywords) describing `booking_data`: root object whose properties are booking_data ' +
      'field names; `passengers` has minItems = maxItems = passenger count; closed choices use `anyOf` of ' +
      '`{const, title}` entries (priced ones carry a Money `price`); `seat_selection.items.anyOf` lists free seats.',
    additionalProperties: true,
  },
};
