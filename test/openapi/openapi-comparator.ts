/**
 * Structural comparison of a contract OpenAPI document with a generated one: everything the contract
 * documents (paths, methods, parameters, request bodies, response statuses and media types, component
 * schemas) must exist in the generated document with the same names and compatible types. Extra generated
 * content is allowed. Returns every mismatch (empty = equivalent).
 */
// Walks arbitrary parsed JSON/YAML: any keeps the traversal readable.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const PRIMITIVE_TYPES = ['string', 'number', 'integer', 'boolean', 'array', 'object'] as const;

interface NormalSchema {
  types: Set<string>;
  nullable: boolean;
  enumValues?: Set<unknown>;
  properties: Map<string, Json>;
  required: Set<string>;
  items?: Json;
  additionalProperties?: Json;
}

export function compareOpenApi(contract: Json, generated: Json): string[] {
  const problems: string[] = [];
  comparePaths(contract, generated, 'paths', problems);
  comparePaths(contract, generated, 'webhooks', problems);
  compareComponents(contract, generated, problems);
  return problems;
}

function resolve(doc: Json, node: Json): Json {
  let current = node;
  for (let hops = 0; current && typeof current === 'object' && typeof current.$ref === 'string'; hops++) {
    if (hops > 20) throw new Error(`$ref loop at ${current.$ref}`);
    const ref: string = current.$ref;
    if (!ref.startsWith('#/')) throw new Error(`only local $refs are supported: ${ref}`);
    current = ref
      .slice(2)
      .split('/')
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce((acc: Json, key) => (acc == null ? undefined : acc[key]), doc);
    if (current === undefined) throw new Error(`unresolvable $ref ${ref}`);
  }
  return current;
}

function paramKey(p: Json): string {
  // Header names are case-insensitive.
  return `${p.in}:${p.in === 'header' ? String(p.name).toLowerCase() : p.name}`;
}

function parametersOf(doc: Json, pathItem: Json, operation: Json): Map<string, Json> {
  const params = new Map<string, Json>();
  for (const raw of [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])]) {
    const p = resolve(doc, raw);
    params.set(paramKey(p), p);
  }
  return params;
}

function comparePaths(
  contract: Json,
  generated: Json,
  section: 'paths' | 'webhooks',
  problems: string[],
): void {
  for (const [path, rawItem] of Object.entries<Json>(contract[section] ?? {})) {
    const cItem = resolve(contract, rawItem);
    const gItem = generated[section]?.[path];
    if (!gItem) {
      problems.push(`${section}["${path}"]: missing`);
      continue;
    }
    for (const method of METHODS) {
      const cOp = cItem[method];
      if (!cOp) continue;
      const where = `${method.toUpperCase()} ${path}`;
      const gOp = gItem[method];
      if (!gOp) {
        problems.push(`${where}: operation missing`);
        continue;
      }
      compareParameters(contract, cItem, cOp, generated, gItem, gOp, where, problems);
      compareRequestBody(contract, cOp, generated, gOp, where, problems);
      compareResponses(contract, cOp, generated, gOp, where, problems);
    }
  }
}

function compareParameters(
  contract: Json,
  cItem: Json,
  cOp: Json,
  generated: Json,
  gItem: Json,
  gOp: Json,
  where: string,
  problems: string[],
): void {
  const cParams = parametersOf(contract, cItem, cOp);
  const gParams = parametersOf(generated, gItem, gOp);
  for (const [key, cParam] of cParams) {
    const gParam = gParams.get(key);
    const label = `${where}: parameter ${key}`;
    if (!gParam) {
      problems.push(`${label}: missing`);
      continue;
    }
    const cRequired = cParam.required === true;
    const gRequired = gParam.required === true;
    if (cRequired !== gRequired)
      problems.push(`${label}: required is ${gRequired}, contract says ${cRequired}`);
    if (cParam.schema) {
      if (!gParam.schema) problems.push(`${label}: schema missing`);
      else
        compareSchema(
          contract,
          cParam.schema,
          generated,
          gParam.schema,
          `${label} schema`,
          problems,
          new Set(),
        );
    }
  }
}

