import { FIXED_PASSENGER_FIELDS, type FirstKeyState } from './field-classification';
import type {
  AddonPrices,
  JsonSchema,
  OptionEntry,
  ParsedCheckout,
  ParserEvent,
} from './checkout-schema.types';

/** What `parseCheckout` has gathered so far; each field adder writes its field into it. */
export interface CheckoutDraft {
  events: ParserEvent[];
  fieldMap: Record<string, string>;
  optionIndex: Record<string, OptionEntry[]>;
  hiddenValues: Record<string, string | number | boolean>;
  ignoredKeys: string[];
  unknownKeys: string[];
  used: FirstKeyState;
  passengerNames: Set<string>;
  additionalNames: Set<string>;
  fields: ParsedCheckout['fields'];
  passengerProps: Array<[string, JsonSchema]>;
  additionalProps: Array<[string, JsonSchema]>;
  emailProp?: JsonSchema;
  mobileProp?: JsonSchema;
  seatProp?: JsonSchema;
  autoProp?: JsonSchema;
  availableSeats: string[] | null;
  addonPrices: AddonPrices;
}

export function newCheckoutDraft(): CheckoutDraft {
  return {
    events: [],
    fieldMap: {},
    optionIndex: {},
    hiddenValues: {},
    ignoredKeys: [],
    unknownKeys: [],
    used: { autoAssignment: false, seatSelection: false, baggage: false },
    passengerNames: new Set<string>([...Object.values(FIXED_PASSENGER_FIELDS), 'baggage_option']),
    additionalNames: new Set<string>(),
    fields: { passenger: [], additional: [] },
    passengerProps: [],
    additionalProps: [],
    availableSeats: null,
    addonPrices: { options: {}, seats: {} },
  };
}
