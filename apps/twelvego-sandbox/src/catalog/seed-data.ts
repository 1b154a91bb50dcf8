/** The sandbox seed catalogue, verbatim from docs/upstream-12go.md#seed-data-and-trips. */

export type Vehicle = 'bus' | 'train' | 'ferry' | 'van' | 'avia' | 'charter';

export interface ProvinceSeed {
  id: number;
  name: string;
  country: string;
  utcOffsetHours: number;
  timeZone: string;
}

export interface StationSeed {
  id: number;
  provinceId: number;
  name: string;
  code: string;
  lat: number;
  lng: number;
  weight: number;
}

export interface OperatorSeed {
  id: number;
  name: string;
  vehicle: Vehicle;
  sellerId: number;
  agfeeRate: number;
  confirmationTime: number;
  cancellation: 0 | 1 | 2;
  rating: number;
  ratingCount: number;
  liveChecked: boolean;
  priceRestriction: number;
}

export type SeatLayoutVariant = 'A' | 'B' | 'C' | 'D';

export interface BaggageOptionSeed {
  value: string;
  text: string;
  priceThb: number;
}

export interface ClassSeed {
  id: number;
  name: string;
  capacity: number;
  amenities: string[];
  seatMap: SeatLayoutVariant | null;
  baggageOptions: BaggageOptionSeed[];
  ticketType: 'paper' | 'mobile' | 'pickup';
}

export const PROVINCES: ProvinceSeed[] = [
  { id: 1, name: 'Bangkok', country: 'TH', utcOffsetHours: 7, timeZone: 'Asia/Bangkok' },
  { id: 44, name: 'Chiang Mai', country: 'TH', utcOffsetHours: 7, timeZone: 'Asia/Bangkok' },
  { id: 52, name: 'Sukhothai', country: 'TH', utcOffsetHours: 7, timeZone: 'Asia/Bangkok' },
  { id: 61, name: 'Phuket', country: 'TH', utcOffsetHours: 7, timeZone: 'Asia/Bangkok' },
  { id: 62, name: 'Krabi', country: 'TH', utcOffsetHours: 7, timeZone: 'Asia/Bangkok' },
  { id: 63, name: 'Koh Phi Phi', country: 'TH', utcOffsetHours: 7, timeZone: 'Asia/Bangkok' },
  { id: 70, name: 'Songkhla', country: 'TH', utcOffsetHours: 7, timeZone: 'Asia/Bangkok' },
  { id: 1201, name: 'Siem Reap', country: 'KH', utcOffsetHours: 7, timeZone: 'Asia/Phnom_Penh' },
  { id: 1301, name: 'Vientiane', country: 'LA', utcOffsetHours: 7, timeZone: 'Asia/Vientiane' },
  { id: 1401, name: 'Penang', country: 'MY', utcOffsetHours: 8, timeZone: 'Asia/Kuala_Lumpur' },
  { id: 999, name: 'Sandbox Test', country: 'TH', utcOffsetHours: 7, timeZone: 'Asia/Bangkok' },
];

