import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppConfig } from '../platform/config/app-config';
import { LegacyBookingMapService } from './legacy-booking-map.service';

describe('LegacyBookingMapService', () => {
  let dir: string;
  let file: string;
  const service = (path?: string) =>
    new LegacyBookingMapService({ LEGACY_BOOKING_MAP_PATH: path } as AppConfig);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'legacy-map-'));
    file = join(dir, 'map.csv');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('loads the file at start, skipping bad rows and reporting their lines', async () => {
    writeFileSync(
      file,
      'legacy_booking_id,bid,client_id\nSHORT00001,70000001,demo\nBROKEN0001,x,demo\nSHORT00002,70000002,demo-b\n',
    );
    const s = service(file);
    const report = await s.load();
    expect(report).toMatchObject({
      path: file,
      loaded: 2,
      errors: [{ line: 3, reason: expect.any(String) }],
    });
    expect(s.lookup('demo', 'SHORT00001')).toBe('70000001');
    expect(s.lookup('demo-b', 'SHORT00001')).toBeUndefined();
    expect(s.reverse('70000002')).toEqual({
      legacyBookingId: 'SHORT00002',
      bid: '70000002',
      clientId: 'demo-b',
    });
  });

  it('works without a path (only native and KLV ids)', async () => {
    const s = service(undefined);
    expect(await s.load()).toEqual({ path: null, loaded: 0, errors: [], warnings: [] });
    expect(s.lookup('demo', 'SHORT00001')).toBeUndefined();
  });

  it('fails start-up when the file is missing or has no header', async () => {
    await expect(service(join(dir, 'nope.csv')).load()).rejects.toThrow();
    writeFileSync(file, 'a,b\n1,2\n');
    await expect(service(file).load()).rejects.toThrow(/header/);
  });

  it('picks up changes on reload and keeps the old index when the reload fails', async () => {
    writeFileSync(file, 'legacy_booking_id,bid,client_id\nSHORT00001,70000001,demo\n');
    const s = service(file);
    await s.load();
    writeFileSync(file, 'legacy_booking_id,bid,client_id\nSHORT00009,70000009,demo\n');
    expect(await s.reload()).toMatchObject({ loaded: 1 });
    expect(s.lookup('demo', 'SHORT00001')).toBeUndefined();
    expect(s.lookup('demo', 'SHORT00009')).toBe('70000009');
    rmSync(file);
    expect(await s.reload()).toBeNull();
    expect(s.lookup('demo', 'SHORT00009')).toBe('70000009');
  });
});
