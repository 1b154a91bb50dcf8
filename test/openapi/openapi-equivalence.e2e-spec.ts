import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { startStack, type TestStack } from '../support/stack';
import { compareOpenApi, type Json } from './openapi-comparator';

/** The partner contract's OpenAPI document (test/fixtures/README.md). */
const CONTRACT_PATH =
  process.env.CLIENT_API_OPENAPI ?? join(__dirname, '..', 'fixtures', 'contract', 'client-api.openapi.yaml');

function loadContract(): Json {
  return parseYaml(readFileSync(CONTRACT_PATH, 'utf8'));
}

describe('OpenAPI generated from the code (/docs, /docs-json)', () => {
  let stack: TestStack;
  let generated: Json;

  beforeAll(async () => {
    stack = await startStack();
    const res = await fetch(`${stack.bffUrl}/docs-json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    generated = await res.json();
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('is an OpenAPI 3.1 document served without an API key, outside /v1', () => {
    expect(generated.openapi).toBe('3.1.0');
    expect(generated.info.version).toBe('2023-07-01');
    expect(generated.components.securitySchemes.ApiKeyAuth).toMatchObject({
      type: 'apiKey',
      in: 'header',
      name: 'x-api-key',
    });
    expect(Object.keys(generated.paths).every((p) => p.startsWith('/v1/{client_id}/'))).toBe(true);
    // 3.1 has no `nullable` keyword: nullability is a `'null'` type.
    expect(JSON.stringify(generated)).not.toContain('"nullable"');
    expect(generated.components.schemas.Booking.properties.voucher_url.type).toEqual(['string', 'null']);
  });

  it('has every path, webhook, method, parameter, status and schema property of client-api.openapi.yaml', () => {
    const problems = compareOpenApi(loadContract(), generated);
    // One message listing every mismatch.
    expect(`${problems.length} mismatch(es)\n${problems.join('\n')}`).toBe('0 mismatch(es)\n');
  });

  it('serves the Swagger UI at /docs', async () => {
    const res = await fetch(`${stack.bffUrl}/docs`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('swagger-ui');
    const init = await fetch(`${stack.bffUrl}/docs/swagger-ui-init.js`);
    expect(init.status).toBe(200);
    expect(await init.text()).toContain('/docs-json');
    const bundle = await fetch(`${stack.bffUrl}/docs/swagger-ui-bundle.js`);
    expect(bundle.status).toBe(200);
  });

  it('reports every drift at once (the comparator can fail)', () => {
    const drifted = structuredClone(generated);
    delete drifted.components.schemas.Booking.properties.voucher_url;
    drifted.components.schemas.Money.properties.amount = { type: 'number' };
    delete drifted.paths['/v1/{client_id}/itineraries'].get.responses['206'];
    drifted.paths['/v1/{client_id}/itineraries'].get.parameters = drifted.paths[
      '/v1/{client_id}/itineraries'
    ].get.parameters.filter((p: Json) => p.name !== 'pax');
    delete drifted.paths['/v1/{client_id}/bookings/{booking_id}/cancel'];
    drifted.components.schemas.BookingStatus.enum = ['reserved'];
    drifted.components.schemas.Image.properties.width = { type: 'integer' };
    delete drifted.components.schemas.LockSeatsBookingData.properties.seat_selection;
    drifted.components.schemas.ErrorCode.enum = drifted.components.schemas.ErrorCode.enum.filter(
      (c: string) => c !== 'result_expired',
    );
    delete drifted.paths['/v1/{client_id}/seats'].post.requestBody;
    drifted.paths['/v1/{client_id}/stations'].get.responses['200'].content = {
      'application/json': { schema: { type: 'string' } },
    };
    drifted.components.schemas.BookingData.properties.additional_fields = { type: 'object' };
    drifted.components.schemas.Segment.required = drifted.components.schemas.Segment.required.filter(
      (k: string) => k !== 'vehicle_id',
    );
    const ticketParams = drifted.paths['/v1/{client_id}/bookings/{booking_id}/ticket'].get.parameters;
    delete drifted.webhooks.bookingEvent.post.requestBody;
    ticketParams.find((p: Json) => p.name === 'x-correlation-id').required = true;

    const problems = compareOpenApi(loadContract(), drifted);
    const expected = [
      'components.schemas.Booking.voucher_url: property missing',
      'components.schemas.Money.amount: type is [number], contract says [string]',
      'GET /v1/{client_id}/itineraries: response 206 missing',
      'GET /v1/{client_id}/itineraries: parameter query:pax: missing',
      'paths["/v1/{client_id}/bookings/{booking_id}/cancel"]: missing',
      'components.schemas.BookingStatus: enum lacks [approved, cancelled, declined, failed, pending]',
      'components.schemas.Image.width: nullable is false, contract says true',
      'components.schemas.LockSeatsRequest.booking_data.seat_selection: property missing',
      'components.schemas.Error.error.code: enum lacks [result_expired]',
      'POST /v1/{client_id}/seats: requestBody missing',
      'POST bookingEvent: requestBody missing',
      'GET /v1/{client_id}/stations: response 200: media type text/plain missing',
      'components.schemas.BookingData.additional_fields{}: additionalProperties schema missing',
      'components.schemas.Segment.vehicle_id: not required, contract requires it',
      'GET /v1/{client_id}/bookings/{booking_id}/ticket: parameter header:x-correlation-id: required is true, contract says false',
    ];
    expect(problems).toEqual(expect.arrayContaining(expected));
  });
});
