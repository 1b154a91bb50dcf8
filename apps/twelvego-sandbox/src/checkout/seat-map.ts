import type { TwelveGoSeatInfo, TwelveGoSeatLayout, TwelveGoSeatMap } from '@app/twelvego-client';
import type { SeatLayoutVariant } from '../catalog/seed-data';
import { seededStream } from '../core/hashing';
import { convertCents, price } from '../core/money';

/** Seat layouts of docs/upstream-12go.md#checkout, docs/upstream-12go.md#seed-data-and-trips and the seat maps of docs/upstream-12go.md#checkout-field-sets. */

export interface SeatDef {
  id: string;
  type: 'window' | 'aisle' | 'middle' | 'berth_lower' | 'berth_upper';
  level: number;
  /** Surcharge over the base per-seat price, THB cents. */
  surchargeThbCents: number;
}

export interface SeatLayout {
  variant: SeatLayoutVariant;
  layouts: TwelveGoSeatLayout;
  seats: SeatDef[];
}

const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

function busLayout(classId: number): SeatLayout {
  // class 4: 2+1 (A B · C), rows 1–8; class 3129: 1+2 (A · B C), rows 1–7; row 1 costs +50 THB
  const twoPlusOne = classId !== 3129;
  const rows = twoPlusOne ? range(1, 8) : range(1, 7);
  const seats: SeatDef[] = [];
  const layouts = rows.map((r) => {
    const surcharge = r === 1 ? 5000 : 0;
    const ids = [`${r}A`, `${r}B`, `${r}C`];
    const types: SeatDef['type'][] = ['window', 'aisle', 'window'];
    ids.forEach((id, i) =>
      seats.push({
        id,
        type: twoPlusOne ? types[i] : (['window', 'aisle', 'window'] as const)[i],
        level: 1,
        surchargeThbCents: surcharge,
      }),
    );
    return twoPlusOne ? [ids[0], ids[1], null, ids[2]] : [ids[0], null, ids[1], ids[2]];
  });
  return { variant: 'A', layouts, seats };
}

function berthLayout(capacity: number): SeatLayout {
  // variant B: row → berth numbers; odd numbers are lower berths (+100 THB)
  const layouts: Record<string, string[]> = {};
  const seats: SeatDef[] = [];
  for (const r of range(1, Math.ceil(capacity / 4))) {
    const ids = range(4 * r - 3, Math.min(4 * r, capacity)).map(String);
    layouts[String(r)] = ids;
    for (const id of ids) {
      const lower = Number(id) % 2 === 1;
      seats.push({
        id,
        type: lower ? 'berth_lower' : 'berth_upper',
        level: 1,
        surchargeThbCents: lower ? 10000 : 0,
      });
    }
  }
  return { variant: 'B', layouts, seats };
}

function speedboatLayout(): SeatLayout {
  // variant C: rows 1–8, left 2 / right 2, minus the two seats of row 8 right (30 seats)
  const layouts: Record<string, { left: Array<string | null>; right: Array<string | null> }> = {};
  const seats: SeatDef[] = [];
  for (const r of range(1, 8)) {
    const left = [`${r}A`, `${r}B`];
    const right: Array<string | null> = r === 8 ? [null, null] : [`${r}C`, `${r}D`];
    layouts[String(r)] = { left, right };
    seats.push(
      { id: left[0], type: 'window', level: 1, surchargeThbCents: 0 },
      { id: left[1], type: 'aisle', level: 1, surchargeThbCents: 0 },
    );
    if (right[0])
      seats.push(
        { id: right[0], type: 'aisle', level: 1, surchargeThbCents: 0 },
        { id: right[1] as string, type: 'window', level: 1, surchargeThbCents: 0 },
      );
  }
  return { variant: 'C', layouts, seats };
}

function gridLayout(): SeatLayout {
  // variant D: row → column → seat id (scenario ALLFLD), 10 rows × 4
  const layouts: Record<string, Record<string, string>> = {};
  const seats: SeatDef[] = [];
  const types: SeatDef['type'][] = ['window', 'aisle', 'aisle', 'window'];
  for (const r of range(1, 10)) {
    layouts[String(r)] = {};
    ['A', 'B', 'C', 'D'].forEach((col, i) => {
      layouts[String(r)][col] = `${r}${col}`;
      seats.push({ id: `${r}${col}`, type: types[i], level: 1, surchargeThbCents: 0 });
    });
  }
  return { variant: 'D', layouts, seats };
}

export function seatLayoutFor(variant: SeatLayoutVariant, classId: number, capacity: number): SeatLayout {
  switch (variant) {
    case 'A':
      return busLayout(classId);
    case 'B':
      return berthLayout(capacity);
    case 'C':
      return speedboatLayout();
    case 'D':
      return gridLayout();
  }
}

/**
 * Seats booked outside the sandbox: `count` seats in a stable order drawn with purpose `seatmap`
 * (Fisher–Yates), skipping seats taken by sandbox bookings.
 */
export function generatedBookedSeats(
  layout: SeatLayout,
  count: number,
  seed: number,
  tripKey: string,
  date: string,
  taken: Set<string> = new Set(),
): Set<string> {
  const ids = layout.seats.map((s) => s.id);
  const draw = seededStream(`${seed}|${tripKey}|${date}|seatmap`);
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(draw() * (i + 1));
    [ids[i], ids[j]] = [ids[j], ids[i]];
  }
  return new Set(ids.filter((id) => !taken.has(id)).slice(0, Math.max(0, count)));
}

export interface SeatMapState {
  layout: SeatLayout;
  booked: Set<string>;
}

export function seatMapState(
  layout: SeatLayout,
  baseSeats: number,
  taken: Set<string>,
  seed: number,
  tripKey: string,
  date: string,
): SeatMapState {
  const generated = generatedBookedSeats(layout, layout.seats.length - baseSeats, seed, tripKey, date, taken);
  return { layout, booked: new Set([...generated, ...taken]) };
}

/** The `data.seatmap` JSON; `grossCents` is the base per-seat price in the account currency. */
export function seatMapJson(state: SeatMapState, grossCents: number, currency: string): TwelveGoSeatMap {
  const seats: Record<string, TwelveGoSeatInfo> = {};
  for (const s of state.layout.seats) {
    const isBooked = state.booked.has(s.id);
    const diff = convertCents(s.surchargeThbCents, currency);
    seats[s.id] = {
      is_available: !isBooked,
      occupant: null,
      price: price(grossCents + diff, currency),
      price_diff: price(diff, currency),
      reason: isBooked ? 'booked' : '',
      seat_level: s.level,
      seat_orientation: 'forward',
      seat_type: s.type,
    };
  }
  const bookedIds = state.layout.seats.map((s) => s.id).filter((id) => state.booked.has(id));
  return {
    seats,
    booked: bookedIds.length ? Object.fromEntries(bookedIds.map((id) => [id, true as const])) : [],
    layouts: state.layout.layouts,
  };
}
