import { addEmailField, addMobileField } from './checkout-contact-fields';
import { newCheckoutDraft, type CheckoutDraft } from './checkout-draft';
import { isScalar, type Loose } from './checkout-field-spec';
import { addAdditionalField, addPassengerField } from './checkout-listed-fields';
import { finishCheckout } from './checkout-schema-document';
import type { ParseCheckoutOptions, ParsedCheckout } from './checkout-schema.types';
import { addAutoAssignmentField, addSeatSelectionField } from './checkout-seat-fields';
import { classifyKey } from './field-classification';
import { isObject } from './seat-map.mapper';

/**
 * 12go checkout (GET /checkout/{cartId}?people=1) → client booking schema and everything CreateBooking needs
 * to rebuild the reserve body (docs/contract/booking-schema.md#checkout-keys, docs/contract/booking-schema.md#schema-document). Pure and deterministic for a given checkout.
 */
export function parseCheckout(checkout: Record<string, unknown>, opts: ParseCheckoutOptions): ParsedCheckout {
  const draft = newCheckoutDraft();
  for (const key of Object.keys(checkout)) {
    const field = visibleField(draft, key, checkout[key]);
    if (field) addField(draft, key, field, opts);
  }
  return finishCheckout(draft, opts);
}

/** The field when it becomes part of the schema; otherwise notes why not (ignored, hidden value) and gives null. */
function visibleField(d: CheckoutDraft, key: string, raw: unknown): Loose | null {
  if (!isObject(raw)) {
    d.ignoredKeys.push(key);
    d.events.push({ event: 'checkout_value_not_object', key });
    return null;
  }
  if (/^seats$/.test(key)) return null;
  if (/^passenger\[[1-9][0-9]*\]\[/.test(key)) {
    d.ignoredKeys.push(key);
    return null;
  }
  if (raw.disabled === true) return null;
  if (raw.is_visible === false || raw.type === 'hidden') {
    if (raw.value !== null && raw.value !== undefined && isScalar(raw.value)) d.hiddenValues[key] = raw.value;
    return null;
  }
  return raw;
}

function addField(d: CheckoutDraft, key: string, field: Loose, opts: ParseCheckoutOptions): void {
  const cls = classifyKey(key, d.used);
  switch (cls.rule) {
    case 'seats':
    case 'other_passenger':
      return;
    case 'mobile':
      return addMobileField(d, key, field, opts);
    case 'email':
      return addEmailField(d, key, field, opts);
    case 'seat_auto_assignment':
      return addAutoAssignmentField(d, key, field);
    case 'seat_selection':
      return addSeatSelectionField(d, key, field, opts);
    case 'baggage':
    case 'fixed_passenger':
    case 'extra_passenger':
      return addPassengerField(d, key, field, cls, opts);
    case 'points':
    case 'delivery':
    case 'other':
      return addAdditionalField(d, key, field, cls, opts);
  }
}