export const STATIONS: StationSeed[] = [
  {
    id: 3,
    provinceId: 1,
    name: 'Bangkok Hua Lamphong Station',
    code: '',
    lat: 13.7393,
    lng: 100.517,
    weight: 90,
  },
  {
    id: 4055,
    provinceId: 1,
    name: 'Mo Chit Bus Terminal',
    code: '',
    lat: 13.8121,
    lng: 100.5485,
    weight: 100,
  },
  {
    id: 5936,
    provinceId: 1,
    name: 'Don Mueang Airport',
    code: 'DMK',
    lat: 13.9126,
    lng: 100.6068,
    weight: 80,
  },
  {
    id: 5937,
    provinceId: 1,
    name: 'Suvarnabhumi Airport',
    code: 'BKK',
    lat: 13.69,
    lng: 100.7501,
    weight: 95,
  },
  {
    id: 4,
    provinceId: 44,
    name: 'Chiang Mai Railway Station',
    code: '',
    lat: 18.7847,
    lng: 99.0177,
    weight: 80,
  },
  {
    id: 11553,
    provinceId: 44,
    name: 'Chiang Mai Arcade Bus Terminal',
    code: '',
    lat: 18.8034,
    lng: 99.0148,
    weight: 90,
  },
  {
    id: 5939,
    provinceId: 44,
    name: 'Chiang Mai Airport',
    code: 'CNX',
    lat: 18.7668,
    lng: 98.9626,
    weight: 85,
  },
  { id: 5943, provinceId: 52, name: 'Sukhothai Airport', code: 'THS', lat: 17.238, lng: 99.8182, weight: 20 },
  {
    id: 20101,
    provinceId: 61,
    name: 'Phuket Bus Terminal 2',
    code: '',
    lat: 7.9105,
    lng: 98.3953,
    weight: 70,
  },
  { id: 20102, provinceId: 61, name: 'Rassada Pier', code: '', lat: 7.8566, lng: 98.402, weight: 75 },
  { id: 20201, provinceId: 62, name: 'Krabi Passenger Pier', code: '', lat: 8.0561, lng: 98.915, weight: 60 },
  { id: 20301, provinceId: 63, name: 'Tonsai Pier', code: '', lat: 7.7398, lng: 98.7706, weight: 70 },
  {
    id: 20401,
    provinceId: 70,
    name: 'Hat Yai Bus Terminal',
    code: '',
    lat: 6.9915,
    lng: 100.483,
    weight: 50,
  },
  {
    id: 30101,
    provinceId: 1201,
    name: 'Siem Reap Bus Station',
    code: '',
    lat: 13.3556,
    lng: 103.8672,
    weight: 60,
  },
  {
    id: 30201,
    provinceId: 1301,
    name: 'Vientiane Talat Sao Bus Station',
    code: '',
    lat: 17.966,
    lng: 102.6131,
    weight: 55,
  },
  {
    id: 30301,
    provinceId: 1401,
    name: 'Komtar George Town',
    code: '',
    lat: 5.4145,
    lng: 100.3292,
    weight: 50,
  },
  { id: 9001, provinceId: 999, name: 'Sandbox Terminal A', code: '', lat: 13.7, lng: 100.5, weight: 1 },
  { id: 9002, provinceId: 999, name: 'Sandbox Terminal B', code: '', lat: 14.35, lng: 100.57, weight: 1 },
];

export const OPERATORS: OperatorSeed[] = [
  {
    id: 16779,
    name: 'Siam State Railway',
    vehicle: 'train',
    sellerId: 11,
    agfeeRate: 0,
    confirmationTime: 0,
    cancellation: 0,
    rating: 4.1,
    ratingCount: 5210,
    liveChecked: false,
    priceRestriction: 0,
  },
  {
    id: 231,
    name: 'Nakhon Express Coach',
    vehicle: 'bus',
    sellerId: 21,
    agfeeRate: 0,
    confirmationTime: 30,
    cancellation: 2,
    rating: 4.5,
    ratingCount: 1894,
    liveChecked: false,
    priceRestriction: 0,
  },
  {
    id: 32030,
    name: 'Northern Star Bus',
    vehicle: 'bus',
    sellerId: 31,
    agfeeRate: 0.03,
    confirmationTime: 0,
    cancellation: 1,
    rating: 4.2,
    ratingCount: 733,
    liveChecked: true,
    priceRestriction: 0,
  },
  {
    id: 5,
    name: 'Lanna Skyways',
    vehicle: 'avia',
    sellerId: 41,
    agfeeRate: 0.05,
    confirmationTime: 0,
    cancellation: 0,
    rating: 4.0,
    ratingCount: 402,
    liveChecked: false,
    priceRestriction: 1,
  },
  {
    id: 33709,
    name: 'Budget Wings',
    vehicle: 'avia',
    sellerId: 42,
    agfeeRate: 0.05,
    confirmationTime: 0,
    cancellation: 0,
    rating: 3.8,
    ratingCount: 2977,
    liveChecked: false,
    priceRestriction: 1,
  },
  {
    id: 40001,
    name: 'Andaman Wave Ferries',
    vehicle: 'ferry',
    sellerId: 51,
    agfeeRate: 0,
    confirmationTime: 0,
    cancellation: 1,
    rating: 4.3,
    ratingCount: 1120,
    liveChecked: true,
    priceRestriction: 0,
  },
  {
    id: 40002,
    name: 'Mekong Border Express',
    vehicle: 'bus',
    sellerId: 61,
    agfeeRate: 0.03,
    confirmationTime: 180,
    cancellation: 1,
    rating: 3.9,
    ratingCount: 288,
    liveChecked: true,
    priceRestriction: 0,
  },
  {
    id: 26146,
    name: 'Southern Link Minivan',
    vehicle: 'van',
    sellerId: 71,
    agfeeRate: 0,
    confirmationTime: 60,
    cancellation: 2,
    rating: 4.0,
    ratingCount: 350,
    liveChecked: false,
    priceRestriction: 0,
  },
  // Scenario operator: confirmation, cancellation and live checks are set per scenario (docs/upstream-12go.md#scenario-trips).
  {
    id: 9999,
    name: 'Sandbox Test Lines',
    vehicle: 'bus',
    sellerId: 99,
    agfeeRate: 0,
    confirmationTime: 0,
    cancellation: 1,
    rating: 5.0,
    ratingCount: 1,
    liveChecked: false,
    priceRestriction: 0,
  },
];

