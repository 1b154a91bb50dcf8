import { DifferenceSink, type DifferenceSide } from './difference';
import type { EndpointProfile } from './endpoint-profiles';
import { isPiiPath } from './pii-paths';
import { formatClassOf, jsonKindOf } from './value-format';

type Json = unknown;
type JsonObject = Record<string, Json>;

/** Deeper documents are compared down to this level only (answers are ours, this is a guard). */
const MAX_DEPTH = 64;

interface Walk {
  profile: EndpointProfile;
  sink: DifferenceSink;
  baselineRoot: Json;
  candidateRoot: Json;
}

function isObject(v: Json): v is JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function child(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/** A value as it may be kept in a difference: PII paths keep their type only. */
function shown(path: string, value: Json): DifferenceSide {
  if (isPiiPath(path)) return `<${jsonKindOf(value)}>`;
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return value.length > 200 ? `${value.slice(0, 200)}…` : value;
  return `<${jsonKindOf(value)}>`;
}

/**
 * Compares two parsed JSON bodies by normalised path: missing/extra keys, null vs absent, type changes,
 * format classes, enum membership, array lengths, object arrays paired by key, values of stable fields.
 */
export function compareJson(
  baseline: Json,
  candidate: Json,
  profile: EndpointProfile,
  sink: DifferenceSink,
): void {
  walk({ profile, sink, baselineRoot: baseline, candidateRoot: candidate }, baseline, candidate, '', '', 0);
}

function walk(
  w: Walk,
  b: Json,
  c: Json,
  path: string,
  key: string,
  depth: number,
  parents?: [JsonObject, JsonObject],
): void {
  if (depth > MAX_DEPTH) return;
  const kb = jsonKindOf(b);
  const kc = jsonKindOf(c);
  const at = path || '$';
  if (kb !== kc) {
    w.sink.add(at, 'type_change', kb, kc);
    return;
  }
  if (kb === 'object') return compareObjects(w, b as JsonObject, c as JsonObject, path, depth);
  if (kb === 'array') return compareArrays(w, b as Json[], c as Json[], path, key, depth);
  if (kb === 'string') return compareStrings(w, b as string, c as string, at, key, parents);
  if (kb !== 'null' && w.profile.isStable(at) && b !== c) w.sink.add(at, 'value', shown(at, b), shown(at, c));
}

function compareObjects(w: Walk, b: JsonObject, c: JsonObject, path: string, depth: number): void {
  for (const key of Object.keys(b)) {
    const p = child(path, key);
    if (!(key in c)) {
      if (b[key] === null) w.sink.add(p, 'null_vs_absent', null, '<absent>');
      else w.sink.add(p, 'missing_key', `<${jsonKindOf(b[key])}>`, null);
      continue;
    }
    walk(w, b[key], c[key], p, key, depth + 1, [b, c]);
  }
  for (const key of Object.keys(c)) {
    if (key in b) continue;
    const p = child(path, key);
    if (c[key] === null) w.sink.add(p, 'null_vs_absent', '<absent>', null);
    else w.sink.add(p, 'extra_key', null, `<${jsonKindOf(c[key])}>`);
  }
}

function compareStrings(
  w: Walk,
  b: string,
  c: string,
  path: string,
  key: string,
  parents?: [JsonObject, JsonObject],
): void {
  const members = w.profile.enumAt(path);
  if (members) {
    const bIn = members.includes(b);
    const cIn = members.includes(c);
    if (bIn !== cIn || (!bIn && b !== c)) w.sink.add(path, 'enum', b, c);
    else if (w.profile.isStable(path) && b !== c) w.sink.add(path, 'value', b, c);
    return;
  }
  const fb = formatClassOf(b, { path, key, parent: parents?.[0] });
  const fc = formatClassOf(c, { path, key, parent: parents?.[1] });
  if (fb !== fc) {
    w.sink.add(path, 'format', fb, fc);
    return;
  }
  if (w.profile.isStable(path) && b !== c) w.sink.add(path, 'value', shown(path, b), shown(path, c));
}

function compareArrays(w: Walk, b: Json[], c: Json[], path: string, key: string, depth: number): void {
  const at = path || '$';
  const itemPath = `${path}[]`;
  if (b.length !== c.length) w.sink.add(at, 'array_length', b.length, c.length);
  const keys = itemKeys(w, b, c, path);
  if (!keys) {
    const n = Math.min(b.length, c.length);
    for (let i = 0; i < n; i++) walk(w, b[i], c[i], itemPath, key, depth + 1);
    return;
  }
  const candidates = new Map<string, Json>();
  keys.candidate.forEach((k, i) => candidates.set(k, c[i]));
  const matched = new Set<string>();
  keys.baseline.forEach((k, i) => {
    if (!candidates.has(k)) {
      w.sink.add(itemPath, 'missing_item', isPiiPath(itemPath) ? '<item>' : k, null);
      return;
    }
    matched.add(k);
    walk(w, b[i], candidates.get(k), itemPath, key, depth + 1);
  });
  for (const k of keys.candidate)
    if (!matched.has(k)) w.sink.add(itemPath, 'extra_item', null, isPiiPath(itemPath) ? '<item>' : k);
}

/** Pairing keys of the items of two object arrays, or undefined to pair by index. */
function itemKeys(
  w: Walk,
  b: Json[],
  c: Json[],
  path: string,
): { baseline: string[]; candidate: string[] } | undefined {
  const all = [...b, ...c];
  if (all.length === 0 || !all.every(isObject)) return undefined;
  const objects = { b: b as JsonObject[], c: c as JsonObject[] };
  if (path === 'itineraries' && idFormatsDiffer(objects.b, objects.c, path)) {
    return {
      baseline: unique(objects.b.map((it) => departureKey(it, w.baselineRoot))),
      candidate: unique(objects.c.map((it) => departureKey(it, w.candidateRoot))),
    };
  }
  const hasId = (o: JsonObject) => typeof o.id === 'string' || typeof o.id === 'number';
  if (!all.every((o) => hasId(o as JsonObject))) return undefined;
  return {
    baseline: unique(objects.b.map((o) => String(o.id))),
    candidate: unique(objects.c.map((o) => String(o.id))),
  };
}

function idFormatsDiffer(b: JsonObject[], c: JsonObject[], path: string): boolean {
  const classes = (items: JsonObject[]) =>
    new Set(
      items.map((o) =>
        typeof o.id === 'string'
          ? formatClassOf(o.id, { path: `${path}[].id`, key: 'id' })
          : jsonKindOf(o.id),
      ),
    );
  const cb = classes(b);
  const cc = classes(c);
  return cb.size !== cc.size || [...cb].some((x) => !cc.has(x));
}

/** An itinerary as its departure segments' times, operators and classes (ids may differ in format). */
function departureKey(itinerary: JsonObject, root: Json): string {
  const segments = isObject(root) && Array.isArray(root.segments) ? (root.segments as Json[]) : [];
  const ids = Array.isArray(itinerary.departure_segments) ? itinerary.departure_segments : [];
  return ids
    .map((id) => {
      const s = segments.find((x) => isObject(x) && x.id === id) as JsonObject | undefined;
      if (!s) return String(id);
      return [s.departure_time, s.arrival_time, s.operating_carrier_id, s.seat_class_id].join('|');
    })
    .join('+');
}

/** Repeated keys get an occurrence suffix so duplicates pair in order. */
function unique(keys: string[]): string[] {
  const seen = new Map<string, number>();
  return keys.map((k) => {
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    return n === 1 ? k : `${k}#${n}`;
  });
}
