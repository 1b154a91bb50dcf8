/* eslint-disable @typescript-eslint/no-explicit-any -- JSON documents of the API and the spec are walked dynamically */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parse as parseYaml } from 'yaml';
import { buildShapeProfile, compareToProfile, type ShapeProfile } from './structural-compare';

/** Test data kept in the repository (test/fixtures/README.md says where each set came from). */
export const FIXTURES_DIR = join(__dirname, '..', 'fixtures');
export const OPENAPI_PATH = join(FIXTURES_DIR, 'contract', 'client-api.openapi.yaml');
export const SEARCH_POC_DIR = join(FIXTURES_DIR, 'search-poc');

let ajv: Ajv2020 | undefined;
function openApiValidator(): Ajv2020 {
  if (!ajv) {
    const doc = parseYaml(readFileSync(OPENAPI_PATH, 'utf8'));
    ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
    addFormats(ajv);
    ajv.addSchema({ $id: 'openapi', components: doc.components }, 'openapi');
  }
  return ajv;
}

/** Validation errors of `body` against `#/components/schemas/{schema}` of client-api.openapi.yaml (empty = valid). */
export function openApiErrors(schema: string, body: unknown): string[] {
  const validate = openApiValidator().getSchema(`openapi#/components/schemas/${schema}`);
  if (!validate) throw new Error(`no schema ${schema} in the OpenAPI document`);
  if (validate(body)) return [];
  return (validate.errors ?? []).map(
    (e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`,
  );
}

export function searchPocResponses(): Array<{ name: string; body: unknown }> {
  return readdirSync(SEARCH_POC_DIR)
    .filter((f) => f.endsWith('.response.json'))
    .sort()
    .map((f) => ({ name: f, body: JSON.parse(readFileSync(join(SEARCH_POC_DIR, f), 'utf8')) }));
}

let profile: ShapeProfile | undefined;
/** The shapes of the real production search responses. */
export function searchPocProfile(): ShapeProfile {
  profile ??= buildShapeProfile(searchPocResponses().map((r) => r.body));
  return profile;
}

/** Envelope rules of docs/contract/values.md#itinerary-segment-and-vehicle plus the references between the three arrays. */
export function searchEnvelopeProblems(body: any): string[] {
  const problems: string[] = [];
  const segmentIds = new Set<string>();
  for (const s of body.segments ?? []) {
    if (segmentIds.has(s.id)) problems.push(`segment ${s.id} listed twice`);
    segmentIds.add(s.id);
  }
  const vehicleIds = new Map<string, any>();
  for (const v of body.vehicles ?? []) {
    if (vehicleIds.has(v.id)) problems.push(`vehicle ${v.id} listed twice`);
    vehicleIds.set(v.id, v);
  }
  const itineraryIds = new Set<string>();
  const referenced = new Set<string>();
  for (const it of body.itineraries ?? []) {
    if (itineraryIds.has(it.id)) problems.push(`itinerary ${it.id} listed twice`);
    itineraryIds.add(it.id);
    for (const sid of it.departure_segments ?? []) {
      referenced.add(sid);
      if (!segmentIds.has(sid)) problems.push(`itinerary ${it.id} references missing segment ${sid}`);
    }
  }
  const usedVehicles = new Set<string>();
  for (const s of body.segments ?? []) {
    if (!referenced.has(s.id)) problems.push(`segment ${s.id} not referenced by any itinerary`);
    usedVehicles.add(s.vehicle_id);
    const vehicle = vehicleIds.get(s.vehicle_id);
    if (!vehicle) problems.push(`segment ${s.id} references missing vehicle ${s.vehicle_id}`);
    else if (!vehicle.seat_classes.some((c: any) => c.id === s.seat_class_id))
      problems.push(`segment ${s.id}: seat class ${s.seat_class_id} not in vehicle ${s.vehicle_id}`);
  }
  for (const id of vehicleIds.keys())
    if (!usedVehicles.has(id)) problems.push(`vehicle ${id} not referenced by any segment`);
  return problems;
}

/** Every contract problem of a Search response body: OpenAPI schema, real-response structure, envelope rules. */
export function searchResponseProblems(body: unknown): string[] {
  return [
    ...openApiErrors('SearchResponse', body).map((e) => `openapi: ${e}`),
    ...compareToProfile(body, searchPocProfile()).map((e) => `structure: ${e}`),
    ...searchEnvelopeProblems(body).map((e) => `envelope: ${e}`),
  ];
}
