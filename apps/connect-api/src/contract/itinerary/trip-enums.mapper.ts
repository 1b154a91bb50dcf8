import type { ConfirmationType, PriceType, TicketType, TransportationType } from './search-response';

/** 12go `vehclasses` → the contract's closed transportation set (docs/contract/values.md#enumerations). */
const TRANSPORTATION_BY_VEHCLASS: Record<string, TransportationType> = {
  bus: 'Bus',
  coach: 'Bus',
  train: 'Train',
  rail: 'Train',
  ferry: 'Ferry',
  boat: 'Ferry',
  speedboat: 'Ferry',
  van: 'Van',
  minivan: 'Van',
  charter: 'Van',
  taxi: 'Van',
  car: 'Van',
  avia: 'Airplane',
  air: 'Airplane',
  flight: 'Airplane',
  plane: 'Airplane',
};

/** Unknown vehicle classes fall back to `Bus`, the most common ground transport. */
export function toTransportationType(vehclass: string | undefined): TransportationType {
  return (vehclass && TRANSPORTATION_BY_VEHCLASS[vehclass.toLowerCase()]) || 'Bus';
}

const TICKET_TYPE_BY_12GO: Record<string, TicketType> = {
  paper: 'PaperTicket',
  print: 'PaperTicket',
  mobile: 'ShowOnScreen',
  eticket: 'ShowOnScreen',
  'e-ticket': 'ShowOnScreen',
  electronic: 'ShowOnScreen',
  pickup: 'PickUp',
  counter: 'PickUp',
};

/** 12go `ticket_type` → contract enum; undefined (omitted) when unknown. */
export function toTicketType(ticketType: string | null | undefined): TicketType | undefined {
  return ticketType ? TICKET_TYPE_BY_12GO[ticketType.toLowerCase()] : undefined;
}

/** `confirmation_time` 0 = instant confirmation; anything else waits for the operator. */
export function toConfirmationType(confirmationTime: number | null | undefined): ConfirmationType {
  return !confirmationTime || Number(confirmationTime) <= 0 ? 'Instant' : 'Pending';
}

/** `price_restriction`: 0 recommended, 1 exact, 2 minimum, 3 maximum; unknown → Recommended. */
export function toPriceType(priceRestriction: number | null | undefined): PriceType {
  switch (Number(priceRestriction)) {
    case 1:
      return 'Exact';
    case 2:
      return 'Min';
    case 3:
      return 'Max';
    default:
      return 'Recommended';
  }
}
