import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

/** The swagger-ui-dist files the page loads; nothing else under the docs path is served. */
const ASSET_TYPES: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'application/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'application/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

/** swagger-ui-dist's folder (its documented helper; the package has no types). Lazy: only the UI needs it. */
function swaggerUiDistDir(): string {
  const absolutePath = require('swagger-ui-dist/absolute-path.js') as () => string;
  return absolutePath();
}

function page(title: string, assetBase: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <title>${title}</title>
  <link rel="stylesheet" type="text/css" href="${assetBase}swagger-ui.css">
  <link rel="icon" type="image/png" href="${assetBase}favicon-32x32.png" sizes="32x32">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="${assetBase}swagger-ui-bundle.js"></script>
  <script src="${assetBase}swagger-ui-standalone-preset.js"></script>
  <script src="${assetBase}swagger-ui-init.js"></script>
</body>
</html>
`;
}

function initScript(jsonUrl: string): string {
  return `window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: ${JSON.stringify(jsonUrl)},
    dom_id: '#swagger-ui',
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: 'StandaloneLayout',
  });
};
`;
}

/**
 * Swagger UI at `path`, reading the document from `jsonUrl`. Not SwaggerModule's UI serving: that registers
 * @fastify/static, whose ESM-only dependency (content-disposition 3) Jest's CommonJS runtime cannot load —
 * i.e. every e2e test that boots the BFF would fail.
 */
export function serveSwaggerUi(app: INestApplication, path: string, jsonUrl: string, title: string): void {
  const http = app.getHttpAdapter();
  const last = path.split('/').pop() ?? '';
  const assets = new Map<string, Buffer>();
  const html = (base: string) => (_req: unknown, reply: FastifyReply) =>
    reply.type('text/html; charset=utf-8').send(page(title, base));

  http.get(path, html(`./${last}/`));
  http.get(`${path}/`, html('./'));
  http.get(`${path}/swagger-ui-init.js`, (_req: unknown, reply: FastifyReply) =>
    reply.type('application/javascript; charset=utf-8').send(initScript(jsonUrl)),
  );
  for (const [file, type] of Object.entries(ASSET_TYPES)) {
    http.get(`${path}/${file}`, (_req: unknown, reply: FastifyReply) => {
      let body = assets.get(file);
      if (!body) {
        body = readFileSync(join(swaggerUiDistDir(), file));
        assets.set(file, body);
      }
      return reply.type(type).header('cache-control', 'public, max-age=86400').send(body);
    });
  }
}
