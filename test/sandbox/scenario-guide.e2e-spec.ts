/* eslint-disable @typescript-eslint/no-explicit-any -- upstream JSON answers are asserted field by field */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/local-env';
import { SandboxHarness, startSandbox } from './sandbox-harness';

/**
 * `GET /__sandbox/scenarios` (issue 16): lists every scenario trip and magic name, its "how to reach"
 * works (the route search lists each code at its time), and docs/sandbox.md shows the same tables.
 */

const DATE = '2026-05-12';

/** Rows of the markdown table under `## <heading>`, cells trimmed, header and separator dropped. */
function tableUnder(markdown: string, heading: string): string[][] {
  const section = markdown.split(/^## /m).find((s) => s.startsWith(heading));
  if (!section) throw new Error(`docs/sandbox.md has no "## ${heading}" section`);
  return section
    .split('\n')
    .filter((l) => l.startsWith('|'))
    .slice(2)
    .map((l) =>
      l
        .slice(1, -1)
        .split('|')
        .map((c) => c.trim()),
    );
}

describe('sandbox scenario guide', () => {
  let sb: SandboxHarness;
  let guide: any;

  beforeAll(async () => {
    sb = await startSandbox();
    const res = await sb.admin('GET', '/scenarios');
    expect(res.status).toBe(200);
    guide = res.json;
  });
  afterAll(() => sb.close());

  it('lists every scenario departure of the route and the magic names', async () => {
    const search = await sb.get(
      `/search/${guide.route.from_station_id}s/${guide.route.to_station_id}s/${DATE}?seats=1&direct=true`,
    );
    expect(search.status).toBe(200);
    const listed = search.json.trips.map((t: any) => String(t.id).slice(-6));
    expect(guide.trips.map((t: any) => t.code)).toEqual(listed);
    expect(guide.trips.length).toBe(23);
    for (const trip of guide.trips) {
      expect(trip.effect.length).toBeGreaterThan(10);
      expect(['search', 'itinerary', 'booking', 'confirm', 'after confirm', 'cancel']).toContain(trip.step);
    }
    expect(guide.magic_passenger_names.map((m: any) => m.last_name)).toEqual([
      'SANDBOXPENDING',
      'SANDBOXDECLINE',
      'SANDBOXCANCEL',
    ]);
    expect(guide.how_to_reach).toContain(`departures=${guide.route.from_station_id}`);
  });

  it('each trip departs at the listed time (how to reach it from a search)', async () => {
    const search = await sb.get(
      `/search/${guide.route.from_station_id}s/${guide.route.to_station_id}s/${DATE}?seats=1&direct=true`,
    );
    const travelTimes = search.json.trips.map((t: any) => {
      const dep = t.segments?.[0]?.dep_time ?? t.params?.dep_time ?? '';
      return String(dep).slice(11, 16);
    });
    expect(travelTimes).toEqual(guide.trips.map((t: any) => t.departs));
  });

  it('docs/sandbox.md shows exactly the endpoint tables', () => {
    const doc = readFileSync(join(REPO_ROOT, 'docs/sandbox.md'), 'utf8');
    expect(tableUnder(doc, 'Scenario trips')).toEqual(
      guide.trips.map((t: any) => [t.code, t.departs, t.step, t.effect]),
    );
    expect(tableUnder(doc, 'Magic passenger names')).toEqual(
      guide.magic_passenger_names.map((m: any) => [m.last_name, m.effect]),
    );
    expect(doc).toContain(guide.how_to_reach);
  });
});
