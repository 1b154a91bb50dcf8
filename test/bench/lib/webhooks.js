/* global Buffer, performance, setTimeout */
'use strict';
/**
 * P6 of `npm run bench`: a local partner receiver that verifies every Standard Webhooks signature, and the
 * measurement: 12go webhooks posted to the BFF's inbound route for real bookings (owner records written at
 * reserve) → signed partner deliveries. Burst rate, then p99 of (arrival − inbound POST) at a paced 200/s.
 */
const { createHash, createHmac, timingSafeEqual } = require('node:crypto');
const http = require('node:http');
const { cpuMs, percentile, request } = require('./measure');

function secretBytes(whsec) {
  return Buffer.from(whsec.slice('whsec_'.length), 'base64');
}

/** Receiver on an ephemeral port; `secret` is set by measureWebhooks. */
async function startReceiver() {
  const state = { secret: null, arrivals: new Map(), valid: 0, invalid: 0, waiters: [] };
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const at = performance.now();
      const body = Buffer.concat(chunks).toString('utf8');
      const id = String(req.headers['webhook-id'] ?? '');
      const ts = String(req.headers['webhook-timestamp'] ?? '');
      let ok = false;
      if (state.secret) {
        const expected = createHmac('sha256', state.secret).update(`${id}.${ts}.${body}`, 'utf8').digest();
        ok = String(req.headers['webhook-signature'] ?? '')
          .split(' ')
          .some((s) => {
            const sig = Buffer.from(s.replace(/^v1,/, ''), 'base64');
            return sig.length === expected.length && timingSafeEqual(sig, expected);
          });
      }
      if (ok) {
        state.valid++;
        if (!state.arrivals.has(id)) state.arrivals.set(id, at);
      } else state.invalid++;
      res.writeHead(ok ? 204 : 401).end();
      for (const w of state.waiters.splice(0)) w();
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${server.address().port}/hooks/bench`;
  return {
    url,
    state,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

function eventId(clientId, bid, type, stamp) {
  return `evt_${createHash('sha256').update(`${clientId}|${bid}|${type}|${stamp}`, 'utf8').digest('hex').slice(0, 32)}`;
}

async function waitUntil(pred, timeoutMs, what) {
  const until = Date.now() + timeoutMs;
  while (!pred()) {
    if (Date.now() > until) throw new Error(`P6: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Real bookings of client `demo` (owner records written at reserve), through the BFF. */
async function createBookings(bffUrl, auth, date, n) {
  require('@swc-node/register');
  const { fillBookingData } = require('../../booking/support/funnel.helpers');
  const ids = [];
  for (let i = 0; i < n; i++) {
    const it = await request(
      `${bffUrl}/v1/demo/itineraries/${encodeURIComponent(`TH02lb02lc2Bhb0xbZOKINST-${date}-05:00`)}`,
      { headers: auth },
    );
    if (it.status !== 200) throw new Error(`P6: GetItinerary → ${it.status} ${it.body.slice(0, 200)}`);
    const it0 = JSON.parse(it.body).itineraries[0];
    const body = JSON.stringify({
      booking_token: it0.booking_token,
      booking_data: fillBookingData(it0.booking_schema, 1),
    });
    const b = await request(`${bffUrl}/v1/demo/bookings`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body,
    });
    if (b.status !== 200) throw new Error(`P6: CreateBooking → ${b.status} ${b.body.slice(0, 200)}`);
    ids.push(JSON.parse(b.body).id);
  }
  return ids;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
function postInbound(url, body) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function inboundBody(bid, stamp) {
  return JSON.stringify({
    bid: Number(bid),
    type: 'booking_updated',
    stamp,
    new_data: { status: 'confirmed' },
    previous_data: { status: 'pending' },
  });
}

async function measureWebhooks({
  bffUrl,
  bffPid,
  receiver,
  auth,
  quick,
  date,
  webhookSecret,
  pathSecret,
  baseline,
}) {
  if (!receiver) throw new Error('no receiver');
  receiver.state.secret = secretBytes(webhookSecret);
  const inboundUrl = `${bffUrl}/webhooks/12go/${pathSecret}`;
  const bids = await createBookings(bffUrl, auth, date, 10);
  let stamp = 1_700_000_000;

  // Warm-up: one event per booking.
  const warm = bids.map((bid) => ({ bid, stamp: stamp++ }));
  for (const e of warm) await postInbound(inboundUrl, inboundBody(e.bid, e.stamp));
  await waitUntil(
    () => warm.every((e) => receiver.state.arrivals.has(eventId('demo', e.bid, 'booking_updated', e.stamp))),
    60_000,
    'warm-up deliveries',
  );

  // Burst: as fast as the inbound route accepts, then until the last signed delivery arrived.
  const burstN = quick ? 1000 : 3000;
  const burst = Array.from({ length: burstN }, (_, i) => ({ bid: bids[i % bids.length], stamp: stamp++ }));
  const t0 = performance.now();
  const cpu0 = cpuMs(bffPid);
  let next = 0;
  let rejected = 0;
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (next < burst.length) {
        const e = burst[next++];
        const status = await postInbound(inboundUrl, inboundBody(e.bid, e.stamp));
        if (status !== 200) rejected++;
      }
    }),
  );
  const accepted = performance.now();
  const ids = burst.map((e) => eventId('demo', e.bid, 'booking_updated', e.stamp));
  await waitUntil(() => ids.every((id) => receiver.state.arrivals.has(id)), 180_000, 'burst deliveries');
  const last = Math.max(...ids.map((id) => receiver.state.arrivals.get(id)));
  // BFF CPU per event (inbound accept + owner lookup + 12go read + signed delivery), wall time included.
  const bffCpuMsPerEvent = (cpuMs(bffPid) - cpu0) / burstN;
  const bffCpuShare = (cpuMs(bffPid) - cpu0) / (last - t0);
  const burstDeliveriesPerSec = burstN / ((last - t0) / 1000);

  // Bare baseline server: read booking, sign, POST per inbound event, no queue (same bookings, same burst).
  const bare = baseline ? await baselineBurst(baseline, receiver, bids, burstN, stamp) : null;
  stamp += burstN;

  // Paced at 200/s: enqueue→delivered per event.
  const pacedN = quick ? 1000 : 3000;
  const paced = [];
  const start = performance.now();
  const sends = [];
  for (let i = 0; i < pacedN; i++) {
    const due = start + i * 5;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const e = { bid: bids[i % bids.length], stamp: stamp++, sentAt: performance.now() };
    paced.push(e);
    sends.push(postInbound(inboundUrl, inboundBody(e.bid, e.stamp)));
  }
  const statuses = await Promise.all(sends);
  const pacedSeconds = (performance.now() - start) / 1000;
  let pacedError;
  try {
    await waitUntil(
      () =>
        paced.every((e) => receiver.state.arrivals.has(eventId('demo', e.bid, 'booking_updated', e.stamp))),
      120_000,
      'paced deliveries',
    );
  } catch (e) {
    // A machine too loaded to keep 200/s: the burst figures still stand; p99 is over what did arrive.
    pacedError = String(e?.message ?? e);
  }
  const latencies = paced
    .filter((e) => receiver.state.arrivals.has(eventId('demo', e.bid, 'booking_updated', e.stamp)))
    .map((e) => receiver.state.arrivals.get(eventId('demo', e.bid, 'booking_updated', e.stamp)) - e.sentAt);

  // Baseline: the receiver alone (signed bodies posted directly, same concurrency as the burst).
  const direct = await receiverOnlyRate(receiver, webhookSecret, burstN);

  const p99 = percentile(latencies, 99);
  return {
    bookings: bids.length,
    burstEvents: burstN,
    burstInboundAcceptSeconds: +((accepted - t0) / 1000).toFixed(2),
    burstRejected: rejected,
    burstDeliveriesPerSec,
    bffCpuMsPerEvent,
    bffCpuCoresUsed: bffCpuShare,
    receiverOnlyPerSec: direct,
    paced: {
      events: pacedN,
      achievedRate: pacedN / pacedSeconds,
      rejected: statuses.filter((s) => s !== 200).length,
      p50Ms: percentile(latencies, 50),
      p99Ms: p99,
      maxMs: Math.max(...latencies),
      delivered: latencies.length,
      ...(pacedError ? { error: pacedError } : {}),
    },
    invalidSignatures: receiver.state.invalid,
    baselineDeliveriesPerSec: bare?.perSec,
    baselineCpuMsPerEvent: bare?.cpuMsPerEvent,
    ratioToBaseline: bare ? burstDeliveriesPerSec / bare.perSec : undefined,
    goal: '≥ 1,000/s and ≥ 0.5× the bare baseline; p99 < 50 ms at 200/s',
    pass:
      burstDeliveriesPerSec >= 1000 &&
      (!bare || burstDeliveriesPerSec / bare.perSec >= 0.5) &&
      p99 < 50 &&
      !pacedError &&
      receiver.state.invalid === 0 &&
      rejected === 0,
  };
}

