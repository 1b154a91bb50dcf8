/* eslint-disable @typescript-eslint/no-explicit-any -- JSON reports and recordings are walked dynamically */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runReplay } from '../../apps/connect-api/src/migration/replay/replay.command';
import { REPO_ROOT } from '../support/local-env';
import { DEMO_KEY, startStack, TestStack, writeClientsFile } from '../support/stack';
import { sandboxDate } from '../search/search-e2e.helpers';
import { rawCall } from './support/raw-http';

const D = sandboxDate(4);
const SEARCHES = [
  `departures[]=3&arrivals[]=4&departure_date=${D}&pax=1`,
  `departures[]=3&departures[]=4055&arrivals[]=4&departure_date=${D}&pax=2`,
];

describe('recording partner requests and replaying them against two deployments', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tc-replay-'));
  const recording = join(dir, 'recording.jsonl');
  const keysFile = join(dir, 'keys.json');
  /** The four recorded lines (the baseline keeps recording the replays themselves into `recording`). */
  const recorded = join(dir, 'recorded.jsonl');
  let a: TestStack;
  let b: TestStack;
  let cipher: TestStack;
  let lines: string[];

  beforeAll(async () => {
    a = await startStack({ env: { RECORD_REQUESTS_SAMPLE: '1', RECORD_REQUESTS_PATH: recording } });
    b = await startStack({ twelvegoBaseUrl: a.sandboxUrl });
    cipher = await startStack({
      twelvegoBaseUrl: a.sandboxUrl,
      clientsFile: writeClientsFile((f) => (f.clients[0].itinerary_id_format = 'cipher')),
    });
    writeFileSync(keysFile, JSON.stringify({ 'local-a': DEMO_KEY }));

    for (const q of SEARCHES) {
      const res = await rawCall(`${a.bffUrl}/v1/demo/itineraries?${q}`, {
        headers: { 'x-api-key': DEMO_KEY },
      });
      expect(res.status).toBe(200);
    }
    expect(
      (await rawCall(`${a.bffUrl}/v1/demo/stations`, { headers: { 'x-api-key': DEMO_KEY } })).status,
    ).toBe(200);
    await rawCall(`${a.bffUrl}/v1/demo/bookings`, {
      method: 'POST',
      headers: { 'x-api-key': DEMO_KEY, 'content-type': 'application/json' },
      body: JSON.stringify({
        booking_token: 'not-a-token',
        booking_data: {
          email: 'jane.doe@example.com',
          mobile_phone: '+66812345678',
          passengers: [{ first_name: 'Jane', last_name: 'Doe', dob: '1990-01-31', id_number: 'AB1234567' }],
        },
      }),
    });
    await rawCall(`${a.bffUrl}/v1/demo/itineraries?${SEARCHES[0]}`, {
      headers: { 'x-api-key': 'wrong-key-0123456789abcdef' },
    });
    // The recorder writes asynchronously: wait (bounded) for the four lines.
    for (let i = 0; i < 100; i++) {
      lines = readFileSync(recording, 'utf8').split('\n').filter(Boolean);
      if (lines.length >= 4) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    writeFileSync(recorded, `${lines.slice(0, 4).join('\n')}\n`);
  });
  afterAll(async () => {
    await cipher?.close();
    await b?.close();
    await a?.close();
  });

  const replay = async (requests: string, candidate: string, extra: string[] = []) => {
    const report = mkdtempSync(join(dir, 'report-'));
    const out: string[] = [];
    const code = await runReplay(
      [
        '--requests',
        requests,
        '--baseline',
        a.bffUrl,
        '--candidate',
        candidate,
        '--keys',
        keysFile,
        '--report',
        report,
        ...extra,
      ],
      { out: (l) => out.push(l) },
    );
    const json = JSON.parse(readFileSync(join(report, 'report.json'), 'utf8'));
    const html = readFileSync(join(report, 'report.html'), 'utf8');
    return { code, json, html, out: out.join('\n') };
  };

  it('records authenticated requests as JSONL with the key id, never the key, and PII faked', () => {
    expect(lines).toHaveLength(4);
    const parsed = lines.map((l) => JSON.parse(l));
    expect(parsed.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /v1/demo/itineraries',
      'GET /v1/demo/itineraries',
      'GET /v1/demo/stations',
      'POST /v1/demo/bookings',
    ]);
    expect(parsed[0]).toMatchObject({ client_id: 'demo', key_id: 'local-a', query: SEARCHES[0] });
    const text = readFileSync(recording, 'utf8');
    for (const secret of [DEMO_KEY, 'Jane', 'jane.doe', '66812345678', '1990-01-31', 'AB1234567'])
      expect(text).not.toContain(secret);
    const p = parsed[3].body.booking_data.passengers[0];
    expect(p.first_name).toMatch(/^[A-Z][a-z]{3}$/);
    expect(p.dob).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(parsed[3].body.booking_token).toBe('not-a-token');
  });

  it('two BFF instances with the same configuration → 0 differences, exit 0', async () => {
    const run = await replay(recorded, b.bffUrl, ['--only', 'GET']);
    expect(run.json.total_differences).toBe(0);
    expect(run.json.paths).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.json.compared).toBe(3);
    expect(run.json.endpoints.map((e: any) => e.endpoint)).toEqual(['search', 'static_data']);
    expect(run.html).toContain('<!doctype html>');
    expect(run.html).not.toMatch(/<script|<link|src="http/);
  });

  it('a client with cipher itinerary ids → only id-format differences, exit 1', async () => {
    const run = await replay(recorded, cipher.bffUrl, ['--only', 'GET', '--concurrency', '2']);
    expect(run.code).toBe(1);
    expect(run.json.total_differences).toBeGreaterThan(0);
    expect(run.json.paths.map((p: any) => [p.endpoint, p.kind, p.path])).toEqual([
      ['search', 'format', 'itineraries[].id'],
    ]);
    expect(run.json.paths[0].example).toMatchObject({
      baseline: 'itinerary-id:native',
      candidate: 'itinerary-id:cipher',
    });
    expect(run.html).toContain('itineraries[].id');
    // --max-differences lets a known difference pass.
    const allowed = await replay(recorded, cipher.bffUrl, [
      '--only',
      'GET',
      '--max-differences',
      String(run.json.total_differences),
    ]);
    expect(allowed.code).toBe(0);
  });

  it('reports a broken line with its number, skips it and completes the run', async () => {
    const broken = join(dir, 'broken.jsonl');
    writeFileSync(
      broken,
      [lines[0], '{"method": "GET", "path": ', lines[2], '{"method":"GET","path":"/etc/passwd"}', ''].join(
        '\n',
      ),
    );
    const run = await replay(broken, b.bffUrl);
    expect(run.code).toBe(0);
    expect(run.json.compared).toBe(2);
    expect(run.json.bad_lines.map((l: any) => l.line)).toEqual([2, 4]);
    expect(run.out).toMatch(/line 2: skipped, not JSON/);
    expect(run.out).toMatch(/line 4: skipped, path must start with \/v1\//);
  });

  it('bad arguments → exit 2 with the usage line (the CLI entry as operators run it)', () => {
    const run = spawnSync(
      process.execPath,
      [
        '-r',
        '@swc-node/register',
        join(REPO_ROOT, 'apps/connect-api/src/cli/replay.ts'),
        '--requests',
        recording,
        '--baseline',
        'ftp://x',
      ],
      { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 },
    );
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('usage: npm run replay -- --requests FILE');
  });
});
