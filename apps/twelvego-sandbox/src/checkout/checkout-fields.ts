import type {
  TwelveGoCheckoutResponse,
  TwelveGoFormField,
  TwelveGoFormOption,
  TwelveGoSeatMap,
} from '@app/twelvego-client';
import { classById } from '../catalog/seed-data';
import { convertCents, price } from '../core/money';
import type { DeparturePlan } from '../trips/departure-plan';
import {
  COUNTRY_OPTIONS,
  PHONE_CODES,
  BKK_PICKUP,
  CNX_POINTS,
  PHUKET_DROPOFF,
  FERRY_PICKUP,
  HATYAI_HOTELS,
  PENANG_DROPOFF,
  SANDBOX_PICKUP,
  SANDBOX_DROPOFF,
  DELIVERY_OPTIONS,
  type PricedOption,
} from './checkout-option-lists';

/** The checkout field sets of docs/upstream-12go.md#checkout-field-sets, as 12go FormFields keyed by reserve name (docs/upstream-12go.md#checkout). */

export const NAME_REGEXP = "/^[\\pL\\s'.-]{2,30}$/u";
export const MOBILE_REGEXP = '/^\\+[0-9]{7,15}$/';
export const EMAIL_REGEXP = '/^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$/';
export const ID_NO_REGEXP = '/^[A-Z0-9]{5,20}$/i';
const TIME_REGEXP = '/^([01][0-9]|2[0-3]):[0-5][0-9]$/';

export type { PricedOption };

export interface CheckoutContext {
  plan: DeparturePlan;
  cartSeats: number;
  people: number;
  currency: string;
  seatMap: TwelveGoSeatMap | null;
}

type Fields = TwelveGoCheckoutResponse;

function optionsJson(options: PricedOption[], currency: string): TwelveGoFormOption[] {
  return options.map((o) =>
    o.priceThbCents === undefined
      ? { value: o.value, text: o.text }
      : {
          value: o.value,
          text: o.text,
          data: { price: price(convertCents(o.priceThbCents, currency), currency) },
        },
  );
}

/** Priced options of a field name pattern, for extras at reserve. */
export interface FieldSpec {
  fields: Fields;
  /** name → options with prices (baggage, points, delivery). */
  priced: Map<string, PricedOption[]>;
}

