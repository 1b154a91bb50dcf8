import type { JsonSchema } from '../../contract/booking/checkout-itinerary';
import type { FieldKind } from './field-classification';

export type { JsonSchema };

export interface OptionEntry {
  value: string;
  title: string;
}

export type FieldValueType = 'string' | 'boolean' | 'date' | 'file' | 'select';

/** Everything validation and serialisation need about one exposed field. */
export interface FieldSpec {
  /** Client path: `email`, `passengers[].first_name`, `additional_fields.points_pickup`, … */
  path: string;
  /** Property name inside its object. */
  name: string;
  /** Exact 12go key (passenger keys hold index 0). */
  key: string;
  valueType: FieldValueType;
  /** Usable options of a select; null for non-selects and selects without usable options. */
  options: OptionEntry[] | null;
  /** Translated ECMAScript patterns (any-of). */
  patterns: string[];
  required: boolean;
  format?: 'email' | 'date';
  kind?: FieldKind;
}

export interface ParserEvent {
  event:
    'regexp_dropped' | 'seat_layout_unrecognised' | 'checkout_unknown_field' | 'checkout_value_not_object';
  key: string;
  detail?: Record<string, unknown>;
}

/** docs/contract/booking-schema.md#schema-document, plus the field specs that validation and the reserve body are built from. */
export interface ParsedCheckout {
  bookingSchema: JsonSchema;
  fieldMap: Record<string, string>;
  optionIndex: Record<string, OptionEntry[]>;
  hiddenValues: Record<string, string | number | boolean>;
  ignoredKeys: string[];
  unknownKeys: string[];
  availableSeats: string[] | null;
  seatCount: number;
  /** 12go's own prices of the paid extras (raw, before any markup), for the expected booking total. */
  addonPrices: AddonPrices;
  fields: {
    email?: FieldSpec;
    mobile?: FieldSpec;
    seatSelection?: { key: string; required: boolean; hasSeatMap: boolean };
    autoAssignment?: { key: string };
    /** In schema order, baggage included (name `baggage_option`). */
    passenger: FieldSpec[];
    additional: FieldSpec[];
  };
  events: ParserEvent[];
}

/** A 12go amount as 12go sent it (docs/upstream-12go.md#dates-and-money), before markup. */
export interface TwelveGoAmount {
  value: number;
  fxcode: string;
}

export interface AddonPrices {
  /** 12go field key (passenger keys with index 0) → option value → price per passenger (docs/upstream-12go.md#checkout Option.data). */
  options: Record<string, Record<string, TwelveGoAmount>>;
  /** Free seat id → surcharge over the base per-seat price (only seats that cost extra). */
  seats: Record<string, TwelveGoAmount>;
}

export interface Money {
  amount: string;
  currency: string;
}

export interface ParseCheckoutOptions {
  seatCount: number;
  /** Per-seat base price of the chosen travel option (docs/contract/booking-schema.md#seats-and-seat-map); null at CreateBooking / SeatLock. */
  basePrice: { value: number; fxcode: string } | null;
  /** Add-on price hook + formatting (docs/contract/booking-schema.md#prices-in-the-schema): raw 12go amount → client money. */
  addonPrice: (amount: number, currency: string) => Money;
}
