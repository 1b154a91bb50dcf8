import 'reflect-metadata';
import { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { RequestLogService } from './admin/request-log.service';
import { SandboxConfig, loadSandboxConfig } from './config/sandbox-config';
import { FaultRulesService } from './faults/fault-rules.service';
import { AbortableSleeps, registerSandboxHooks } from './http/sandbox-hooks';
import { SandboxModule } from './sandbox.module';
import { SandboxState } from './state/sandbox-state';
import { assertSeedConsistency } from './trips/departure-plan';

/** Reserve bodies may carry base64 passport scans (`id_scan`), which the BFF accepts up to 10 MiB. */
const BODY_LIMIT_BYTES = 16 * 1024 * 1024;

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

function loggerFor(level: string): LogLevel[] | false {
  if (level === 'silent') return false;
  const i = LEVELS.indexOf(level as LogLevel);
  return LEVELS.slice(0, i < 0 ? 3 : i + 1);
}

/** JSON bodies; an empty body (e.g. `POST /confirm` with a JSON content type) is accepted as no body. */
function registerJsonParser(fastify: FastifyInstance): void {
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit: BODY_LIMIT_BYTES },
    (_req, body, done) => {
      const text = typeof body === 'string' ? body : body.toString('utf8');
      if (text.trim() === '') return done(null, undefined);
      try {
        done(null, JSON.parse(text));
      } catch {
        const err = new Error('Malformed JSON body') as Error & { statusCode: number };
        err.statusCode = 400;
        done(err, undefined);
      }
    },
  );
}

/** Builds the configured (not listening) sandbox app from an env record (docs/upstream-12go.md#the-sandbox). */
export async function createSandboxApp(
  env: Record<string, string | undefined> = process.env,
): Promise<NestFastifyApplication> {
  assertSeedConsistency();
  const config: SandboxConfig = loadSandboxConfig(env);
  const sleeps = new AbortableSleeps();
  const app = await NestFactory.create<NestFastifyApplication>(
    SandboxModule.forRoot(config, sleeps),
    new FastifyAdapter({
      bodyLimit: BODY_LIMIT_BYTES,
      forceCloseConnections: true,
      routerOptions: { maxParamLength: 1000 },
    }),
    { logger: loggerFor(config.logLevel), bodyParser: false, abortOnError: false },
  );
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  registerJsonParser(fastify);
  registerSandboxHooks(
    fastify,
    {
      config,
      state: app.get(SandboxState),
      faults: app.get(FaultRulesService),
      requestLog: app.get(RequestLogService),
    },
    sleeps,
  );
  return app;
}

/** docs/upstream-12go.md#the-sandbox in-process form: starts a listening sandbox on an ephemeral port (tests, scripts). */
export async function createSandbox(
  env: Record<string, string | undefined> = {},
): Promise<{ url: string; app: NestFastifyApplication; close(): Promise<void> }> {
  const app = await createSandboxApp({ SANDBOX_LOG_LEVEL: 'silent', ...env });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, app, close: () => app.close() };
}

export { loadSandboxConfig };