const FULL_BUS = ['Aircon', 'WC', 'Snack', 'Food', 'TV', 'Steward'];
const TRAIN = ['Aircon', 'WC', 'Food', 'Steward'];

export const CLASSES: ClassSeed[] = [
  {
    id: 12,
    name: '2nd Class Sleeper AC',
    capacity: 40,
    amenities: TRAIN,
    seatMap: 'B',
    baggageOptions: [],
    ticketType: 'paper',
  },
  {
    id: 14,
    name: '2nd Class AC seats only',
    capacity: 60,
    amenities: TRAIN,
    seatMap: null,
    baggageOptions: [],
    ticketType: 'paper',
  },
  {
    id: 16,
    name: 'Class 3 Fan',
    capacity: 80,
    amenities: ['WC'],
    seatMap: null,
    baggageOptions: [],
    ticketType: 'paper',
  },
  {
    id: 5894,
    name: '1st Class Sleeper AC',
    capacity: 20,
    amenities: TRAIN,
    seatMap: 'B',
    baggageOptions: [],
    ticketType: 'mobile',
  },
  {
    id: 4,
    name: 'VIP',
    capacity: 24,
    amenities: FULL_BUS,
    seatMap: 'A',
    ticketType: 'mobile',
    baggageOptions: [
      { value: 'none', text: 'No extra baggage', priceThb: 0 },
      { value: 'extra20', text: 'Extra bag up to 20 kg', priceThb: 150 },
    ],
  },
  {
    id: 6,
    name: 'Express',
    capacity: 40,
    amenities: ['Aircon', 'WC', 'Snack', 'Steward'],
    seatMap: null,
    baggageOptions: [],
    ticketType: 'mobile',
  },
  {
    id: 7,
    name: 'Express',
    capacity: 40,
    amenities: FULL_BUS,
    seatMap: null,
    baggageOptions: [],
    ticketType: 'pickup',
  },
  {
    id: 3129,
    name: 'Super VIP',
    capacity: 21,
    amenities: [...FULL_BUS, 'WiFi'],
    seatMap: 'A',
    baggageOptions: [],
    ticketType: 'mobile',
  },
  {
    id: 21,
    name: 'Economy',
    capacity: 150,
    amenities: [],
    seatMap: null,
    ticketType: 'mobile',
    baggageOptions: [
      { value: 'none', text: 'No checked baggage', priceThb: 0 },
      { value: 'bag15', text: 'Checked bag up to 15 kg', priceThb: 450 },
      { value: 'bag20', text: 'Checked bag up to 20 kg', priceThb: 600 },
    ],
  },
  {
    id: 9101,
    name: 'Ferry Standard',
    capacity: 150,
    amenities: ['WC', 'Snack'],
    seatMap: null,
    baggageOptions: [],
    ticketType: 'mobile',
  },
  {
    id: 9102,
    name: 'Speedboat',
    capacity: 30,
    amenities: [],
    seatMap: 'C',
    baggageOptions: [],
    ticketType: 'mobile',
  },
  {
    id: 4385,
    name: 'International Bus',
    capacity: 40,
    amenities: ['Aircon', 'WC'],
    seatMap: null,
    baggageOptions: [],
    ticketType: 'paper',
  },
  {
    id: 6271,
    name: 'Express Minivan',
    capacity: 10,
    amenities: ['Aircon'],
    seatMap: null,
    baggageOptions: [],
    ticketType: 'mobile',
  },
  {
    id: 2057,
    name: 'Standard',
    capacity: 40,
    amenities: ['Aircon'],
    seatMap: null,
    baggageOptions: [],
    ticketType: 'mobile',
  },
];

