/* eslint-disable @typescript-eslint/no-explicit-any -- JSON documents of the spec and the API are walked dynamically */
import { startStack, type TestStack } from '../support/stack';

describe('booking funnel without an upstream', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startStack({ twelvegoBaseUrl: 'http://127.0.0.1:9' });
  });
  afterAll(() => stack?.close());

  it('answers 404 itinerary_not_found for an undecodable itinerary id', async () => {
    const res = await fetch(`${stack.bffUrl}/v1/demo/itineraries/not-an-id`, {
      headers: { 'x-api-key': stack.demoKey },
    });
    expect(res.status).toBe(404);
    expect(((await res.json()) as any).error.code).toBe('itinerary_not_found');
  });

  it('answers 400 invalid_booking_token for a garbage token', async () => {
    const res = await fetch(`${stack.bffUrl}/v1/demo/bookings`, {
      method: 'POST',
      headers: { 'x-api-key': stack.demoKey, 'content-type': 'application/json' },
      body: JSON.stringify({ booking_token: 'nope', booking_data: { passengers: [{}] } }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error.code).toBe('invalid_booking_token');
  });
});
