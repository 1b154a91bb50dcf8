/**
 * Paths whose values can identify a person (passenger and contact data): differences there keep only
 * the value's type or format class, never the value. Also used by the request recorder to fake values.
 */
const PII_CONTAINERS = /(^|\.)(passengers?|travell?ers?|contacts?|customers?|holders?|buyers?)(\[\])?(\.|$)/;
const PII_KEYS =
  /^(first_?name|last_?name|middle_?name|full_?name|surname|given_?name|family_?name|email|e_?mail|phone|phone_?number|mobile|mobile_?phone|telephone|tel|date_?of_?birth|dob|birth_?date|birthday|passport|passport_?number|document_?number|id_?number|id_?no|document_?id|national_?id|id_?scan|id_?issue_?date|id_?expiry_?date|visa\w*|\w*address\w*)(\[\])?$/i;

export function isPiiPath(path: string): boolean {
  if (PII_CONTAINERS.test(path)) return true;
  const leaf = path.slice(path.lastIndexOf('.') + 1);
  return PII_KEYS.test(leaf);
}

export function isPiiKey(key: string): boolean {
  return PII_KEYS.test(key);
}
