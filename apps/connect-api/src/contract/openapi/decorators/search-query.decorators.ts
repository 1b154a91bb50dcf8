import { applyDecorators } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import { ApiCurrencyQuery, ApiLocaleQuery } from './partner-route.decorators';
import { schemaRef } from '../schemas/schema-ref';

const LOCATION_ID = schemaRef('LocationId');

/** Query parameters of Search (docs/contract/endpoints.md#search), in the contract's order. */
export function ApiSearchQuery(): MethodDecorator {
  return applyDecorators(
    ApiQuery({
      name: 'departure_date',
      required: true,
      description: '`YYYY-MM-DD` (an ISO date-time is accepted, date part used).',
      schema: { type: 'string', examples: ['2026-04-01'] },
    }),
    ApiQuery({
      name: 'return_date',
      required: false,
      description: 'Accepted, must be >= departure_date, not used.',
      schema: { type: 'string', format: 'date' },
    }),
    ApiQuery({ name: 'pax', required: true, schema: { type: 'integer', minimum: 1, maximum: 100 } }),
    ApiQuery({
      name: 'pax_ages',
      required: false,
      style: 'form',
      explode: true,
      schema: { type: 'array', items: { type: 'integer', minimum: 0, maximum: 120 } },
    }),
    ApiQuery({
      name: 'departures[]',
      required: false,
      style: 'form',
      explode: true,
      description: 'Departure station IDs (pairs by index with `arrivals[]`).',
      schema: { type: 'array', maxItems: 100, items: LOCATION_ID },
    }),
    ApiQuery({
      name: 'arrivals[]',
      required: false,
      style: 'form',
      explode: true,
      description: 'Arrival station IDs.',
      schema: { type: 'array', maxItems: 100, items: LOCATION_ID },
    }),
    ApiQuery({ name: 'departure_poi', required: false, schema: LOCATION_ID }),
    ApiQuery({ name: 'arrival_poi', required: false, schema: LOCATION_ID }),
    ApiCurrencyQuery(),
    ApiLocaleQuery(),
    ApiQuery({
      name: 'confidence_score',
      required: false,
      description: 'Accepted, not used.',
      schema: { type: 'number', minimum: 0, maximum: 1 },
    }),
    ApiQuery({
      name: 'cache_only',
      required: false,
      description: 'Accepted, not used.',
      schema: { type: 'boolean', default: false },
    }),
    ApiQuery({
      name: 'timeout',
      required: false,
      description: 'Seconds the BFF may spend completing partial results (clamped to 30).',
      schema: { type: 'integer', minimum: 0, default: 0 },
    }),
  );
}
