import { DynamicModule, Module, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import { __resetOutOfContextForTests as resetNestjsPinoRootLogger } from 'nestjs-pino/PinoLogger';
import { AppModule } from './app.module';
import { loadAppConfig } from './platform/config/load-app-config';
import { AppConfig } from './platform/config/app-config';
import { contextForRawRequest } from './platform/context/raw-request-context';
import { ContractExceptionFilter } from './platform/errors/contract-exception.filter';
import { createContractValidationPipe } from './platform/errors/validation-pipe.factory';
import { ClientAuthStep } from './platform/http/client-auth.step';
import { ClientDiversion } from './platform/http/client-diversion';
import { installHttpPipeline } from './platform/http/install-http-pipeline';
import { renderFrameworkError } from './platform/http/framework-errors';
import { contractClientErrorHandler } from './platform/http/client-error-handler';
import { RouteTable } from './platform/http/route-table';
import { createRootLogger, writeAccessLine } from './platform/logging/create-logger';
import { AppLogger } from './platform/logging/app-logger';
import { SecretScrubber } from './platform/logging/redaction';
import { PlatformModule } from './platform/platform.module';
import { MetricsService } from './platform/metrics/metrics.service';
import { RateLimitStep } from './platform/rate-limit/rate-limit.step';
import { AdminAuthStep } from './platform/admin/admin-auth.step';
import { BusinessEvents } from './platform/events/business-events.service';
import { LifecycleState } from './platform/lifecycle/lifecycle-state';
import { setupOpenApi } from './openapi/setup-openapi';
import { buildOpenApiDocument } from './openapi-document.builder';

export interface CreateConnectAppOptions {
  env: Record<string, string | undefined>;
  /** Where JSON log lines go (stdout by default); tests capture them. */
  logStream?: NodeJS.WritableStream;
  /** Extra modules (test-only controllers); never used in production. */
  extraModules?: Array<Type<unknown> | DynamicModule>;
}

@Module({})
class ConnectRootModule {}

function trustProxy(value: string): boolean | string {
  return value.trim() === '' ? false : value;
}

/** Builds the configured BFF (initialised, not listening). Throws ConfigValidationError / ClientsConfigError. */
export async function createConnectApp(opts: CreateConnectAppOptions): Promise<NestFastifyApplication> {
  const config = loadAppConfig(opts.env);
  const scrubber = new SecretScrubber();
  const logger = createRootLogger(config, scrubber, opts.logStream);
  // nestjs-pino keeps the first app's logger for logs outside requests; make it this app's (one app in
  // production, several in a test process).
  resetNestjsPinoRootLogger();

  const adapter = new FastifyAdapter({
    logger: false,
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: trustProxy(config.TRUST_PROXY),
    requestTimeout: config.SERVER_REQUEST_TIMEOUT_MS,
    keepAliveTimeout: config.SERVER_KEEPALIVE_TIMEOUT_MS,
    routerOptions: { maxParamLength: 1000, caseSensitive: true, ignoreTrailingSlash: false },
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    genReqId: (req: import('node:http').IncomingMessage) => contextForRawRequest(req).requestId,
    frameworkErrors: renderFrameworkError,
    clientErrorHandler: contractClientErrorHandler,
  });

  const root: DynamicModule = {
    module: ConnectRootModule,
    imports: [PlatformModule.forRoot({ config, scrubber, logger }), AppModule, ...(opts.extraModules ?? [])],
  };
  const app = await NestFactory.create<NestFastifyApplication>(root, adapter, {
    bufferLogs: true,
    bodyParser: false,
    abortOnError: false,
  });
  try {
    await configureAndInit(app, config);
  } catch (err) {
    // A failed boot (invalid clients file, a failing init hook) must not leave Redis connections, BullMQ
    // workers or timers behind: close what was created, bounded, then report the original error.
    await closeWithin(app, BOOT_FAILURE_CLOSE_TIMEOUT_MS);
    throw err;
  }
  return app;
}

/** How long a failed boot waits for the half-initialised app to close before rethrowing. */
const BOOT_FAILURE_CLOSE_TIMEOUT_MS = 5000;

async function closeWithin(app: NestFastifyApplication, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    app.close().catch(() => undefined),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
      timer.unref();
    }),
  ]);
  clearTimeout(timer);
}

async function configureAndInit(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  app.useLogger(app.get(PinoNestLogger));
  app.flushLogs();
  app.useGlobalFilters(app.get(ContractExceptionFilter));
  app.useGlobalPipes(createContractValidationPipe());
  const lifecycle = app.get(LifecycleState);
  const rootLogger = app.get(AppLogger).pino;
  installHttpPipeline(app.getHttpAdapter().getInstance(), {
    config,
    versions: config.apiVersions,
    routes: app.get(RouteTable),
    clientAuth: () => app.get(ClientAuthStep),
    metrics: app.get(MetricsService),
    rateLimit: () => app.get(RateLimitStep),
    adminAuth: () => app.get(AdminAuthStep),
    draining: () => lifecycle.draining,
    accessLog: (req, res, durationMs) => writeAccessLine(rootLogger, req, res, durationMs),
    events: () => app.get(BusinessEvents),
    diversion: () => app.get(ClientDiversion),
  });
  setupOpenApi(app, buildOpenApiDocument);
  // Redis is quit and the registry stops watching on close(); signals are handled by main.ts (drain first).
  await app.init();
}

export { AppConfig };
