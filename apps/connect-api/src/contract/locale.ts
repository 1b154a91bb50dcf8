/** Languages the contract's `locale` parameter selects (docs/contract/headers.md#locale-and-currency); anything else reads as `en`. */
export const SUPPORTED_LOCALES = new Set([
  'en',
  'th',
  'ru',
  'zh',
  'ja',
  'ko',
  'vi',
  'ms',
  'it',
  'nl',
  'sv',
  'de',
  'fr',
  'es',
  'id',
  'uk',
  'pt',
  'ar',
  'hr',
]);

/** `xx`, `xx-YY`, `xx_YY`, any case → supported language or `en` (never an error). */
export function normaliseLocale(value: unknown): string {
  if (typeof value !== 'string') return 'en';
  const m = /^([A-Za-z]{2})(?:[-_][A-Za-z]{2})?$/.exec(value.trim());
  const language = m?.[1].toLowerCase();
  return language && SUPPORTED_LOCALES.has(language) ? language : 'en';
}
