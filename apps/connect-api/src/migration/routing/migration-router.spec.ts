import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ClientSnapshot } from '../../platform/clients/client-snapshot';
import { ClientDiversion } from '../../platform/http/client-diversion';
import type { HttpAnswer } from '../compare';
import { SHADOW_RUN_HEADER, ShadowMarker } from '../shadow/shadow-marker';
import type { ShadowJob, ShadowRunner } from '../shadow/shadow-runner';
import type { ForwardOptions, LegacyProxy } from './legacy-proxy';
import { MigrationRouter } from './migration-router';

const LEGACY_ANSWER: HttpAnswer = {
  status: 200,
  headers: { 'content-type': 'application/json' },
  body: '{}',
};

function setup() {
  const forwarded: Array<{ url: string; shadowed: boolean }> = [];
  const legacy: { answer: HttpAnswer | 'too_large' | 'over_budget' } = { answer: LEGACY_ANSWER };
  const budget = { take: jest.fn(() => true), give: jest.fn() };
  const proxy = {
    forward: jest.fn(async (request: FastifyRequest, _reply: FastifyReply, options: ForwardOptions = {}) => {
      forwarded.push({ url: request.url, shadowed: Boolean(options.capture) });
      if (options.capture) expect(options.capture.budget).toBe(budget);
      options.capture?.onAnswered(legacy.answer);
    }),
  };
  const jobs: ShadowJob[] = [];
  const places = { free: 100 };
  const shadow = {
    enqueue: jest.fn((job: ShadowJob) => jobs.push(job)),
    dropped: jest.fn(),
    reserve: jest.fn(() => places.free > 0 && places.free-- > 0),
    release: jest.fn(() => places.free++),
    bytes: budget,
  };
  const marker = new ShadowMarker();
  const diversion = new ClientDiversion();
  const router = new MigrationRouter(
    diversion,
    proxy as unknown as LegacyProxy,
    marker,
    shadow as unknown as ShadowRunner,
  );
  router.onModuleInit();
  const request = (method: string, url: string, headers: Record<string, string> = {}) =>
    ({ method, url, headers, raw: { headers } }) as unknown as FastifyRequest;
  const client = (route: ClientSnapshot['route']) => ({ clientId: 'acme', route }) as ClientSnapshot;
  const reply = {} as FastifyReply;
  return { forwarded, jobs, marker, diversion, request, client, reply, shadow, places, legacy };
}

describe('MigrationRouter (through the platform ClientDiversion)', () => {
  it('leaves bff clients to the BFF', async () => {
    const t = setup();
    expect(await t.diversion.divert(t.request('GET', '/v1/acme/itineraries'), t.reply, t.client('bff'))).toBe(
      false,
    );
    expect(t.forwarded).toEqual([]);
  });

  it('proxies every request of a legacy client, without shadowing', async () => {
    const t = setup();
    for (const [m, u] of [
      ['GET', '/v1/acme/itineraries?x=1'],
      ['POST', '/v1/acme/bookings'],
    ])
      expect(await t.diversion.divert(t.request(m, u), t.reply, t.client('legacy'))).toBe(true);
    expect(t.forwarded).toEqual([
      { url: '/v1/acme/itineraries?x=1', shadowed: false },
      { url: '/v1/acme/bookings', shadowed: false },
    ]);
    expect(t.jobs).toEqual([]);
  });

  it('copies no legacy answer when the shadow queue has no place, and gives every place back', async () => {
    const t = setup();
    t.places.free = 0;
    await t.diversion.divert(t.request('GET', '/v1/acme/stations'), t.reply, t.client('shadow'));
    expect(t.forwarded).toEqual([{ url: '/v1/acme/stations', shadowed: false }]);
    expect(t.shadow.dropped).toHaveBeenCalledWith('acme', expect.any(String), 'queue_full');
    t.places.free = 1;
    await t.diversion.divert(t.request('GET', '/v1/acme/stations'), t.reply, t.client('shadow'));
    expect(t.jobs).toHaveLength(1);
    expect(t.places.free).toBe(1);
  });

  it('counts an answer that was not copied (too large, or over SHADOW_QUEUE_BYTES) as dropped, with its reason', async () => {
    const t = setup();
    for (const answer of ['too_large', 'over_budget'] as const) {
      t.legacy.answer = answer;
      await t.diversion.divert(t.request('GET', '/v1/acme/stations'), t.reply, t.client('shadow'));
      expect(t.shadow.dropped).toHaveBeenLastCalledWith('acme', 'static_data', answer);
    }
    expect(t.jobs).toEqual([]);
    expect(t.places.free).toBe(100);
  });

  it('shadows only the safe reads of a shadow client', async () => {
    const t = setup();
    const calls: Array<[string, string]> = [
      ['GET', '/v1/acme/itineraries?departure_poi=1'],
      ['GET', '/v1/acme/itineraries/abc-2026-01-01-10:00'],
      ['GET', '/v1/acme/stations'],
      ['GET', '/v1/acme/bookings/b1'],
      ['GET', '/v1/acme/bookings/b1/ticket'],
      ['POST', '/v1/acme/bookings'],
      ['POST', '/v1/acme/bookings/b1/confirm'],
      ['POST', '/v1/acme/seats'],
    ];
    for (const [m, u] of calls) await t.diversion.divert(t.request(m, u), t.reply, t.client('shadow'));
    expect(t.forwarded).toHaveLength(calls.length);
    expect(t.jobs.map((j) => [j.endpoint, j.url])).toEqual([
      ['search', '/v1/acme/itineraries?departure_poi=1'],
      ['static_data', '/v1/acme/stations'],
      ['booking_details', '/v1/acme/bookings/b1'],
      ['ticket', '/v1/acme/bookings/b1/ticket'],
    ]);
    expect(t.jobs[0]).toMatchObject({ clientId: 'acme', method: 'GET', legacy: LEGACY_ANSWER });
  });

  it('lets the BFF answer its own marked shadow run, and only with the right marker value', async () => {
    const t = setup();
    const own = t.request('GET', '/v1/acme/itineraries', { [SHADOW_RUN_HEADER]: t.marker.headerValue() });
    expect(await t.diversion.divert(own, t.reply, t.client('shadow'))).toBe(false);
    const forged = t.request('GET', '/v1/acme/itineraries', { [SHADOW_RUN_HEADER]: 'x'.repeat(48) });
    expect(await t.diversion.divert(forged, t.reply, t.client('shadow'))).toBe(true);
    expect(t.forwarded).toHaveLength(1);
  });
});
