import { Inject, Injectable } from '@nestjs/common';
import { AppLogger, ContextLogger } from '../logging/app-logger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '../config/app-config';
import { ApiKeyAuthenticator } from '../clients/api-key-authenticator';
import { AUTH_FAILURE_LIMITER, type AuthFailureLimiter } from '../clients/auth-failure-limiter';
import type { ClientSnapshot } from '../clients/client-snapshot';
import { contextForRawRequest } from '../context/raw-request-context';
import { ContractError } from '../errors/contract-error';
import { resolveApiVersion } from '../versioning/resolve-api-version';
import { MetricsService } from '../metrics/metrics.service';

export const CLIENT_REQUEST_KEY = 'tcClient';
export type RequestWithClient = FastifyRequest & { [CLIENT_REQUEST_KEY]?: ClientSnapshot };

const WWW_AUTHENTICATE = 'ApiKey header="x-api-key"';

/**
 * docs/contract/headers.md#processing-order steps 3–4 for every `/v1/:client_id/**` route (the platform's global guard; it runs
 * as a Fastify hook so it precedes body reading): authenticate (401 / 403 `client_disabled`), attach the
 * client snapshot, then resolve `Travelier-Version` (400 `unsupported_version`, `Deprecation`, echo).
 */
@Injectable()
export class ClientAuthStep {
  private readonly logger: ContextLogger;
  private readonly versions;

  constructor(
    config: AppConfig,
    private readonly authenticator: ApiKeyAuthenticator,
    @Inject(AUTH_FAILURE_LIMITER) private readonly failures: AuthFailureLimiter,
    appLogger: AppLogger,
    private readonly metrics: MetricsService,
  ) {
    this.logger = appLogger.forContext('ClientAuth');
    this.versions = config.apiVersions;
  }

  async run(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    await this.authenticate(request);
    this.resolveVersion(request, reply);
  }

  /** Step 3: the key, or 401 / 403 / 429; attaches the client snapshot to the request and its context. */
  async authenticate(request: FastifyRequest): Promise<ClientSnapshot> {
    const ctx = contextForRawRequest(request.raw);
    const clientId = (request.params as Record<string, string | undefined>)?.client_id ?? '';
    const header = request.headers['x-api-key'];
    const key = Array.isArray(header) ? header[0] : header;
    const ip = request.ip;
    // Fast hashes (and cached pbkdf2 successes) first: a valid key then costs no Redis round trip. The
    // per-IP failure block only matters once that fails: it decides whether a slow hash may be tried and
    // whether the refusal is 429.
    let outcome = await this.authenticator.authenticate(clientId, key, { allowSlowHashes: false });
    let blocked = false;
    if (outcome.result === 'unauthorized') {
      blocked = await this.failures.isBlocked(ip).catch(() => false);
      if (!blocked && outcome.reason === 'bad_key')
        outcome = await this.authenticator.authenticate(clientId, key, { allowSlowHashes: true });
    }

    if (outcome.result === 'unauthorized') {
      await this.failures.recordFailure(ip).catch(() => undefined);
      this.logger.log({
        msg: 'auth.failed',
        reason: outcome.reason,
        client_id: outcome.clientId ?? 'unknown',
      });
      this.metrics.increment('auth.failures', {
        reason: outcome.reason,
        client_id: outcome.clientId ?? 'unknown',
      });
      if (blocked) throw new ContractError('rate_limited', undefined, { retryAfterSec: 60 });
      throw new ContractError('unauthorized', undefined, {
        headers: { 'www-authenticate': WWW_AUTHENTICATE },
      });
    }
    ctx.clientId = outcome.client.clientId;
    ctx.keyId = outcome.keyId;
    if (outcome.result === 'disabled') {
      this.metrics.increment('auth.failures', { reason: 'disabled', client_id: outcome.client.clientId });
      throw new ContractError('client_disabled');
    }
    this.metrics.increment('auth.key_used', { client_id: outcome.client.clientId, key_id: outcome.keyId });
    ctx.client = outcome.client;
    (request as RequestWithClient)[CLIENT_REQUEST_KEY] = outcome.client;
    return outcome.client;
  }

  /** Step 4: `Travelier-Version` (400 `unsupported_version`, `Deprecation`, echo). */
  resolveVersion(request: FastifyRequest, reply: FastifyReply): void {
    const ctx = contextForRawRequest(request.raw);
    const version = resolveApiVersion(request.headers, this.versions);
    if (!version.ok) {
      throw new ContractError('unsupported_version', undefined, {
        meta: { supported_versions: version.supported },
      });
    }
    ctx.apiVersion = version.version;
    reply.header('travelier-version', version.version);
    if (version.deprecation) reply.header('deprecation', version.deprecation);
  }
}
