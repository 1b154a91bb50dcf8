import type { FieldKind } from './field-classification';
import type {
  FieldSpec,
  FieldValueType,
  JsonSchema,
  ParseCheckoutOptions,
  ParserEvent,
} from './checkout-schema.types';
import { translatePcre } from './pcre-regex.mapper';
import { flattenOptions, type FlatOptions } from './checkout-select-options';
import { isObject } from './seat-map.mapper';

/** One 12go checkout field as received. */
export type Loose = Record<string, unknown>;

export function isScalar(v: unknown): v is string | number | boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

export function getData(field: Loose): Loose {
  return isObject(field.data) ? field.data : {};
}

/** The field's title and description, when 12go gives them. */
export function texts(field: Loose): JsonSchema {
  const out: JsonSchema = {};
  if (typeof field.title === 'string' && field.title !== '') out.title = field.title;
  if (typeof field.description === 'string' && field.description !== '') out.description = field.description;
  return out;
}

export function booleanDefault(v: unknown): boolean | undefined {
  if (v === true || v === 1 || v === '1' || v === 'true') return true;
  if (v === false || v === 0 || v === '0' || v === 'false' || v === '') return false;
  return undefined;
}

function valueTypeOf(field: Loose): FieldValueType {
  switch (field.type) {
    case 'select':
    case 'radio':
      return 'select';
    case 'checkbox':
      return 'boolean';
    case 'date':
      return 'date';
    case 'file':
      return 'file';
    default:
      return 'string';
  }
}

/** What CreateBooking needs to know of one field: its paths, value type, options and patterns. */
export function buildSpec(
  path: string,
  name: string,
  key: string,
  field: Loose,
  events: ParserEvent[],
  kind?: FieldKind,
): FieldSpec {
  // docs/contract/booking-schema.md#schema-document: is_child is a boolean whatever 12go's type says.
  let valueType: FieldValueType = path === 'passengers[].is_child' ? 'boolean' : valueTypeOf(field);
  const options = valueType === 'select' ? flattenOptions(field.options) : null;
  if (valueType === 'select' && options!.entries.length === 0) valueType = 'string';
  const patterns: string[] = [];
  if (valueType !== 'select' && valueType !== 'boolean' && Array.isArray(field.regexp)) {
    for (const source of field.regexp) {
      if (typeof source !== 'string') continue;
      const translated = translatePcre(source);
      if (translated === null) events.push({ event: 'regexp_dropped', key, detail: { pattern: source } });
      else patterns.push(translated);
    }
  }
  return {
    path,
    name,
    key,
    valueType,
    options: valueType === 'select' ? options!.entries : null,
    patterns,
    required: field.required === true,
    ...(valueType === 'date' ? { format: 'date' as const } : {}),
    ...(kind ? { kind } : {}),
  };
}

/** docs/contract/booking-schema.md#schema-document: one property, keys in the documented order. */
export function buildProperty(spec: FieldSpec, field: Loose, opts: ParseCheckoutOptions): JsonSchema {
  const prop: JsonSchema = {};
  const isBoolean = spec.valueType === 'boolean';
  prop.type = isBoolean ? 'boolean' : 'string';
  if (spec.format) prop.format = spec.format;
  if (spec.valueType === 'file') prop.contentEncoding = 'base64';
  Object.assign(prop, texts(field));
  if (spec.patterns.length === 1) prop.pattern = spec.patterns[0];
  if (spec.patterns.length > 1) prop.anyOf = spec.patterns.map((p) => ({ pattern: p }));
  let groups: FlatOptions['groups'] = null;
  if (spec.options) {
    const flat = flattenOptions(field.options);
    groups = flat.groups;
    prop.anyOf = flat.entries.map((o) => {
      const entry: JsonSchema = { const: o.value, title: o.title };
      const price = flat.prices.get(o.value);
      if (price) entry['x-price'] = opts.addonPrice(price.value, price.fxcode);
      return entry;
    });
  }
  if (field.value !== null && field.value !== undefined) {
    if (isBoolean) {
      const def = booleanDefault(field.value);
      if (def !== undefined) prop.default = def;
    } else if (typeof field.value === 'string' || typeof field.value === 'number') {
      prop.default = String(field.value);
    }
  }
  if (groups) prop['x-option-groups'] = groups;
  if (spec.kind) prop['x-field-kind'] = spec.kind;
  return prop;
}
