import type { OpenAPIObject } from '@nestjs/swagger';
import SANDBOX_EXAMPLES from './examples/sandbox-examples.json';

/** The local stack `npm start` runs; the examples' URLs point at it too. */
export const LOCAL_SERVER = {
  url: 'http://localhost:3000',
  description: 'Local stack (`npm start`) on the 12go sandbox',
};

/** A response (and the request that produced it) captured from the sandbox funnel, keyed by operationId. */
export interface CapturedExample {
  status: number;
  request?: unknown;
  response: unknown;
}

export const EXAMPLE_NAME = 'sandbox';
const JSON_MEDIA = 'application/json';

/**
 * The document with the local `servers` entry and, for each operation with a captured example, that example on
 * its JSON request body and on the JSON response of the captured status. Pure: returns a new document. The
 * examples come from a real run (`npm run openapi:examples`) and are checked against their schemas by a test.
 */
export function withServerAndExamples(
  document: OpenAPIObject,
  examples: Record<string, CapturedExample> = SANDBOX_EXAMPLES as Record<string, CapturedExample>,
): OpenAPIObject {
  const out = structuredClone(document);
  out.servers = [LOCAL_SERVER];
  for (const item of Object.values(out.paths)) {
    for (const operation of Object.values(item)) {
      const captured =
        operation && typeof operation === 'object' && 'operationId' in operation
          ? examples[operation.operationId as string]
          : undefined;
      if (!captured) continue;
      const requestMedia = operation.requestBody?.content?.[JSON_MEDIA];
      if (requestMedia && captured.request !== undefined)
        requestMedia.examples = {
          [EXAMPLE_NAME]: { summary: 'Sent in the sandbox funnel', value: captured.request },
        };
      const responseMedia = operation.responses?.[String(captured.status)]?.content?.[JSON_MEDIA];
      if (!responseMedia)
        throw new Error(`${operation.operationId}: no ${captured.status} JSON response for its example`);
      responseMedia.examples = {
        [EXAMPLE_NAME]: { summary: 'Returned by the sandbox', value: captured.response },
      };
    }
  }
  return out;
}