function compareContent(
  contract: Json,
  cContent: Json,
  generated: Json,
  gContent: Json,
  label: string,
  problems: string[],
): void {
  for (const [mediaType, cMedia] of Object.entries<Json>(cContent ?? {})) {
    const gMedia = gContent?.[mediaType];
    if (!gMedia) {
      problems.push(`${label}: media type ${mediaType} missing`);
      continue;
    }
    if (cMedia.schema) {
      if (!gMedia.schema) problems.push(`${label} ${mediaType}: schema missing`);
      else
        compareSchema(
          contract,
          cMedia.schema,
          generated,
          gMedia.schema,
          `${label} ${mediaType}`,
          problems,
          new Set(),
        );
    }
  }
}

function compareRequestBody(
  contract: Json,
  cOp: Json,
  generated: Json,
  gOp: Json,
  where: string,
  problems: string[],
): void {
  if (!cOp.requestBody) return;
  const cBody = resolve(contract, cOp.requestBody);
  const gBody = gOp.requestBody ? resolve(generated, gOp.requestBody) : undefined;
  if (!gBody) {
    problems.push(`${where}: requestBody missing`);
    return;
  }
  if ((cBody.required === true) !== (gBody.required === true)) {
    problems.push(
      `${where}: requestBody.required is ${gBody.required === true}, contract says ${cBody.required === true}`,
    );
  }
  compareContent(contract, cBody.content, generated, gBody.content, `${where}: requestBody`, problems);
}

function compareResponses(
  contract: Json,
  cOp: Json,
  generated: Json,
  gOp: Json,
  where: string,
  problems: string[],
): void {
  for (const [status, rawResponse] of Object.entries<Json>(cOp.responses ?? {})) {
    const gRaw = gOp.responses?.[status];
    if (!gRaw) {
      problems.push(`${where}: response ${status} missing`);
      continue;
    }
    const cResponse = resolve(contract, rawResponse);
    const gResponse = resolve(generated, gRaw);
    compareContent(
      contract,
      cResponse.content,
      generated,
      gResponse.content,
      `${where}: response ${status}`,
      problems,
    );
  }
}

function compareComponents(contract: Json, generated: Json, problems: string[]): void {
  for (const [name, cSchema] of Object.entries<Json>(contract.components?.schemas ?? {})) {
    const gSchema = generated.components?.schemas?.[name];
    const label = `components.schemas.${name}`;
    if (!gSchema) {
      problems.push(`${label}: missing`);
      continue;
    }
    compareSchema(contract, cSchema, generated, gSchema, label, problems, new Set());
  }
}

/** Flattens $ref / allOf / oneOf / anyOf / type lists / nullable / const into one comparable shape. */
export function normalise(doc: Json, raw: Json, depth = 0): NormalSchema {
  const schema = resolve(doc, raw) ?? {};
  if (depth > 30) throw new Error('schema nesting too deep');
  const out: NormalSchema = { types: new Set(), nullable: false, properties: new Map(), required: new Set() };

  const ownTypes: string[] = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  for (const t of ownTypes) {
    if (t === 'null') out.nullable = true;
    else out.types.add(t);
  }
  if (schema.nullable === true) out.nullable = true;
  if ('const' in schema) out.enumValues = new Set([schema.const]);
  if (Array.isArray(schema.enum)) {
    out.enumValues = new Set(schema.enum.filter((v: unknown) => v !== null));
    if (schema.enum.includes(null)) out.nullable = true;
  }
  for (const [key, value] of Object.entries<Json>(schema.properties ?? {})) out.properties.set(key, value);
  for (const key of schema.required ?? []) out.required.add(key);
  if (schema.items) out.items = schema.items;
  if (schema.additionalProperties !== undefined) out.additionalProperties = schema.additionalProperties;

  // allOf: every member applies (types narrow, properties add up).
  for (const member of schema.allOf ?? []) {
    const m = normalise(doc, member, depth + 1);
    if (m.types.size) out.types = out.types.size ? intersect(out.types, m.types) : new Set(m.types);
    mergeShape(out, m);
    if (m.enumValues) out.enumValues = m.enumValues;
  }

  // oneOf / anyOf: the value is one of the variants; `{type: 'null'}` makes it nullable.
  for (const variants of [schema.oneOf, schema.anyOf]) {
    if (!Array.isArray(variants)) continue;
    const union = new Set<string>();
    let enumUnion: Set<unknown> | undefined;
    for (const variant of variants) {
      const v = normalise(doc, variant, depth + 1);
      if (v.nullable) out.nullable = true;
      v.types.forEach((t) => union.add(t));
      if (v.enumValues) enumUnion = new Set([...(enumUnion ?? []), ...v.enumValues]);
      mergeShape(out, v, false);
    }
    if (union.size && !out.types.size) out.types = union;
    if (enumUnion && !out.enumValues) out.enumValues = enumUnion;
  }

  if (!out.types.size && out.properties.size) out.types.add('object');
  if (!out.types.size && out.items) out.types.add('array');
  return out;
}

