import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createConnectApp } from './create-connect-app';
import { AppConfig } from './platform/config/app-config';
import { ConfigValidationError } from './platform/config/load-app-config';
import { ClientsConfigError } from './platform/clients/build-registry-snapshot';
import { LifecycleState } from './platform/lifecycle/lifecycle-state';
import { AppLogger } from './platform/logging/app-logger';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * docs/operations.md#shutdown-and-restarts: on SIGTERM/SIGINT mark draining (readiness 503), keep serving
 * SHUTDOWN_DRAIN_DELAY_MS, then close (listener first, in-flight requests finish, providers shut down),
 * exit 0; a hard stop after SHUTDOWN_TIMEOUT_MS exits 1. SIGHUP reloads the client registry, never exits.
 *
 * Nest's app.close() runs the providers' destroy hooks before it closes the HTTP server, which would pull
 * the 12go client (and everything else) from under a request still in flight; so the listener is closed
 * and drained on its own first. Responses sent while draining carry `Connection: close` (the HTTP pipeline's onSend hook), otherwise a
 * keep-alive client's idle socket would hold the server open until its keep-alive timeout.
 */
export function installGracefulShutdown(
  app: NestFastifyApplication,
  config: AppConfig,
  exit: (code: number) => void = process.exit,
): void {
  const logger = app.get(AppLogger).forContext('Shutdown');
  const lifecycle = app.get(LifecycleState);
  const http = app.getHttpAdapter();
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const hardStop = setTimeout(() => {
      logger.error({ msg: 'shutdown.timeout', timeout_ms: config.SHUTDOWN_TIMEOUT_MS });
      exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS);
    hardStop.unref();
    logger.log({ msg: 'shutdown.draining', signal, drain_delay_ms: config.SHUTDOWN_DRAIN_DELAY_MS });
    lifecycle.markDraining();
    await sleep(config.SHUTDOWN_DRAIN_DELAY_MS);
    try {
      logger.log({ msg: 'shutdown.listener_closing' });
      await http.close();
      await app.close();
      logger.log({ msg: 'shutdown.complete' });
      clearTimeout(hardStop);
      exit(0);
    } catch (e) {
      logger.error({ msg: 'shutdown.failed', err: e });
      exit(1);
    }
  };
  process.once('SIGTERM', (s) => void stop(s));
  process.once('SIGINT', (s) => void stop(s));
}

/** Process entry: config → app → listen; readable one-shot message and exit 1 on a bad configuration. */
export async function bootstrap(env: NodeJS.ProcessEnv): Promise<NestFastifyApplication | undefined> {
  let app: NestFastifyApplication;
  try {
    app = await createConnectApp({ env });
  } catch (e) {
    if (e instanceof ConfigValidationError || e instanceof ClientsConfigError) {
      process.stderr.write(`connect-api: ${e.message}\n`);
    } else {
      process.stderr.write(`connect-api: failed to start: ${(e as Error)?.stack ?? String(e)}\n`);
    }
    process.exit(1);
  }
  const config = app.get(AppConfig);
  const logger = app.get(AppLogger).forContext('Bootstrap');
  process.on('unhandledRejection', (reason) => {
    logger.fatal({ msg: 'unhandled_rejection', err: reason });
    process.exit(1);
  });
  process.on('uncaughtException', (err) => {
    logger.fatal({ msg: 'uncaught_exception', err });
    process.exit(1);
  });
  installGracefulShutdown(app, config);
  await app.listen(config.PORT, config.HOST);
  logger.log({
    msg: 'listening',
    port: config.PORT,
    host: config.HOST,
    role: config.ROLE,
    twelvego_base_url: config.TWELVEGO_BASE_URL,
  });
  return app;
}
