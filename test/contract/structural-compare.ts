/**
 * Structural comparison of JSON documents against reference samples (the real search responses in
 * `test/fixtures/search-poc/`): not a byte diff, but for every path (array indexes collapsed to `[]`)
 * the ordered key lists of objects, the JSON value types and the string/number formats must be among
 * those the references show.
 */

export type ValueKind = 'null' | 'boolean' | 'integer' | 'number' | 'string' | 'array' | 'object';

export interface PathShape {
  kinds: Set<ValueKind>;
  /** Ordered key lists seen for objects at this path, joined with `,`. */
  keyLists: Set<string>;
  /** Formats of string values (see `stringFormat`). */
  formats: Set<string>;
}

export type ShapeProfile = Map<string, PathShape>;

/** Ordered: the first matching format names a string. */
const STRING_FORMATS: Array<[string, RegExp]> = [
  ['local-datetime-minutes', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/],
  ['local-datetime-seconds', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/],
  ['utc-timestamp', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/],
  ['date', /^\d{4}-\d{2}-\d{2}$/],
  ['iso-duration', /^PT(?:\d+H)?(?:\d+M)?$/],
  ['amount-2dp', /^\d+\.\d{2}$/],
  ['amount-decimal', /^\d+\.\d+$/],
  ['digits', /^\d+$/],
  ['https-url', /^https:\/\/\S+$/],
  ['currency-code', /^[A-Z]{3}$/],
  ['native-itinerary-id', /^[A-Za-z0-9]+-\d{4}-\d{2}-\d{2}-\d{2}:\d{2}(?:~\d{1,3})?$/],
  [
    'segment-id',
    /^[A-Z0-9]+-[A-Z0-9]+-[A-Z0-9]+-\d{4}-\d{2}-\d{2}T\d{2}:\d{2}-\d{4}-\d{2}-\d{2}T\d{2}:\d{2}-[A-Za-z0-9]+$/,
  ],
  ['vehicle-id', /^[A-Z0-9]+-(?:Bus|Ferry|Van|Train|Airplane)$/],
  ['enum-upper-snake', /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/],
  ['word', /^[A-Za-z]+$/],
  ['empty', /^$/],
];

export function stringFormat(value: string): string {
  for (const [name, re] of STRING_FORMATS) if (re.test(value)) return name;
  return 'text';
}

export function kindOf(value: unknown): ValueKind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'boolean':
      return 'boolean';
    case 'number':
      return Number.isInteger(value) ? 'integer' : 'number';
    case 'string':
      return 'string';
    case 'object':
      return 'object';
    default:
      throw new TypeError(`not a JSON value: ${typeof value}`);
  }
}

function visit(value: unknown, path: string, onNode: (path: string, value: unknown) => void): void {
  onNode(path, value);
  if (Array.isArray(value)) value.forEach((item) => visit(item, `${path}[]`, onNode));
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value as Record<string, unknown>))
      visit(child, `${path}.${key}`, onNode);
  }
}

/** Learns the shapes of the reference documents. */
export function buildShapeProfile(samples: readonly unknown[]): ShapeProfile {
  const profile: ShapeProfile = new Map();
  for (const sample of samples) {
    visit(sample, '$', (path, value) => {
      let shape = profile.get(path);
      if (!shape) profile.set(path, (shape = { kinds: new Set(), keyLists: new Set(), formats: new Set() }));
      const kind = kindOf(value);
      shape.kinds.add(kind);
      if (kind === 'object') shape.keyLists.add(Object.keys(value as object).join(','));
      if (kind === 'string') shape.formats.add(stringFormat(value as string));
    });
  }
  return profile;
}

/**
 * Every structural difference of `doc` from the profile (empty = same structure): unknown paths, value
 * kinds, key lists (set and order) and string formats the references never show.
 */
export function compareToProfile(doc: unknown, profile: ShapeProfile): string[] {
  const problems = new Set<string>();
  visit(doc, '$', (path, value) => {
    const shape = profile.get(path);
    if (!shape) {
      problems.add(`${path}: path not present in the reference responses`);
      return;
    }
    const kind = kindOf(value);
    if (!shape.kinds.has(kind)) {
      problems.add(`${path}: ${kind} where the references have ${[...shape.kinds].join('|')}`);
      return;
    }
    if (kind === 'object') {
      const keys = Object.keys(value as object).join(',');
      if (!shape.keyLists.has(keys))
        problems.add(
          `${path}: keys [${keys}] where the references have ${[...shape.keyLists].map((k) => `[${k}]`).join(' or ')}`,
        );
    }
    if (kind === 'string') {
      const format = stringFormat(value as string);
      if (!shape.formats.has(format))
        problems.add(
          `${path}: "${String(value).slice(0, 60)}" is ${format}, the references have ${[...shape.formats].join('|')}`,
        );
    }
  });
  return [...problems];
}
