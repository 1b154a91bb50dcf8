import type { Logger as PinoLogger } from 'pino';
import { getRequestContext } from '../context/request-context';

type Fields = Record<string, unknown>;

export interface ContextLogger {
  debug(fields: Fields | string): void;
  log(fields: Fields | string): void;
  warn(fields: Fields | string): void;
  error(fields: Fields | string): void;
  fatal(fields: Fields | string): void;
}

/**
 * This app's pino logger for platform code. Nest's static Logger is process-global (the last app
 * created wins), which mixes up logs when tests run several apps; this one is bound per app.
 * Adds the request's correlation and request ids when called inside a request.
 */
export class AppLogger {
  constructor(readonly pino: PinoLogger) {}

  forContext(context: string): ContextLogger {
    const write = (level: 'debug' | 'info' | 'warn' | 'error' | 'fatal') => (fields: Fields | string) => {
      const obj = typeof fields === 'string' ? { msg: fields } : fields;
      const ctx = getRequestContext();
      const ids = ctx ? { correlation_id: ctx.correlationId, request_id: ctx.requestId } : {};
      const { msg, ...rest } = obj as Fields & { msg?: string };
      this.pino[level]({ context, ...ids, ...rest }, msg);
    };
    return {
      debug: write('debug'),
      log: write('info'),
      warn: write('warn'),
      error: write('error'),
      fatal: write('fatal'),
    };
  }
}
