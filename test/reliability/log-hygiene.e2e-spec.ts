/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies are walked dynamically */
import { randomBytes } from 'node:crypto';
import { startStack, writeClientsFile, type TestStack } from '../support/stack';
import { addFault, clearFaults, fillBookingData, lastReserveBody } from '../booking/support/funnel.helpers';
import { WebhookReceiver, waitFor } from '../notifications/support/webhook-receiver';
import { keepAliveAgent, send } from './support/bff-http';
import { FunnelFixtures } from './support/funnel-fixtures';

jest.setTimeout(60_000);

/** Distinctive passenger data: any of these in a log line is a leak (docs/platform.md#logs-and-redaction). */
const PII = {
  firstNames: ['Zebulonia', 'Quillibert'],
  lastNames: ['Xanthopoulou', 'Vrbanovicz'],
  email: 'leak.canary.4711@example.org',
  phone: '+66891234567',
  idNumbers: ['QX7394021', 'QX7394022'],
};

/**
 * Issue 9: a full run through every endpoint — happy paths, validation failures carrying PII, upstream
 * faults, webhooks in and out — at LOG_LEVEL=debug (the most verbose) leaves logs without any API key,
 * 12go key, webhook secret, path secret, admin token or passenger PII. (The harness additionally checks
 * API keys, 12go keys and `k=` values on close for every e2e suite.)
 */
