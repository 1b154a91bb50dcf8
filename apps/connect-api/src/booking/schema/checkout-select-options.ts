import type { AddonPrices, FieldSpec, OptionEntry } from './checkout-schema.types';
import { isObject } from './seat-map.mapper';

export interface FlatOptions {
  entries: OptionEntry[];
  prices: Map<string, { value: number; fxcode: string }>;
  groups: Array<{ title: string; values: string[] }> | null;
}

/** A 12go select's options (possibly grouped) as one de-duplicated list, with prices and groups. */
export function flattenOptions(raw: unknown): FlatOptions {
  const entries: OptionEntry[] = [];
  const prices = new Map<string, { value: number; fxcode: string }>();
  const seen = new Set<string>();
  let groups: Array<{ title: string; values: string[] }> | null = null;
  const visit = (list: unknown, group: { title: string; values: string[] } | null) => {
    if (!Array.isArray(list)) return;
    for (const option of list) {
      if (!isObject(option)) continue;
      if (Array.isArray(option.values)) {
        const g = { title: typeof option.text === 'string' ? option.text : '', values: [] as string[] };
        (groups ??= []).push(g);
        visit(option.values, g);
        continue;
      }
      if (option.value === null || option.value === undefined || option.value === '') continue;
      const value = String(option.value);
      if (group) group.values.push(value);
      if (seen.has(value)) continue;
      seen.add(value);
      entries.push({
        value,
        title: typeof option.text === 'string' && option.text !== '' ? option.text : value,
      });
      const price = isObject(option.data) && isObject(option.data.price) ? option.data.price : null;
      if (
        price &&
        typeof price.value === 'number' &&
        typeof price.fxcode === 'string' &&
        price.fxcode !== ''
      ) {
        prices.set(value, { value: price.value, fxcode: price.fxcode });
      }
    }
  };
  visit(raw, null);
  return { entries, prices, groups };
}

/** The 12go prices of a select's options that cost extra, under the field's 12go key. */
export function recordOptionPrices(into: AddonPrices, spec: FieldSpec, field: Record<string, unknown>): void {
  if (!spec.options) return;
  const prices = flattenOptions(field.options).prices;
  if (prices.size > 0) into.options[spec.key] = Object.fromEntries(prices);
}
