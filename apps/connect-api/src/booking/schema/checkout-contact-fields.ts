import type { CheckoutDraft } from './checkout-draft';
import { buildProperty, buildSpec, getData, type Loose } from './checkout-field-spec';
import type { ParseCheckoutOptions } from './checkout-schema.types';

/** `contact[mobile]` → `mobile_phone`, with 12go's country codes when it lists any. */
export function addMobileField(
  d: CheckoutDraft,
  key: string,
  field: Loose,
  opts: ParseCheckoutOptions,
): void {
  const spec = buildSpec('mobile_phone', 'mobile_phone', key, field, d.events);
  d.mobileProp = buildProperty(spec, field, opts);
  const countryCodes = getData(field).country_codes;
  if (Array.isArray(countryCodes) && countryCodes.length > 0) d.mobileProp['x-country-codes'] = countryCodes;
  d.fields.mobile = spec;
  d.fieldMap.mobile_phone = key;
}

/** `contact[email]` → `email`. */
export function addEmailField(d: CheckoutDraft, key: string, field: Loose, opts: ParseCheckoutOptions): void {
  const spec = { ...buildSpec('email', 'email', key, field, d.events), format: 'email' as const };
  d.emailProp = buildProperty(spec, field, opts);
  d.fields.email = spec;
  d.fieldMap.email = key;
}