/** One leg (ride) or a wait inside a departure; times are minutes after the departure's first leg. */
export type SegmentSeed =
  | {
      type: 'route';
      from: number;
      to: number;
      operatorId: number;
      classId: number;
      durationMin: number;
      officialId: string;
    }
  | { type: 'wait'; from: number; to: number; durationMin: number };

/** One daily departure of a route (docs/upstream-12go.md#seed-data-and-trips "Routes and timetables"). */
export interface DepartureSeed {
  routeId: string;
  time: string;
  /** Base net price per seat in THB (air fares with 2 decimals). */
  baseNet: number;
  segments: SegmentSeed[];
  /** A 12go-assembled multi-operator connection (only when `direct` is not true). */
  connection?: boolean;
  /** Scenario code of route R16 (docs/upstream-12go.md#scenario-trips). */
  scenario?: string;
}

const ride = (
  from: number,
  to: number,
  operatorId: number,
  classId: number,
  durationMin: number,
  officialId = '',
): SegmentSeed => ({
  type: 'route',
  from,
  to,
  operatorId,
  classId,
  durationMin,
  officialId,
});
const single = (
  routeId: string,
  from: number,
  to: number,
  operatorId: number,
  time: string,
  classId: number,
  durationMin: number,
  baseNet: number,
  officialId = '',
): DepartureSeed => ({
  routeId,
  time,
  baseNet,
  segments: [ride(from, to, operatorId, classId, durationMin, officialId)],
});

export const SCENARIO_CODES: Array<[string, string]> = [
  ['05:00', 'OKINST'],
  ['05:30', 'OKPEND'],
  ['06:00', 'PENDFL'],
  ['06:30', 'SOLDOU'],
  ['07:00', 'LASTST'],
  ['07:30', 'GONE40'],
  ['08:00', 'CART40'],
  ['08:30', 'CHKBAD'],
  ['09:00', 'RSVTNA'],
  ['09:30', 'RSV500'],
  ['10:00', 'RSVPRC'],
  ['10:30', 'CNFSLO'],
  ['11:00', 'CNF500'],
  ['11:30', 'RECHK1'],
  ['12:00', 'RECHKN'],
  ['12:30', 'PRICUP'],
  ['13:00', 'ALLFLD'],
  ['13:30', 'PTSALT'],
  ['14:00', 'NONREF'],
  ['14:30', 'RFDDLY'],
  ['15:00', 'RFDFAI'],
  ['15:30', 'MALFRM'],
  ['16:00', 'OPCANC'],
];

