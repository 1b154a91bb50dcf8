#!/usr/bin/env node
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPENAPI_EXPORT_PATH } from '../openapi/openapi-export-path';
import { buildServedOpenApiDocument, renderOpenApiYaml } from './openapi-export';

/** `npm run openapi`: writes the document served at `/docs-json` to docs/openapi.yaml. */
buildServedOpenApiDocument().then(
  (document) => {
    const target = join(__dirname, '..', '..', '..', '..', OPENAPI_EXPORT_PATH);
    writeFileSync(target, renderOpenApiYaml(document));
    process.stdout.write(`wrote ${OPENAPI_EXPORT_PATH} (${Object.keys(document.paths).length} paths)\n`);
  },
  (err: unknown) => {
    process.stderr.write(`openapi export failed: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
  },
);
