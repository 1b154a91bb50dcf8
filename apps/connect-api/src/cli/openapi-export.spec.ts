import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPENAPI_EXPORT_PATH } from '../openapi/openapi-export-path';
import { buildServedOpenApiDocument, renderOpenApiYaml } from './openapi-export';

const REPO_ROOT = join(__dirname, '..', '..', '..', '..');

describe('docs/openapi.yaml', () => {
  it('is the document the code serves at /docs-json (run `npm run openapi` after changing the contract)', async () => {
    const exported = readFileSync(join(REPO_ROOT, OPENAPI_EXPORT_PATH), 'utf8');
    const current = renderOpenApiYaml(await buildServedOpenApiDocument());
    if (exported !== current) {
      throw new Error(
        `${OPENAPI_EXPORT_PATH} differs from the OpenAPI document the code builds: run \`npm run openapi\` and commit the result`,
      );
    }
  }, 60_000);
});