export const DEPARTURES: DepartureSeed[] = [
  single('R01', 3, 4, 16779, '08:30', 14, 615, 641, '7'),
  single('R01', 3, 4, 16779, '18:40', 12, 755, 881, '13'),
  single('R01', 3, 4, 16779, '18:40', 5894, 755, 1653, '13'),
  single('R01', 3, 4, 16779, '20:05', 16, 760, 271, '51'),
  single('R02', 4, 3, 16779, '09:00', 14, 645, 641, '8'),
  single('R02', 4, 3, 16779, '17:00', 12, 775, 881, '14'),
  single('R02', 4, 3, 16779, '17:00', 5894, 775, 1653, '14'),
  single('R03', 4055, 11553, 231, '20:00', 4, 600, 480),
  single('R03', 4055, 11553, 231, '21:00', 6, 610, 420),
  single('R03', 4055, 11553, 32030, '07:00', 7, 660, 390),
  single('R03', 4055, 11553, 32030, '19:30', 3129, 585, 520),
  single('R04', 11553, 4055, 231, '20:30', 4, 600, 480),
  single('R04', 11553, 4055, 32030, '08:00', 7, 660, 390),
  {
    routeId: 'R05',
    time: '06:40',
    baseNet: 2890,
    segments: [
      ride(5937, 5943, 5, 21, 65, 'LS215'),
      { type: 'wait', from: 5943, to: 5943, durationMin: 70 },
      ride(5943, 5939, 5, 21, 55, 'LS217'),
    ],
  },
  single('R05', 5937, 5939, 5, '12:25', 21, 80, 2350, 'LS221'),
  single('R05', 5937, 5939, 5, '17:50', 21, 80, 2650, 'LS225'),
  single('R06', 5936, 5939, 33709, '07:30', 21, 75, 1290, 'BW102'),
  single('R06', 5936, 5939, 33709, '13:20', 21, 75, 1190, 'BW106'),
  single('R06', 5936, 5939, 33709, '19:35', 21, 75, 1390, 'BW110'),
  single('R07', 5939, 5936, 33709, '10:10', 21, 75, 1290, 'BW103'),
  single('R07', 5939, 5936, 33709, '21:15', 21, 75, 1190, 'BW111'),
  single('R08', 4055, 20101, 231, '18:00', 4, 780, 890),
  single('R08', 4055, 20101, 231, '19:30', 6, 780, 720),
  single('R09', 20102, 20301, 40001, '08:30', 9101, 120, 600),
  single('R09', 20102, 20301, 40001, '11:00', 9102, 60, 1100),
  single('R09', 20102, 20301, 40001, '13:30', 9101, 120, 600),
  single('R10', 20301, 20102, 40001, '09:00', 9101, 120, 600),
  single('R10', 20301, 20102, 40001, '14:30', 9101, 120, 600),
  single('R11', 20201, 20301, 40001, '09:00', 9101, 90, 450),
  single('R11', 20201, 20301, 40001, '15:00', 9101, 90, 450),
  single('R12', 4055, 30101, 40002, '08:00', 4385, 510, 750),
  single('R13', 4055, 30201, 40002, '20:00', 4385, 660, 900),
  single('R14', 20401, 30301, 26146, '08:00', 6271, 210, 650),
  single('R14', 20401, 30301, 26146, '13:00', 6271, 210, 650),
  {
    routeId: 'R15',
    time: '18:00',
    baseNet: 1490,
    connection: true,
    segments: [
      ride(4055, 20101, 231, 4, 780),
      { type: 'wait', from: 20101, to: 20102, durationMin: 90 },
      ride(20102, 20301, 40001, 9101, 120),
    ],
  },
  ...SCENARIO_CODES.map(([time, code]): DepartureSeed => ({
    routeId: 'R16',
    time,
    baseNet: 300,
    scenario: code,
    segments: [ride(9001, 9002, 9999, 2057, 120)],
  })),
];

export const provinceById = new Map(PROVINCES.map((p) => [p.id, p]));
export const stationById = new Map(STATIONS.map((s) => [s.id, s]));
export const operatorById = new Map(OPERATORS.map((o) => [o.id, o]));
export const classById = new Map(CLASSES.map((c) => [c.id, c]));

/**
 * (operator, class) pairs whose inside photo the catalogue lists; the other classes have none, so searches
 * show both cases (route R01 sells classes 12 and 5894 with a photo, 14 and 16 without).
 */
export const CLASS_IMAGE_PAIRS: Array<[operatorId: number, classId: number]> = [
  [16779, 12],
  [16779, 5894],
  [231, 4],
  [5, 21],
];

/** 12go's CDN address of a class's inside photo. */
export const classInsideImageUrl = (operatorId: number, classId: number): string =>
  `https://cdn5.12go.asia/static/images/operator/${operatorId}/class/${classId}-inside.jpeg`;

export function stationProvince(stationId: number): ProvinceSeed {
  const station = stationById.get(stationId);
  const province = station && provinceById.get(station.provinceId);
  if (!province) throw new Error(`seed: unknown station ${stationId}`);
  return province;
}

export const stationSlug = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '-');
