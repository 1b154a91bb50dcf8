import { CatalogFormatError, parseCatalog } from './catalog.parser';
import { handMadeCatalog } from '../testing/hand-made-catalog';

describe('parseCatalog', () => {
  it('reads lists with 12go field names and counts unusable records', () => {
    const { catalog, skipped } = parseCatalog(handMadeCatalog());
    expect(catalog.stations).toHaveLength(8);
    expect(skipped.stations).toBe(1);
    expect(catalog.provinces.find((p) => p.id === 500)!.country).toBe('DE');
    expect(catalog.provinces.find((p) => p.id === 501)!.parentId).toBe(500);
    expect(catalog.operators.find((o) => o.id === 40050)!.vehclasses).toEqual(['ferry', 'bus', 'van']);
    expect(catalog.routes.find((r) => r.operatorIds.includes(5))!.stationIds).toEqual([5937, 5943, 5939]);
  });

  it('reads maps keyed by id and plain field names', () => {
    const { catalog } = parseCatalog({
      provinces: {
        '1': { name: 'Bangkok', country_code: 'TH', timezone: 'Asia/Bangkok', name_th: 'กรุงเทพ' },
      },
      stations: {
        '3': { name: 'Hua Lamphong', province_id: '1', lat: 13.7, lng: 100.5, station_name_ru: 'Хуалампонг' },
      },
      operators: { '7': { name: 'Op', vehicle: 'Bus', logo_url: 'https://x/7.png' } },
    });
    expect(catalog.provinces[0]).toMatchObject({
      id: 1,
      country: 'TH',
      timeZone: 'Asia/Bangkok',
      names: { th: 'กรุงเทพ' },
    });
    expect(catalog.stations[0]).toMatchObject({
      id: 3,
      provinceId: 1,
      latitude: 13.7,
      longitude: 100.5,
      names: { ru: 'Хуалампонг' },
    });
    expect(catalog.operators[0]).toMatchObject({ id: 7, vehclasses: ['bus'], logoUrl: 'https://x/7.png' });
  });

  it('accepts a body wrapped in data', () => {
    expect(parseCatalog({ data: { stations: [{ id: 1, name: 'A' }] } }).catalog.stations).toHaveLength(1);
  });

  it('drops duplicate ids and out-of-range coordinates', () => {
    const { catalog, skipped } = parseCatalog({
      stations: [
        { id: 1, name: 'A', lat: 91, lng: 10 },
        { id: 1, name: 'A again' },
      ],
    });
    expect(catalog.stations).toHaveLength(1);
    expect(catalog.stations[0].latitude).toBeNull();
    expect(skipped.stations).toBe(1);
  });

  it('reads optional class images per (operator, class), skipping unusable entries', () => {
    const url = 'https://cdn5.12go.asia/static/images/operator/16779/class/12-inside.jpeg';
    const { catalog, skipped } = parseCatalog({
      stations: [{ id: 1, name: 'A' }],
      class_images: [
        { operator_id: 16779, class_id: 12, url, width: 1200, height: 800, type: 'TYPE_CLASS_INSIDE' },
        { operator_id: '231', class_id: '4', url: url.replace('16779/class/12', '231/class/4') },
        {
          operator_id: 16779,
          class_id: 12,
          url: url.replace('inside', 'outside'),
          type: 'TYPE_CLASS_OUTSIDE',
        },
        { operator_id: 16779, url },
        { operator_id: 16779, class_id: 14, url: 'ftp://example.com/x.jpeg' },
      ],
    });
    expect(catalog.classImages).toEqual([
      { operatorId: 16779, classId: 12, url, width: 1200, height: 800, type: 'TYPE_CLASS_INSIDE' },
      {
        operatorId: 231,
        classId: 4,
        url: url.replace('16779/class/12', '231/class/4'),
        width: null,
        height: null,
        type: 'TYPE_CLASS_INSIDE',
      },
    ]);
    expect(skipped.classImages).toBe(3);
    expect(parseCatalog({ stations: [{ id: 1, name: 'A' }] }).catalog.classImages).toEqual([]);
  });

  it.each([
    [null],
    ['text'],
    [[]],
    [{ stations: [] }],
    [{ stations: 'x' }],
    [{ stations: [{ id: 'x', name: 'A' }] }],
  ])('rejects an unusable body %j', (body) => {
    expect(() => parseCatalog(body)).toThrow(CatalogFormatError);
  });
});
