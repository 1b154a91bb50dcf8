import type { INestApplication } from '@nestjs/common';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { serveSwaggerUi } from './swagger-ui.routes';

export const DOCS_PATH = '/docs';
export const DOCS_JSON_PATH = '/docs-json';

/**
 * Serves the generated contract at `/docs` (Swagger UI) and `/docs-json`, outside `/v1` (no API key). Must be
 * called before `app.init()` (Fastify routes). The document is built on the first request, then cached.
 * The builder comes from the composition root: it knows the feature modules, this folder does not.
 */
export function setupOpenApi(
  app: INestApplication,
  buildDocument: (app: INestApplication) => OpenAPIObject,
): void {
  let document: OpenAPIObject | undefined;
  const getDocument = () => (document ??= buildDocument(app));
  SwaggerModule.setup(DOCS_PATH, app, getDocument, {
    jsonDocumentUrl: DOCS_JSON_PATH,
    raw: ['json'],
    ui: false,
  });
  serveSwaggerUi(app, DOCS_PATH, DOCS_JSON_PATH, 'Travelier Connect API');
}