function mergeShape(target: NormalSchema, source: NormalSchema, withRequired = true): void {
  for (const [key, value] of source.properties)
    if (!target.properties.has(key)) target.properties.set(key, value);
  if (withRequired) source.required.forEach((key) => target.required.add(key));
  if (source.items && !target.items) target.items = source.items;
  if (source.additionalProperties !== undefined && target.additionalProperties === undefined) {
    target.additionalProperties = source.additionalProperties;
  }
}

function intersect<T>(a: Set<T>, b: Set<T>): Set<T> {
  return new Set([...a].filter((x) => b.has(x)));
}

function show(set: Set<unknown>): string {
  return `[${[...set].map(String).sort().join(', ')}]`;
}

function refKey(node: Json): string | undefined {
  return node && typeof node === 'object' && typeof node.$ref === 'string' ? node.$ref : undefined;
}

function compareSchema(
  contract: Json,
  cRaw: Json,
  generated: Json,
  gRaw: Json,
  label: string,
  problems: string[],
  seen: Set<string>,
): void {
  const cRef = refKey(cRaw);
  const gRef = refKey(gRaw);
  if (cRef && gRef) {
    const pair = `${cRef}|${gRef}`;
    if (seen.has(pair)) return;
    seen = new Set(seen).add(pair);
  }
  const c = normalise(contract, cRaw);
  const g = normalise(generated, gRaw);

  const cTypes = new Set([...c.types].filter((t) => (PRIMITIVE_TYPES as readonly string[]).includes(t)));
  if (cTypes.size && show(cTypes) !== show(g.types)) {
    problems.push(`${label}: type is ${show(g.types)}, contract says ${show(cTypes)}`);
  }
  if (c.nullable !== g.nullable)
    problems.push(`${label}: nullable is ${g.nullable}, contract says ${c.nullable}`);
  if (c.enumValues) {
    if (!g.enumValues) problems.push(`${label}: enum missing, contract says ${show(c.enumValues)}`);
    else {
      const absent = [...c.enumValues].filter((v) => !g.enumValues!.has(v));
      if (absent.length) problems.push(`${label}: enum lacks ${show(new Set(absent))}`);
    }
  }
  for (const [name, cProp] of c.properties) {
    const gProp = g.properties.get(name);
    if (!gProp) {
      problems.push(`${label}.${name}: property missing`);
      continue;
    }
    compareSchema(contract, cProp, generated, gProp, `${label}.${name}`, problems, seen);
  }
  for (const name of c.required) {
    if (c.properties.has(name) && !g.required.has(name))
      problems.push(`${label}.${name}: not required, contract requires it`);
  }
  if (c.items) {
    if (!g.items) problems.push(`${label}[]: items missing`);
    else compareSchema(contract, c.items, generated, g.items, `${label}[]`, problems, seen);
  }
  if (c.additionalProperties && typeof c.additionalProperties === 'object') {
    if (!g.additionalProperties || typeof g.additionalProperties !== 'object') {
      problems.push(`${label}{}: additionalProperties schema missing`);
    } else {
      compareSchema(
        contract,
        c.additionalProperties,
        generated,
        g.additionalProperties,
        `${label}{}`,
        problems,
        seen,
      );
    }
  } else if (c.additionalProperties === true && g.additionalProperties === false) {
    problems.push(`${label}: additionalProperties is false, contract allows them`);
  }
}
