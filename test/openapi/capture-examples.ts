/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are walked as plain JSON */
/**
 * `npm run openapi:examples`: runs the partner funnel once against a real stack (the sandbox and the BFF on
 * free ports, the test Redis) and writes the responses, trimmed to one element per list, as the examples of
 * the OpenAPI document (apps/connect-api/src/openapi/examples/sandbox-examples.json). Run it when a response
 * shape changes, then `npm run openapi`; openapi-examples.spec.ts checks every example against its schema.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startStack, writeClientsFile } from '../support/stack';
import { REPO_ROOT } from '../support/local-env';
const { bookingData, firstFreeSeat, travelDate } = require('../../walkthrough/lib/booking-data.js');

const OUT = join(REPO_ROOT, 'apps/connect-api/src/openapi/examples/sandbox-examples.json');

/** One element per list (the first), recursively; schemas inside `booking_schema` keep their lists. */
function trim(value: any, key = ''): any {
  if (Array.isArray(value)) {
    const keep = key === 'required' || key === 'enum' || key === 'type' ? value : value.slice(0, 1);
    return keep.map((v) => trim(v));
  }
  if (value && typeof value === 'object') {
    const out: Record<string, any> = {};
    for (const [k, v] of Object.entries(value)) out[k] = trim(v, k);
    return out;
  }
  return value;
}

const LOCAL_SERVER = 'http://localhost:3000';

async function main(): Promise<void> {
  // demo-b answers slow operations with 202 + IncompleteResults (the async_flow example).
  const clientsFile = writeClientsFile((file) => {
    file.clients.find((c) => c.client_id === 'demo-b')!.async_flow = true;
  });
  const stack = await startStack({
    clientsFile,
    env: { ASYNC_FLOW_THRESHOLD_MS: '300' },
    sandboxEnv: { SANDBOX_SLOW_CONFIRM_MS: '1500', SANDBOX_CONFIRM_DELAY_MS: '300' },
  });
  const bffUrl = stack.bffUrl;
  const examples: Record<string, { status: number; request?: unknown; response: unknown }> = {};
  try {
    const base = `${stack.bffUrl}/v1/demo`;
    const call = async (operationId: string, path: string, init: RequestInit = {}, body?: unknown) => {
      const res = await fetch(`${base}${path}`, {
        ...init,
        headers: {
          'x-api-key': stack.demoKey,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const json: any = await res.json();
      if (res.status >= 300) throw new Error(`${operationId}: ${res.status} ${JSON.stringify(json)}`);
      examples[operationId] = {
        status: res.status,
        ...(body === undefined ? {} : { request: body }),
        response: json,
      };
      return json;
    };

    await call('getStationsUrl', '/stations');
    await call('getOperatorsUrl', '/operating_carriers');
    await call('getPoisUrl', '/pois');
    await call('getStationsList', '/stations/GetList');
    await call('getOperatorsList', '/operating_carriers/GetList');
    await call('getPoisList', '/pois/GetList');

    const date = travelDate(3);
    let search: any;
    for (let attempt = 0; attempt < 20; attempt++) {
      search = await call(
        'searchItineraries',
        `/itineraries?departures=9001&arrivals=9002&departure_date=${date}&pax=1`,
      );
      if (examples.searchItineraries.status === 200) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const tripId: string = search.itineraries.find((i: any) => i.id.includes('ZALLFLD')).id;
    // The example search shows the trip the rest of the funnel books, with its own segments and vehicles.
    examples.searchItineraries.response = searchOf(search, tripId);

    const itinerary = (await call('getItinerary', `/itineraries/${encodeURIComponent(tripId)}`))
      .itineraries[0];
    const seat = firstFreeSeat(itinerary.booking_schema);
    const token = itinerary.booking_token;
    await call(
      'lockSeats',
      '/seats',
      { method: 'POST' },
      { booking_token: token, booking_data: { seat_selection: [seat] } },
    );
    const booking = await call(
      'createBooking',
      '/bookings',
      { method: 'POST' },
      {
        booking_token: token,
        booking_data: bookingData(itinerary.booking_schema, 1, { seats: [seat] }),
        total_price: itinerary.pricing.net_price,
      },
    );
    await call('confirmBooking', `/bookings/${booking.id}/confirm`, { method: 'POST' });
    await call('getBookingDetails', `/bookings/${booking.id}`);
    for (let attempt = 0; attempt < 20; attempt++) {
      const res = await fetch(`${base}/bookings/${booking.id}/ticket`, {
        headers: { 'x-api-key': stack.demoKey },
      });
      if (res.status === 200) {
        examples.getTicket = { status: 200, response: await res.json() };
        break;
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    await call('cancelBooking', `/bookings/${booking.id}/cancel`, { method: 'POST' });

    // IncompleteResults: the CNFSLO trip confirms late, so demo-b's ConfirmBooking answers 202 + Location.
    const asyncHeaders = { 'x-api-key': stack.demoBKey, 'content-type': 'application/json' };
    const slowId = `TH02lb02lc2Bhb0xbZCNFSLO-${date}-10:30`;
    const slowRes = await fetch(`${stack.bffUrl}/v1/demo-b/itineraries/${encodeURIComponent(slowId)}`, {
      headers: asyncHeaders,
    });
    const slow: any = ((await slowRes.json()) as any).itineraries[0];
    const slowBooking: any = await (
      await fetch(`${stack.bffUrl}/v1/demo-b/bookings`, {
        method: 'POST',
        headers: asyncHeaders,
        body: JSON.stringify({
          booking_token: slow.booking_token,
          booking_data: bookingData(slow.booking_schema, 1),
        }),
      })
    ).json();
    const confirm = await fetch(`${stack.bffUrl}/v1/demo-b/bookings/${slowBooking.id}/confirm`, {
      method: 'POST',
      headers: asyncHeaders,
    });
    const location = confirm.headers.get('location');
    if (confirm.status !== 202 || !location) throw new Error(`slow confirm answered ${confirm.status}`);
    for (let attempt = 0; attempt < 30 && !examples.getIncompleteResult; attempt++) {
      await new Promise((r) => setTimeout(r, 500));
      const res = await fetch(`${stack.bffUrl}${location}`, { headers: asyncHeaders });
      if (res.status === 200) examples.getIncompleteResult = { status: 200, response: await res.json() };
    }
  } finally {
    await stack.close();
  }
  const trimmed: Record<string, unknown> = {};
  for (const [id, ex] of Object.entries(examples).sort(([a], [b]) => a.localeCompare(b)))
    trimmed[id] = {
      status: ex.status,
      ...(ex.request ? { request: ex.request } : {}),
      response: trim(ex.response),
    };
  // The stack ran on free ports; the examples show the local stack's address (the document's server).
  const text = JSON.stringify(trimmed, null, 2).split(bffUrl).join(LOCAL_SERVER);
  writeFileSync(OUT, `${text}\n`);
  console.log(`wrote ${Object.keys(trimmed).length} examples to ${OUT}`);
}

/** The search response narrowed to one itinerary and what it references. */
function searchOf(search: any, tripId: string): any {
  const itineraries = search.itineraries.filter((i: any) => i.id === tripId);
  const segmentIds = new Set(
    itineraries.flatMap((i: any) => [...i.departure_segments, ...(i.return_segments ?? [])]),
  );
  const segments = search.segments.filter((s: any) => segmentIds.has(s.id));
  const vehicleIds = new Set(segments.map((s: any) => s.vehicle_id));
  return {
    ...search,
    vehicles: search.vehicles.filter((v: any) => vehicleIds.has(v.id)),
    segments,
    itineraries,
  };
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
