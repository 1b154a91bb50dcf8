/* eslint-disable @typescript-eslint/no-explicit-any -- JSON bodies of the API are walked dynamically */
import { createHash } from 'node:crypto';
import { encodeKlv, parseKlv } from '../../apps/connect-api/src/ids/klv';
import { decipher, encipher } from '../../apps/connect-api/src/ids/shift-cipher';
import { RedisService } from '../../apps/connect-api/src/platform/redis/redis.service';
import {
  FunnelClient,
  fillBookingData,
  lastReserveBody,
  reservesSince,
  requestMark,
  scenarioItineraryId,
  travelDate,
} from '../booking/support/funnel.helpers';
import { startStack, writeClientsFile, type TestStack } from '../support/stack';

/**
 * Cross-client cart takeover (hardening issue, item 1). `demo-c` and `demo-d` share demo's 12go key
 * (sandbox-key-1). Stripping records 07–09 from one of demo's booking tokens gives an unbound
 * legacy-format token naming demo's cart; the cipher is public. Neither sharer may reserve, confirm or
 * lock seats on that cart, nor learn demo's booking id from a 409. `demo-c` has not opted in to legacy
 * tokens; `demo-d` has (`accept_legacy_tokens`), which still never covers a cart recorded for another client.
 */
const DEMO_C_KEY = 'local-demo-key-c-0123456789abcdef0123';
const DEMO_D_KEY = 'local-demo-key-d-0123456789abcdef0123';

function cartOf(token: string): string {
  const records = parseKlv(decipher(decodeURIComponent(token)));
  const cart = records?.get('04');
  if (!cart) throw new Error('no cart in the token');
  return cart;
}

/** The legacy-format token of the issue: `encipher("0102V1020412go0308onetwogo04LL{cart}05011")`. */
function strippedToken(cartId: string): string {
  return encipher(
    encodeKlv([
      ['01', 'V1'],
      ['02', '12go'],
      ['03', 'onetwogo'],
      ['04', cartId],
      ['05', '1'],
    ]),
  );
}

describe('reliability: cross-client cart takeover with unbound legacy tokens', () => {
  let stack: TestStack;
  let demo: FunnelClient;
  let demoC: FunnelClient;
  let demoD: FunnelClient;
  let date: string;
  let day = 0;

  const open = async (code: string): Promise<any> => {
    const d = new Date(Date.parse(`${date}T00:00:00Z`) + day++ * 86_400_000).toISOString().slice(0, 10);
    const res = await demo.itinerary(scenarioItineraryId(code, d));
    expect(res.status).toBe(200);
    return res.body.itineraries[0];
  };

  beforeAll(async () => {
    const clientsFile = writeClientsFile((file) => {
      const base = file.clients.find((c) => c.client_id === 'demo');
      const sharer = (id: string, key: string, extra: Record<string, unknown>) => ({
        ...base,
        ...extra,
        client_id: id,
        name: `Demo ${id} (shares demo's 12go key)`,
        api_keys: [{ id: `local-${id}`, hash: `sha256:${createHash('sha256').update(key).digest('hex')}` }],
      });
      file.clients.push(sharer('demo-c', DEMO_C_KEY, {}));
      file.clients.push(sharer('demo-d', DEMO_D_KEY, { accept_legacy_tokens: true }));
    });
    stack = await startStack({
      clientsFile,
      env: { ACCEPT_LEGACY_BOOKING_TOKENS: 'true' },
      secrets: [DEMO_C_KEY, DEMO_D_KEY],
    });
    demo = new FunnelClient(stack);
    demoC = new FunnelClient(stack, 'demo-c', DEMO_C_KEY);
    demoD = new FunnelClient(stack, 'demo-d', DEMO_D_KEY);
    date = await travelDate(stack);
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('refuses the stripped token of a client that has not opted in to legacy tokens (400)', async () => {
    const it0 = await open('OKINST');
    const mark = await requestMark(stack);
    const res = await demoC.book({
      booking_token: strippedToken(cartOf(it0.booking_token)),
      booking_data: fillBookingData(it0.booking_schema, 1),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_booking_token');
    expect(await reservesSince(stack, mark)).toHaveLength(0);
  });

  it('answers 404 booking_token_expired to an opted-in sharer naming a cart recorded for demo; demo books it', async () => {
    const it0 = await open('OKINST');
    const data = fillBookingData(it0.booking_schema, 1);
    const mark = await requestMark(stack);
    const stolen = await demoD.book({
      booking_token: strippedToken(cartOf(it0.booking_token)),
      booking_data: data,
    });
    expect(stolen.status).toBe(404);
    expect(stolen.body.error.code).toBe('booking_token_expired');
    expect(await reservesSince(stack, mark)).toHaveLength(0);
    expect(
      stack.logs.lines().some((l) => l.event === 'security.cross_client_attempt' && l.client_id === 'demo-d'),
    ).toBe(true);

    const own = await demo.book({ booking_token: it0.booking_token, booking_data: data });
    expect(own.status).toBe(200);
    expect(own.body.status).toBe('reserved');
    expect((await demo.confirm(own.body.id)).body.status).toBe('approved');

    // After the reserve: the sharer still sees the 404 of an unknown token, never demo's booking id.
    const again = await demoD.book({
      booking_token: strippedToken(cartOf(it0.booking_token)),
      booking_data: data,
    });
    expect(again.status).toBe(404);
    expect(JSON.stringify(again.body)).not.toContain(own.body.id);
    // The owner's retry is the 409 with its own booking id.
    const retry = await demo.book({ booking_token: it0.booking_token, booking_data: data });
    expect(retry.status).toBe(409);
    expect(retry.body.error).toMatchObject({ code: 'already_reserved', meta: { booking_id: own.body.id } });
  });

  it("never returns another client's booking id in the 409 of a cart 12go says is reserved", async () => {
    const it0 = await open('OKINST');
    const data = fillBookingData(it0.booking_schema, 1);
    const cart = cartOf(it0.booking_token);
    const own = await demo.book({ booking_token: it0.booking_token, booking_data: data });
    expect(own.status).toBe(200);
    // The cart's record is gone (expired or lost with Redis): only 12go knows the cart was reserved.
    const redis = stack.app.get(RedisService, { strict: false });
    await redis.client.del(redis.key('schema', cart));
    const res = await demoD.book({ booking_token: strippedToken(cart), booking_data: data });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('already_reserved');
    expect(JSON.stringify(res.body)).not.toContain(own.body.id);
  });

  it("does not let an opted-in sharer override demo's locked seats (404); demo's lock is what gets reserved", async () => {
    const it0 = await open('ALLFLD');
    const seatProp = it0.booking_schema.properties.seat_selection;
    const free: string[] = seatProp.items.anyOf.map((o: any) => o.const);
    expect((await demo.lockSeats(it0.booking_token, [free[0]])).status).toBe(200);

    const override = await demoD.lockSeats(strippedToken(cartOf(it0.booking_token)), [free[1]]);
    expect(override.status).toBe(404);
    expect(override.body.error.code).toBe('booking_token_expired');

    const data = fillBookingData(it0.booking_schema, 1, { everything: true });
    delete data.seat_selection;
    const res = await demo.book({ booking_token: it0.booking_token, booking_data: data });
    expect(res.status).toBe(200);
    const body = await lastReserveBody(stack);
    const seatKey = Object.keys(body).find(
      (k) => k.startsWith('selected_seats_') && !k.endsWith('_allow_auto'),
    )!;
    expect(String(body[seatKey])).toContain(free[0]);
    expect(String(body[seatKey])).not.toContain(free[1]);
  });
});
