import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import type {
  AppControllerRoute,
  AppViewRoute,
  BullBoardQueues,
  ControllerHandlerReturnType,
  IServerAdapter,
  UIConfig,
} from '@bull-board/api/typings/app';
import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

const escapeHtml = (value: string): string =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

/**
 * Renders bull-board's `index.ejs`, which only interpolates: `<%= name %>` (HTML-escaped) and `<%- name %>`
 * (raw; bull-board escapes `<`/`>` in the one raw value, the UI config JSON). Any other EJS construct or an
 * unknown name throws, so a bull-board upgrade that adds template logic fails the tests instead of
 * rendering wrongly.
 */
export function renderBoardTemplate(template: string, params: Record<string, string | undefined>): string {
  return template.replace(/<%([=-]?)\s*([\s\S]*?)\s*%>/g, (_m, kind: string, name: string) => {
    if (kind === '' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || !(name in params))
      throw new Error(`queue board: unsupported template tag <%${kind} ${name} %>`);
    const value = params[name] ?? '';
    return kind === '=' ? escapeHtml(value) : value;
  });
}

/** Every file under `dir`, by its URL path below the static route (`js/main.abc.js`). */
function listFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    files.set(relative(dir, full).split(sep).join('/'), full);
  }
  return files;
}

/**
 * bull-board's server adapter for Fastify without `@fastify/static` / `@fastify/view` (see
 * docs/adr/0171-queue-view-for-operators.md): the entry page rendered from bull-board's template, the UI's
 * static files from an allow-list built at mount time, and the JSON API. Registered in its own
 * encapsulated scope; authentication is the platform's `/admin/` hook, which runs before these routes.
 */
export class FastifyQueueBoardAdapter implements IServerAdapter {
  private queues?: BullBoardQueues;
  private viewsPath?: string;
  private statics?: { route: string; path: string };
  private entryRoute?: AppViewRoute;
  private apiRoutes: AppControllerRoute[] = [];
  private errorHandler?: (error: Error) => ControllerHandlerReturnType;
  private uiConfig: UIConfig = {};

  /** `excludedRoutes`: bull-board API routes (as bull-board names them) not to mount. */
  constructor(
    private readonly basePath: string,
    private readonly excludedRoutes: readonly string[] = [],
  ) {}

  setQueues(queues: BullBoardQueues): this {
    this.queues = queues;
    return this;
  }
  setViewsPath(viewPath: string): this {
    this.viewsPath = viewPath;
    return this;
  }
  setStaticPath(route: string, path: string): this {
    this.statics = { route, path };
    return this;
  }
  setEntryRoute(route: AppViewRoute): this {
    this.entryRoute = route;
    return this;
  }
  setErrorHandler(handler: (error: Error) => ControllerHandlerReturnType): this {
    this.errorHandler = handler;
    return this;
  }
  setApiRoutes(routes: AppControllerRoute[]): this {
    this.apiRoutes = routes;
    return this;
  }
  setUIConfig(config: UIConfig): this {
    this.uiConfig = config;
    return this;
  }

  /** Mounts the board under `basePath` on `fastify` (call after `createBullBoard`). */
  register(fastify: FastifyInstance): void {
    const { queues, viewsPath, statics, entryRoute, errorHandler } = this;
    if (!queues || !viewsPath || !statics || !entryRoute || !errorHandler)
      throw new Error('queue board: createBullBoard() has not configured the adapter');
    const template = readFileSync(join(viewsPath, 'index.ejs'), 'utf8');
    const files = listFiles(statics.path);
    const base = this.basePath;

    void fastify.register(async (scope) => {
      const entryHandler = (_req: FastifyRequest, reply: FastifyReply) => {
        const { name, params } = entryRoute.handler({ basePath: `${base}/`, uiConfig: this.uiConfig });
        if (name !== 'index.ejs') throw new Error(`queue board: unknown view ${name}`);
        return reply
          .type('text/html; charset=utf-8')
          .header('cache-control', 'no-store')
          .send(renderBoardTemplate(template, params));
      };
      for (const route of ([] as string[]).concat(entryRoute.route)) {
        const urls = route === '/' ? [base, `${base}/`] : [`${base}${route}`];
        for (const url of urls)
          scope.route({ method: entryRoute.method.toUpperCase() as HTTPMethods, url, handler: entryHandler });
      }

      // Static files: the admin token still applies, the admin rate limit does not (a page loads ~10 at once).
      scope.get(`${base}${statics.route}/*`, { config: { adminStaticAsset: true } }, (req, reply) => {
        const wanted = (req.params as { '*': string })['*'];
        const file = files.get(wanted);
        if (!file) return reply.callNotFound();
        const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
        return reply.type(type).header('cache-control', 'public, max-age=86400').send(readFileSync(file));
      });

      for (const route of this.apiRoutes) {
        const methods = ([] as string[]).concat(route.method).map((m) => m.toUpperCase() as HTTPMethods);
        for (const path of ([] as string[]).concat(route.route)) {
          if (this.excludedRoutes.includes(path)) continue;
          scope.route({
            method: methods,
            url: `${base}${path}`,
            handler: async (req, reply) => {
              let answer: ControllerHandlerReturnType;
              try {
                answer = await route.handler({
                  queues,
                  uiConfig: this.uiConfig,
                  params: req.params as Record<string, unknown>,
                  query: req.query as Record<string, unknown>,
                  body: (req.body ?? {}) as Record<string, unknown>,
                  headers: req.headers as Record<string, string | undefined>,
                });
              } catch (e) {
                answer = errorHandler(e as Error);
              }
              return reply
                .code(answer.status ?? 200)
                .header('cache-control', 'no-store')
                .send(answer.body);
            },
          });
        }
      }
    });
  }
}
