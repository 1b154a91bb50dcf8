/**
 * A hand-made catalogue in the shape of `GET /__sandbox/catalog` with the edge cases the builders must
 * handle: missing coordinates, a multi-mode operator, a POI without stations, non-ASCII names and
 * translations, a sub-area, a station without country/time zone, offsets instead of IANA zones.
 */
export function handMadeCatalog(): Record<string, unknown> {
  return {
    provinces: [
      {
        id: 1,
        name: 'Bangkok',
        country: 'TH',
        time_zone: 'Asia/Bangkok',
        names: { th: 'กรุงเทพมหานคร', ru: 'Бангкок' },
      },
      { id: 44, name: 'Chiang Mai', country: 'TH', time_zone: 'UTC+7' },
      { id: 70, name: 'Empty Province', country: 'TH', time_zone: 'Asia/Bangkok' },
      { id: 1401, name: 'Penang', country: 'MY', time_zone: 'UTC+8' },
      { id: 500, name: 'Düsseldorf-Köln Region', country: 'de', time_zone: 'Europe/Berlin' },
      { id: 501, name: 'Köln', country: 'DE', time_zone: 'Europe/Berlin', parent_id: 500 },
      { id: 777, name: 'Nowhere', country: null },
    ],
    stations: [
      {
        station_id: 4055,
        province_id: 1,
        station_name: 'Mo Chit Bus Terminal',
        station_lat: 13.8121,
        station_lng: 100.5485,
        names: { th: 'สถานีขนส่งหมอชิต' },
      },
      {
        station_id: 3,
        province_id: 1,
        station_name: 'Bangkok Hua Lamphong Station',
        station_lat: 13.7393,
        station_lng: 100.517,
      },
      {
        station_id: 5937,
        province_id: 1,
        station_name: 'Suvarnabhumi Airport',
        station_code: 'BKK',
        station_lat: 13.69,
        station_lng: 100.7501,
      },
      // Missing coordinates entirely, and a 0/0 placeholder.
      { station_id: 4, province_id: 44, station_name: 'Chiang Mai Railway Station' },
      {
        station_id: 11553,
        province_id: 44,
        station_name: 'Chiang Mai Arcade Bus Terminal',
        station_lat: 0,
        station_lng: 0,
      },
      {
        station_id: 30301,
        province_id: 1401,
        station_name: 'Komtar George Town',
        station_lat: '5.4145',
        station_lng: '100.3292',
      },
      {
        station_id: 60001,
        province_id: 501,
        station_name: 'Köln Hauptbahnhof',
        station_lat: 50.943,
        station_lng: 6.9589,
      },
      // No province → no country or time zone: left out of the document.
      { station_id: 99999, station_name: 'Orphan Stop' },
      // Unusable: no name.
      { station_id: 88888, province_id: 1 },
    ],
    operators: [
      {
        id: 16779,
        name: 'Siam State Railway',
        vehclass: 'train',
        logo: ['https://cdn5.12go.asia/static/images/operator/16779/logo.png'],
      },
      { id: 231, name: 'Nakhon Express Coach', vehclass: 'bus', logo: [] },
      {
        id: 40050,
        name: 'Andaman Bus & Boat',
        vehclasses: ['ferry', 'bus', 'van'],
        display_name: 'ABB',
        phone: '+66 76 000 000',
      },
      {
        id: 26146,
        name: 'Southern Link Minivan',
        vehclass: 'van',
        logo: [{ url: 'https://cdn.example/26146.png' }],
      },
      { id: 5, name: 'Lanna Skyways', vehclass: 'avia' },
    ],
    routes: [
      { from: 3, to: 4, operator: 16779, vehclass: 'train' },
      { from: 4055, to: 11553, operators: [231] },
      { from: 5937, to: 5939, operator: 5, via: [5943] },
    ],
  };
}
