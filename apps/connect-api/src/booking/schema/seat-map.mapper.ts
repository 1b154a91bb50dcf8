/**
 * Seat map of the seat-selection field → `x-seat-map`, available seats and their order (docs/contract/booking-schema.md#seats-and-seat-map).
 * Pure; `onUnrecognisedLayout` lets the caller log `seat_layout_unrecognised`.
 */
export type SeatCell = string | null;

export interface SeatMapDeck {
  level: number;
  rows: SeatCell[][];
}

export interface SeatMapSeat {
  available: boolean;
  seat_type?: string;
  orientation?: string;
  level?: number;
}

export interface NormalisedSeatMap {
  decks: SeatMapDeck[];
  seats: Record<string, SeatMapSeat>;
  /** Available seat ids: layout order first, then the rest in property order of `seatmap.seats`. */
  availableSeats: string[];
}

type Loose = Record<string, unknown>;

export function isObject(v: unknown): v is Loose {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function asMap(v: unknown): Loose {
  return isObject(v) ? v : {};
}

export function normaliseSeatMap(
  seatmap: Loose,
  onUnrecognisedLayout: (index: number) => void = () => {},
): NormalisedSeatMap {
  const seatInfo = asMap(seatmap.seats);
  const booked = asMap(seatmap.booked);
  const isBooked = (id: string) => Boolean(booked[id]);
  const isAvailable = (id: string) =>
    Object.prototype.hasOwnProperty.call(seatInfo, id) &&
    asMap(seatInfo[id]).is_available !== false &&
    !isBooked(id);

  const decks = normaliseLayouts(seatmap.layouts, onUnrecognisedLayout);

  const seats: Record<string, SeatMapSeat> = {};
  for (const id of Object.keys(seatInfo)) seats[id] = describeSeat(asMap(seatInfo[id]), isAvailable(id));
  for (const id of Object.keys(booked)) if (booked[id] && !seats[id]) seats[id] = { available: false };
  for (const deck of decks) {
    for (const row of deck.rows)
      for (const cell of row) if (cell !== null && !seats[cell]) seats[cell] = { available: false };
  }

  const availableSeats: string[] = [];
  const listed = new Set<string>();
  const list = (id: string) => {
    if (!listed.has(id) && isAvailable(id)) {
      listed.add(id);
      availableSeats.push(id);
    }
  };
  for (const deck of decks)
    for (const row of deck.rows) for (const cell of row) if (cell !== null) list(cell);
  for (const id of Object.keys(seatInfo)) list(id);

  return { decks, seats, availableSeats };
}

function describeSeat(info: Loose, available: boolean): SeatMapSeat {
  const seat: SeatMapSeat = { available };
  if (typeof info.seat_type === 'string' && info.seat_type !== '') seat.seat_type = info.seat_type;
  if (typeof info.seat_orientation === 'string' && info.seat_orientation !== '')
    seat.orientation = info.seat_orientation;
  if (typeof info.seat_level === 'number' && Number.isFinite(info.seat_level)) seat.level = info.seat_level;
  return seat;
}

/**
 * `layouts` is normally an array of `{ level?, layout }`. A bare layout (one of the four shapes, not wrapped)
 * is also accepted as a single deck, because the 12go documentation shows both.
 */
function normaliseLayouts(layouts: unknown, onUnrecognised: (index: number) => void): SeatMapDeck[] {
  let entries: Array<{ level?: unknown; layout: unknown }>;
  if (Array.isArray(layouts) && layouts.length > 0 && layouts.every((l) => isObject(l) && 'layout' in l)) {
    entries = layouts as Array<{ level?: unknown; layout: unknown }>;
  } else if (Array.isArray(layouts) && layouts.length === 0) {
    entries = [];
  } else if (layouts === undefined || layouts === null) {
    entries = [];
  } else {
    entries = [{ layout: layouts }];
  }
  const decks: SeatMapDeck[] = [];
  entries.forEach((entry, index) => {
    const rows = layoutRows(entry.layout);
    if (!rows) {
      onUnrecognised(index);
      return;
    }
    const level = typeof entry.level === 'number' && Number.isFinite(entry.level) ? entry.level : index + 1;
    decks.push({ level, rows });
  });
  return decks;
}

export function seatCell(v: unknown): SeatCell {
  if (typeof v === 'string' && v !== '') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

/** Keys of an object in canonical order: numeric when all are non-negative integer literals. */
export function canonicalKeys(o: Loose): string[] {
  const keys = Object.keys(o);
  if (keys.length > 0 && keys.every((k) => /^\d+$/.test(k)))
    return [...keys].sort((a, b) => Number(a) - Number(b));
  return keys;
}

function layoutRows(layout: unknown): SeatCell[][] | null {
  if (Array.isArray(layout)) {
    if (layout.length > 0 && layout.every(Array.isArray))
      return layout.map((row: unknown[]) => row.map(seatCell));
    if (!layout.some(Array.isArray)) return [layout.map(seatCell)];
    return null;
  }
  if (!isObject(layout)) return null;
  const keys = canonicalKeys(layout);
  if (keys.length === 0) return null;
  const values = keys.map((k) => layout[k]);
  if (values.every(Array.isArray)) return values.map((row) => (row as unknown[]).map(seatCell));
  if (values.every(isObject)) {
    const groups = values as Loose[];
    if (groups.every((g) => Object.values(g).every(Array.isArray))) {
      return groups.map((g) => {
        const row: SeatCell[] = [];
        canonicalKeys(g).forEach((k, i) => {
          if (i > 0) row.push(null);
          row.push(...(g[k] as unknown[]).map(seatCell));
        });
        return row;
      });
    }
    if (groups.every((g) => Object.values(g).every((v) => !isObject(v) && !Array.isArray(v)))) {
      return groups.map((g) => canonicalKeys(g).map((k) => seatCell(g[k])));
    }
  }
  return null;
}
