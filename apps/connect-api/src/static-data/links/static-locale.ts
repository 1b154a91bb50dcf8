/** Locales of client-api.md §1.6; only the language part counts, anything else falls back to `en` (D4). */
export const SUPPORTED_LOCALES = [
  'en', 'th', 'ru', 'zh', 'ja', 'ko', 'vi', 'ms', 'it', 'nl', 'sv', 'de', 'fr', 'es', 'id', 'uk', 'pt', 'ar', 'hr',
] as const;

export function normaliseLocale(value: unknown): string {
  if (typeof value !== 'string') return 'en';
  const m = /^([A-Za-z]{2})(?:[-_][A-Za-z]{2})?$/.exec(value.trim());
  const lang = m?.[1].toLowerCase();
  return lang && (SUPPORTED_LOCALES as readonly string[]).includes(lang) ? lang : 'en';
}
