import { createServer, type Server } from 'node:http';

export type CatalogMode = 'fail' | 'garbage' | 'pass' | 'renamed';

/**
 * A catalogue source the test controls, in front of the real sandbox catalogue: passes it through, or
 * renames one station (a catalogue change), or fails (HTTP 500 / a body that is not JSON).
 */
export async function startCatalogSource(): Promise<{
  url: string;
  set(mode: CatalogMode, upstream?: string): void;
  requests(): number;
  close(): Promise<void>;
}> {
  let mode: CatalogMode = 'fail';
  let upstream = '';
  let count = 0;
  const server: Server = createServer((req, res) => {
    count++;
    void (async () => {
      if (mode === 'fail' || !upstream) {
        res.writeHead(500, { 'content-type': 'text/plain' }).end('catalogue export failed');
        return;
      }
      if (mode === 'garbage') {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"stations": [ truncated');
        return;
      }
      const body = (await (await fetch(`${upstream}/__sandbox/catalog`)).json()) as Record<string, unknown>;
      if (mode === 'renamed') renameStation(body, 4055, 'Mo Chit 2 Bus Terminal (renamed)');
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    })().catch(() => res.writeHead(502).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/catalog.json`,
    set: (next, base) => {
      mode = next;
      if (base) upstream = base;
    },
    requests: () => count,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function renameStation(body: Record<string, unknown>, id: number, name: string): void {
  const stations = body.stations;
  const list = Array.isArray(stations)
    ? stations
    : Object.values((stations ?? {}) as Record<string, unknown>);
  for (const s of list as Array<Record<string, unknown>>) {
    if (Number(s.station_id ?? s.id) === id) {
      if ('station_name' in s) s.station_name = name;
      else s.name = name;
    }
  }
}