async function baselineBurst(baseline, receiver, bids, n, firstStamp) {
  const events = Array.from({ length: n }, (_, i) => ({ bid: bids[i % bids.length], stamp: firstStamp + i }));
  const ids = events.map((e) => `evt_base_${e.bid}_${e.stamp}`);
  const t0 = performance.now();
  const cpu0 = cpuMs(baseline.pid);
  let next = 0;
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (next < events.length) {
        const e = events[next++];
        const status = await postInbound(`${baseline.url}/webhooks/bench`, inboundBody(e.bid, e.stamp));
        if (status !== 200) throw new Error(`P6 baseline answered ${status}`);
      }
    }),
  );
  await waitUntil(() => ids.every((id) => receiver.state.arrivals.has(id)), 120_000, 'baseline deliveries');
  const last = Math.max(...ids.map((id) => receiver.state.arrivals.get(id)));
  return { perSec: n / ((last - t0) / 1000), cpuMsPerEvent: (cpuMs(baseline.pid) - cpu0) / n };
}

async function receiverOnlyRate(receiver, webhookSecret, n) {
  const key = secretBytes(webhookSecret);
  const body = inboundBody('70000001', 1);
  const ts = String(Math.floor(Date.now() / 1000));
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (next < n) {
        const id = `evt_direct_${next++}`;
        const sig = `v1,${createHmac('sha256', key).update(`${id}.${ts}.${body}`).digest('base64')}`;
        await new Promise((resolve, reject) => {
          const req = http.request(
            receiver.url,
            {
              method: 'POST',
              agent,
              headers: {
                'webhook-id': id,
                'webhook-timestamp': ts,
                'webhook-signature': sig,
                'content-type': 'application/json',
              },
            },
            (res) => {
              res.resume();
              res.on('end', resolve);
            },
          );
          req.on('error', reject);
          req.end(body);
        });
      }
    }),
  );
  return n / ((performance.now() - t0) / 1000);
}

module.exports = { startReceiver, measureWebhooks };
