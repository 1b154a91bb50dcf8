import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { renderOpenApiYaml } from '../../apps/connect-api/src/cli/openapi-export';
import { OPENAPI_EXPORT_PATH } from '../../apps/connect-api/src/openapi/openapi-export-path';
import { startStack, type TestStack } from '../support/stack';

/** The exported file against what a running BFF actually serves (not only what the exporter builds). */
describe('docs/openapi.yaml against the running service', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startStack();
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('equals /docs-json byte for byte once rendered (run `npm run openapi` when it does not)', async () => {
    const res = await fetch(`${stack.bffUrl}/docs-json`);
    expect(res.status).toBe(200);
    const served: unknown = await res.json();
    const exported = readFileSync(join(__dirname, '..', '..', OPENAPI_EXPORT_PATH), 'utf8');
    if (exported !== renderOpenApiYaml(served)) {
      // Say which way it differs before failing, so the message is useful either way.
      expect(parseYaml(exported)).toEqual(served);
      throw new Error(`${OPENAPI_EXPORT_PATH} is formatted differently from \`npm run openapi\`: run it`);
    }
  });
});