export function buildCheckout(ctx: CheckoutContext): FieldSpec {
  const { plan, currency } = ctx;
  const T = plan.tripKey;
  const f: Fields = {};
  const priced = new Map<string, PricedOption[]>();
  const p = (name: string) => `passenger[0][${name}]`;
  const add = (field: TwelveGoFormField) => {
    f[field.name] = field;
  };
  const input = (name: string, title: string, required: boolean, extra: Partial<TwelveGoFormField> = {}) =>
    add({ type: 'input', name, title, required, ...extra });
  const select = (
    name: string,
    title: string,
    required: boolean,
    options: TwelveGoFormOption[],
    extra: Partial<TwelveGoFormField> = {},
  ) => add({ type: 'select', name, title, required, options, ...extra });
  const pricedSelect = (
    name: string,
    title: string,
    required: boolean,
    options: PricedOption[],
    extra: Partial<TwelveGoFormField> = {},
  ) => {
    priced.set(name, options);
    select(name, title, required, optionsJson(options, currency), extra);
  };
  const date = (name: string, title: string, required: boolean) =>
    add({ type: 'date', name, title, required });

  const op = plan.firstOperator.id;
  const cls = plan.firstClass.id;
  const scenario = plan.scenario;
  const all = scenario === 'ALLFLD';
  const isTrain = op === 16779;
  const isAir = cls === 21;
  const isFerry = op === 40001;
  const isBorder = op === 40002;
  const isVan = op === 26146;
  const busLike = op === 231 || op === 32030 || isVan || (plan.seed.routeId === 'R16' && !all);
  const sleeper = cls === 12 || cls === 5894;
  const seatSelection = sleeper || cls === 4 || cls === 3129 || cls === 9102 || all;

  // all trips
  input('contact[mobile]', 'Mobile phone', true, {
    regexp: [MOBILE_REGEXP],
    analytics_name: 'phone',
    data: { country_codes: PHONE_CODES },
  });
  input('contact[email]', 'E-mail', true, { regexp: [EMAIL_REGEXP], analytics_name: 'email' });
  input('seats', 'Number of passengers', true, { value: ctx.cartSeats, regexp: ['/^[0-9]{1,2}$/'] });
  select(p('title'), 'Title', true, [
    { value: 'Mr', text: 'Mr' },
    { value: 'Mrs', text: 'Mrs' },
    { value: 'Ms', text: 'Ms' },
  ]);
  input(p('first_name'), 'First name', true, {
    description: 'As written in the passport',
    regexp: [NAME_REGEXP],
  });
  if (all) input(p('middle_name'), 'Middle name', false, { regexp: [NAME_REGEXP] });
  input(p('last_name'), 'Last name', true, { regexp: [NAME_REGEXP] });

  const genderRequired = isTrain || isAir || isBorder;
  const countryRequired = busLike || isTrain || isAir || isBorder || all;
  const withIdentity = busLike || isTrain || isAir || isBorder || all;
  if (busLike || genderRequired || all)
    select(p('gender'), 'Gender', genderRequired, [
      { value: 'M', text: 'Male' },
      { value: 'F', text: 'Female' },
    ]);
  if (isAir || isBorder || all) date(p('dob'), 'Date of birth', true);
  if (withIdentity || isFerry) select(p('country_id'), 'Nationality', countryRequired, COUNTRY_OPTIONS);
  if (all) {
    select(p('nationality'), 'Nationality (as in passport)', false, COUNTRY_OPTIONS);
    select(p('residency'), 'Country of residence', false, COUNTRY_OPTIONS);
  }
  if (withIdentity) {
    const idTypes = isBorder
      ? [{ value: '0', text: 'Passport' }]
      : [
          { value: '0', text: 'Passport' },
          { value: '1', text: 'National ID card' },
          { value: '2', text: 'Driving licence' },
        ];
    select(p('id_type'), 'ID document type', isTrain || isBorder, idTypes, { value: '0' });
    input(p('id_no'), 'ID document number', isTrain || isBorder, { regexp: [ID_NO_REGEXP] });
  }
  if (isBorder || all) date(p('id_exp_date'), 'ID document expiry date', isBorder);
  if (all) {
    date(p('id_issue_date'), 'ID document issue date', false);
    add({ type: 'file', name: p('id_scan'), title: 'Passport scan', required: false });
  }
  if (isBorder || all) {
    select(p('visa_type'), 'Visa', isBorder, [
      { value: 'evisa', text: 'E-visa' },
      { value: 'on_arrival', text: 'Visa on arrival' },
      { value: 'exempt', text: 'Visa exempt' },
    ]);
  }
  if (all) input(p('visa_reason'), 'Purpose of visit', false);
  add({ type: 'checkbox', name: p('is_child'), title: 'Child (under 12)', required: false, value: false });
  if (sleeper || all)
    select(p('seattype_code'), 'Berth', false, [
      { value: 'L', text: 'Lower berth' },
      { value: 'U', text: 'Upper berth' },
    ]);

  if (seatSelection && ctx.seatMap) {
    add({
      type: 'select',
      name: `selected_seats_${T}`,
      title: 'Seat selection',
      required: false,
      description: 'Choose one seat per passenger or let us assign them',
      data: { min_seats: ctx.cartSeats, seatmap: ctx.seatMap },
    });
    add({ name: `selected_seats_${T}_allow_auto` });
  }

  const baggage = classById.get(cls)?.baggageOptions ?? [];
  if ((cls === 4 || isAir) && baggage.length) {
    pricedSelect(
      p(`baggage_${T}`),
      isAir ? 'Checked baggage' : 'Extra baggage',
      false,
      baggage.map((b) => ({ value: b.value, text: b.text, priceThbCents: Math.round(b.priceThb * 100) })),
      { value: 'none' },
    );
  } else if (all) {
    pricedSelect(
      p(`baggage_${T}`),
      'Extra baggage',
      false,
      [
        { value: 'none', text: 'No extra baggage', priceThbCents: 0 },
        { value: 'extra20', text: 'Extra bag up to 20 kg', priceThbCents: 15000 },
      ],
      { value: 'none' },
    );
  }

  const route = plan.seed.routeId;
  if (cls === 4 && (route === 'R03' || route === 'R04' || route === 'R08' || route === 'R15')) {
    const pickup = route === 'R04' ? CNX_POINTS : BKK_PICKUP;
    const dropoff = route === 'R04' ? BKK_PICKUP : route === 'R03' ? CNX_POINTS : PHUKET_DROPOFF;
    pricedSelect(`points[${T}][pickup]`, 'Boarding point', true, pickup);
    pricedSelect(`points[${T}][dropoff]`, 'Drop-off point', false, dropoff);
  }
  if (isFerry) {
    pricedSelect(`points[${T}][pickup]`, 'Hotel transfer', false, FERRY_PICKUP);
    input(`points[${T}][pickup_text]`, 'Hotel name and address', false);
  }
  if (isVan) {
    pricedSelect(`points[${T}][pickup]`, 'Pickup hotel', true, HATYAI_HOTELS);
    input(`points[${T}][pickup_text]`, 'Pickup details', false);
    pricedSelect(`points[${T}][dropoff]`, 'Drop-off point', true, PENANG_DROPOFF);
  }
  if (scenario === 'PTSALT') {
    pricedSelect(`points_${T}[pickup]`, 'Boarding point', true, SANDBOX_PICKUP);
    pricedSelect(`points_${T}[dropoff]`, 'Drop-off point', false, SANDBOX_DROPOFF);
  }
  if (all) {
    pricedSelect(`points[${T}][pickup]`, 'Boarding point', true, SANDBOX_PICKUP);
    pricedSelect(`points[${T}][dropoff]`, 'Drop-off point', false, SANDBOX_DROPOFF);
    pricedSelect(`points[${T}][point]`, 'Meeting point', false, SANDBOX_PICKUP);
    for (const [name, title] of [
      ['pickup_text', 'Pickup details'],
      ['dropoff_text', 'Drop-off details'],
      ['address', 'Address'],
      ['current_city', 'Current city'],
      ['additional_information', 'Additional information'],
      ['drop_off_point', 'Drop-off point (free text)'],
      ['car_number', 'Car number'],
      ['flight_no', 'Flight number'],
      ['airline', 'Airline'],
    ])
      input(`points[${T}][${name}]`, title, false);
    input(`points[${T}][flight_arr_time]`, 'Flight arrival time', false, { regexp: [TIME_REGEXP] });
    input(`points[${T}][flight_dep_time]`, 'Flight departure time', false, { regexp: [TIME_REGEXP] });
    input(`points[${T}][number_luggage]`, 'Number of bags', false, { regexp: ['/^[0-9]{1,2}$/'] });
    pricedSelect(`delivery[${T}]`, 'Ticket delivery', false, DELIVERY_OPTIONS, { value: 'eticket' });
    input(`delivery[${T}][address]`, 'Delivery address', false);
    date(`delivery[${T}][hotel_checkin_date]`, 'Hotel check-in date', false);
  }

  // people = N also lists passenger[1..N-1][…] (docs/upstream-12go.md#checkout sandbox decision)
  if (ctx.people > 1) {
    for (const name of Object.keys(f)) {
      if (!name.startsWith('passenger[0][')) continue;
      for (let i = 1; i < ctx.people; i++) {
        const other = name.replace('passenger[0][', `passenger[${i}][`);
        f[other] = { ...f[name], name: other };
        const opts = priced.get(name);
        if (opts) priced.set(other, opts);
      }
    }
  }
  return { fields: f, priced };
}
