import type { TwelveGoFormOption } from '@app/twelvego-client';

/** The option lists the sandbox's checkout fields offer (countries, phone codes, points per route, delivery). */

export interface PricedOption {
  value: string;
  text: string;
  /** Per passenger, THB cents. */
  priceThbCents?: number;
}

const COUNTRIES: Array<[string, string, string]> = [
  ['AU', 'Australia', '61'],
  ['CN', 'China', '86'],
  ['DE', 'Germany', '49'],
  ['FR', 'France', '33'],
  ['GB', 'United Kingdom', '44'],
  ['IN', 'India', '91'],
  ['JP', 'Japan', '81'],
  ['KH', 'Cambodia', '855'],
  ['KR', 'South Korea', '82'],
  ['LA', 'Laos', '856'],
  ['MM', 'Myanmar', '95'],
  ['MY', 'Malaysia', '60'],
  ['NL', 'Netherlands', '31'],
  ['SG', 'Singapore', '65'],
  ['TH', 'Thailand', '66'],
  ['US', 'United States', '1'],
  ['VN', 'Vietnam', '84'],
];
const POPULAR = ['TH', 'GB', 'US', 'DE', 'AU', 'CN'];
const countryName = (code: string): string => COUNTRIES.find((c) => c[0] === code)?.[1] ?? code;

export const COUNTRY_OPTIONS: TwelveGoFormOption[] = [
  { value: null, text: 'Popular', values: POPULAR.map((c) => ({ value: c, text: countryName(c) })) },
  { value: null, text: 'All', values: COUNTRIES.map(([c, n]) => ({ value: c, text: n })) },
];

export const PHONE_CODES = ['TH', 'GB', 'US', 'KH', 'LA', 'MY'].map((c) => ({
  country_id: c,
  code: COUNTRIES.find((x) => x[0] === c)?.[2] ?? '',
  name: countryName(c),
}));

/** Point options per route (docs/upstream-12go.md#checkout-field-sets). */
export const BKK_PICKUP: PricedOption[] = [
  { value: 'mochit_p12', text: 'Mo Chit Bus Terminal – Platform 12' },
  { value: 'rangsit', text: 'Rangsit, Future Park' },
];
export const CNX_POINTS: PricedOption[] = [
  { value: 'arcade', text: 'Chiang Mai Arcade Bus Terminal' },
  { value: 'central_festival', text: 'Central Festival Chiang Mai' },
];
export const PHUKET_DROPOFF: PricedOption[] = [
  { value: 'phuket_bt2', text: 'Phuket Bus Terminal 2' },
  { value: 'chalong', text: 'Chalong' },
];
export const FERRY_PICKUP: PricedOption[] = [
  { value: 'none', text: 'No transfer', priceThbCents: 0 },
  { value: 'patong', text: 'Patong hotel pickup +200 THB', priceThbCents: 20000 },
  { value: 'kata_karon', text: 'Kata/Karon hotel pickup +250 THB', priceThbCents: 25000 },
];
export const HATYAI_HOTELS: PricedOption[] = [
  { value: 'lee_gardens', text: 'Lee Gardens Plaza Hotel' },
  { value: 'centara_hatyai', text: 'Centara Hotel Hat Yai' },
  { value: 'hatyai_bus_terminal', text: 'Hat Yai Bus Terminal' },
];
export const PENANG_DROPOFF: PricedOption[] = [
  { value: 'komtar', text: 'Komtar George Town' },
  { value: 'penang_ferry', text: 'Penang Ferry Terminal' },
];
export const SANDBOX_PICKUP: PricedOption[] = [
  { value: 'terminal_a_gate1', text: 'Sandbox Terminal A – Gate 1' },
  { value: 'terminal_a_gate2', text: 'Sandbox Terminal A – Gate 2' },
];
export const SANDBOX_DROPOFF: PricedOption[] = [
  { value: 'terminal_b_main', text: 'Sandbox Terminal B – Main hall' },
  { value: 'terminal_b_city', text: 'Sandbox city centre' },
];
export const DELIVERY_OPTIONS: PricedOption[] = [
  { value: 'eticket', text: 'E-ticket by e-mail', priceThbCents: 0 },
  { value: 'hotel', text: 'Paper ticket delivered to your hotel', priceThbCents: 10000 },
];
