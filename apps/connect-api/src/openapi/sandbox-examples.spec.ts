/* eslint-disable @typescript-eslint/no-explicit-any -- the OpenAPI document is walked as plain JSON */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parse as parseYaml } from 'yaml';
import { OPENAPI_EXPORT_PATH } from './openapi-export-path';
import { EXAMPLE_NAME, LOCAL_SERVER, withServerAndExamples } from './sandbox-examples';

const REPO_ROOT = join(__dirname, '..', '..', '..', '..');
// docs/openapi.yaml is the served document (openapi-export.spec.ts keeps it so).
const document: any = parseYaml(readFileSync(join(REPO_ROOT, OPENAPI_EXPORT_PATH), 'utf8'));

interface Example {
  where: string;
  schema: unknown;
  value: unknown;
}

function examplesOf(doc: any): Example[] {
  const found: Example[] = [];
  for (const [path, item] of Object.entries<any>(doc.paths))
    for (const [method, op] of Object.entries<any>(item)) {
      const media: Array<[string, any]> = [];
      if (op.requestBody)
        media.push(
          ...Object.entries<any>(op.requestBody.content).map(([t, m]): [string, any] => [`request ${t}`, m]),
        );
      for (const [status, res] of Object.entries<any>(op.responses ?? {}))
        media.push(
          ...Object.entries<any>(res.content ?? {}).map(([t, m]): [string, any] => [`${status} ${t}`, m]),
        );
      for (const [where, m] of media)
        for (const [name, ex] of Object.entries<any>(m.examples ?? {}))
          found.push({
            where: `${method.toUpperCase()} ${path} ${where} ${name}`,
            schema: m.schema,
            value: ex.value,
          });
    }
  return found;
}

function validationErrors(doc: any, examples: Example[]): string[] {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'openapi', components: doc.components });
  return examples.flatMap((ex) => {
    // The media schemas refer to '#/components/...': resolve them against the document's components.
    const validate = ajv.compile(rebase(ex.schema));
    return validate(ex.value)
      ? []
      : (validate.errors ?? []).map(
          (e) => `${ex.where}: ${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`,
        );
  });
}

/** `#/components/...` references made absolute to the `openapi` schema registered above. */
function rebase(schema: unknown): any {
  return JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi#/components/'));
}

describe('OpenAPI examples (captured from the sandbox by `npm run openapi:examples`)', () => {
  const examples = examplesOf(document);

  it('has the local stack as a server', () => {
    expect(document.servers).toEqual([LOCAL_SERVER]);
  });

  it('gives every operation a response example, and every JSON request body one', () => {
    const missing: string[] = [];
    for (const [path, item] of Object.entries<any>(document.paths))
      for (const [method, op] of Object.entries<any>(item)) {
        const where = `${method.toUpperCase()} ${path}`;
        if (!examples.some((e) => e.where.startsWith(`${where} 2`)))
          missing.push(`${where}: no response example`);
        if (
          op.requestBody?.content?.['application/json'] &&
          !examples.some((e) => e.where.startsWith(`${where} request`))
        )
          missing.push(`${where}: no request example`);
      }
    expect(missing).toEqual([]);
  });

  it('validates every example against the schema of its media type (ajv, JSON Schema 2020-12)', () => {
    expect(examples.length).toBeGreaterThan(14);
    expect(validationErrors(document, examples)).toEqual([]);
  });

  it('reports an example that does not match its schema', () => {
    const broken = structuredClone(document);
    const search = broken.paths['/v1/{client_id}/itineraries'].get.responses;
    const media = Object.values<any>(search).find((r) => r.content?.['application/json']?.examples)!.content[
      'application/json'
    ];
    media.examples[EXAMPLE_NAME].value.itineraries[0].pricing.net_price.amount = 300;
    delete media.examples[EXAMPLE_NAME].value.segments[0].vehicle_id;
    const errors = validationErrors(broken, examplesOf(broken));
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/itineraries .*\/itineraries\/0\/pricing\/net_price\/amount must be string/),
        expect.stringMatching(/itineraries .*\/segments\/0 must have required property 'vehicle_id'/),
      ]),
    );
  });

  it('fails loudly when a captured status has no JSON response in the document', () => {
    const doc: any = {
      openapi: '3.1.0',
      info: {},
      paths: { '/x': { get: { operationId: 'x', responses: { '200': {} } } } },
    };
    expect(() => withServerAndExamples(doc, { x: { status: 200, response: {} } })).toThrow(
      'x: no 200 JSON response',
    );
  });
});