describe('reliability: captured logs hold no secrets and no passenger PII', () => {
  let stack: TestStack;
  let fixtures: FunnelFixtures;
  const receiver = new WebhookReceiver();
  const agent = keepAliveAgent(2);
  const pathSecret = randomBytes(20).toString('hex');
  const adminToken = randomBytes(20).toString('hex');
  const whsec = `whsec_${randomBytes(32).toString('base64')}`;

  const call = (method: string, path: string, body?: unknown, extra: Record<string, string> = {}) =>
    send(agent, stack.bffUrl, {
      method,
      path,
      headers: {
        'x-api-key': stack.demoKey,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...extra,
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });

  function withPii(data: Record<string, any>): Record<string, any> {
    const out = { ...data };
    if ('email' in out) out.email = PII.email;
    if ('mobile_phone' in out) out.mobile_phone = PII.phone;
    out.passengers = (out.passengers ?? []).map((p: Record<string, unknown>, i: number) => ({
      ...p,
      first_name: PII.firstNames[i],
      last_name: PII.lastNames[i],
      ...('id_number' in p ? { id_number: PII.idNumbers[i] } : {}),
    }));
    return out;
  }

  beforeAll(async () => {
    await receiver.start();
    const clientsFile = writeClientsFile((f) => {
      f.clients[0].webhook = {
        url: `${receiver.url}/hooks/demo`,
        secrets: [whsec],
        allow_private_target: true,
      };
    });
    stack = await startStack({
      clientsFile,
      env: {
        LOG_LEVEL: 'debug',
        TWELVEGO_WEBHOOK_PATH_SECRETS: pathSecret,
        ADMIN_TOKENS: adminToken,
        BOOKING_TOKEN_HMAC_KEY: 'reliability-logs-token-key-0123456789abc',
        TWELVEGO_TIMEOUTS: 'reserve=500,confirm=500',
        TWELVEGO_RETRY_MAX: '0',
        WEBHOOK_RETRY_SCHEDULE: '100ms,100ms',
      },
      secrets: [pathSecret, adminToken, whsec, whsec.slice('whsec_'.length)],
    });
    fixtures = new FunnelFixtures(stack);
    for (const key of ['sandbox-key-1', 'sandbox-key-2']) {
      await stack.sandboxAdmin(`/webhook-targets/${key}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ url: `${stack.bffUrl}/webhooks/12go/${pathSecret}` }),
      });
    }
  });
  afterAll(async () => {
    agent.destroy();
    await stack?.close(); // also fails on API keys, 12go keys, `k=` and the secrets above
    await receiver.close();
  });

  it('drives every endpoint with PII and secrets in play', async () => {
    const date = await fixtures.travelDate();
    expect([200, 206]).toContain(
      (
        await call(
          'GET',
          `/v1/demo/itineraries?departures[]=9001&arrivals[]=9002&departure_date=${date}&pax=2`,
        )
      ).status,
    );
    const itinerary = await call(
      'GET',
      `/v1/demo/itineraries/${encodeURIComponent(`${await fixtures.itineraryId()}~2`)}`,
    );
    expect(itinerary.status).toBe(200);
    const it0 = itinerary.body.itineraries[0];
    const data = withPii(fillBookingData(it0.booking_schema, 2));

    // Validation failures that carry the PII back in the request.
    const invalid = {
      ...data,
      email: `${PII.email}@@`,
      passengers: data.passengers.map((p: any) => ({ ...p, dob: 'not-a-date' })),
    };
    expect(
      (await call('POST', '/v1/demo/bookings', { booking_token: it0.booking_token, booking_data: invalid }))
        .status,
    ).toBeGreaterThanOrEqual(400);
    expect(
      (
        await call(
          'POST',
          '/v1/demo/bookings',
          `{"booking_token":"${it0.booking_token}","booking_data":{"email":"${PII.email}"`,
        )
      ).status,
    ).toBe(400);
    await call('POST', '/v1/demo/seats', {
      booking_token: it0.booking_token,
      booking_data: { seat_selection: [PII.lastNames[0]] },
    });

    // An upstream failure on reserve (the request body holds the PII), then the real booking.
    await addFault(stack, { match: { method: 'POST', path: '/reserve/*' }, action: { status: 500 } });
    expect(
      (await call('POST', '/v1/demo/bookings', { booking_token: it0.booking_token, booking_data: data }))
        .status,
    ).toBe(502);
    await clearFaults(stack);
    const reopened = await call(
      'GET',
      `/v1/demo/itineraries/${encodeURIComponent(`${await fixtures.itineraryId()}~2`)}`,
    );
    const booking = await call('POST', '/v1/demo/bookings', {
      booking_token: reopened.body.itineraries[0].booking_token,
      booking_data: data,
    });
    expect(booking.status).toBe(200);
    const id = booking.body.id;
    // The canaries really went through the BFF (so their absence from the logs means something).
    expect(JSON.stringify(await lastReserveBody(stack))).toContain(PII.lastNames[0]);

    expect((await call('POST', `/v1/demo/bookings/${id}/confirm`)).status).toBe(200);
    expect((await call('GET', `/v1/demo/bookings/${id}`)).status).toBe(200);
    await call('GET', `/v1/demo/bookings/${id}/ticket`);
    expect((await call('POST', `/v1/demo/bookings/${id}/cancel`)).status).toBe(200);
    for (const doc of ['stations', 'operating_carriers', 'pois']) await call('GET', `/v1/demo/${doc}`);
    await call('GET', '/admin/notifications/stats', undefined, { authorization: `Bearer ${adminToken}` });
    await call('GET', '/admin/notifications/dead-letters', undefined, {
      authorization: `Bearer ${adminToken}`,
    });
    await call('GET', '/admin/notifications/stats', undefined, {
      authorization: `Bearer ${adminToken.slice(0, -1)}x`,
    });
    await call(
      'GET',
      `/v1/demo/itineraries?departures[]=3&arrivals[]=4&departure_date=${date}&pax=1`,
      undefined,
      { 'x-api-key': `${stack.demoKey.slice(0, -1)}x` },
    );

    // Signed deliveries reach the partner (the webhook secret was in use), then the logs are checked.
    await waitFor(
      () => receiver.delivered('/hooks/demo').length >= 1 || undefined,
      20_000,
      'a signed partner delivery',
    );
    expect(receiver.delivered('/hooks/demo')[0].headers['webhook-signature']).toBeTruthy();
  });

  it('the captured logs contain none of them', () => {
    const text = stack.logs.text();
    expect(text.length).toBeGreaterThan(1000);
    const canaries: Array<[string, string]> = [
      ...PII.firstNames.map((v) => ['first name', v] as [string, string]),
      ...PII.lastNames.map((v) => ['last name', v] as [string, string]),
      ['email', PII.email],
      ['email local part', PII.email.split('@')[0]],
      ['phone', PII.phone],
      ['phone digits', PII.phone.slice(1)],
      ...PII.idNumbers.map((v) => ['document number', v] as [string, string]),
      ['webhook secret', whsec.slice('whsec_'.length)],
      ['12go path secret', pathSecret],
      ['admin token', adminToken],
      ['API key', stack.demoKey],
      ['API key (wrong last char)', `${stack.demoKey.slice(0, -1)}x`],
      ['12go key', 'sandbox-key-1'],
    ];
    const leaks = canaries
      .filter(([, v]) => text.toLowerCase().includes(v.toLowerCase()))
      .map(([what]) => what);
    expect(leaks).toEqual([]);
    expect(text).not.toMatch(/[?&]k=(?!\[REDACTED\]|&|$)[^&\s"\\]/);
  });
});
