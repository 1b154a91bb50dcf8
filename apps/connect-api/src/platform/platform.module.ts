import { DynamicModule, Global, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import type { Logger as PinoRootLogger } from 'pino';
import { TwelveGoClientModule } from '@app/twelvego-client';
import { AppConfig } from './config/app-config';
import { ApiKeyAuthenticator } from './clients/api-key-authenticator';
import { AUTH_FAILURE_LIMITER } from './clients/auth-failure-limiter';
import { ClientRegistry } from './clients/client-registry';
import { ContractExceptionFilter } from './errors/contract-exception.filter';
import { HealthController } from './health/health.controller';
import { ReadinessService } from './health/readiness.service';
import { ReadinessChecks } from './health/readiness-checks';
import { ClientAuthStep } from './http/client-auth.step';
import { ClientDiversion } from './http/client-diversion';
import { RouteTable } from './http/route-table';
import { LifecycleState } from './lifecycle/lifecycle-state';
import { nestLogger } from './logging/create-logger';
import { AppLogger } from './logging/app-logger';
import { SecretScrubber } from './logging/redaction';
import { RedisService } from './redis/redis.service';
import { createMetricsSink, METRICS_SINK, MetricsService } from './metrics/metrics.service';
import { ClientRateLimiter } from './rate-limit/client-rate-limiter';
import { RateLimitStep } from './rate-limit/rate-limit.step';
import { RedisAuthFailureLimiter } from './rate-limit/redis-auth-failure-limiter';
import { AdminAuthStep } from './admin/admin-auth.step';
import { AdminGuard } from './admin/admin.guard';
import { AdminController } from './admin/admin.controller';
import { BusinessEvents } from './events/business-events.service';
import { twelveGoClientOptions } from './twelvego/twelvego-client-options.factory';

export interface PlatformModuleOptions {
  config: AppConfig;
  scrubber: SecretScrubber;
  logger: PinoRootLogger;
}

/**
 * Cross-cutting services every feature may inject (global): AppConfig, ClientRegistry, RedisService,
 * LifecycleState, the 12go client; plus health, logging and the error filter.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformModuleOptions): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        // Nest's Logger only: no per-request middleware (the access line is written by the HTTP pipeline).
        LoggerModule.forRoot({
          pinoHttp: { logger: nestLogger(options.logger) },
          useExisting: true,
          forRoutes: [],
        }),
        TerminusModule.forRoot({ logger: false }),
        TwelveGoClientModule.registerAsync({
          inject: [AppConfig, AppLogger, MetricsService],
          useFactory: twelveGoClientOptions,
        }),
      ],
      controllers: [HealthController, AdminController],
      providers: [
        { provide: AppConfig, useValue: options.config },
        { provide: SecretScrubber, useValue: options.scrubber },
        { provide: AppLogger, useValue: new AppLogger(options.logger) },
        { provide: RouteTable, useValue: new RouteTable() },
        { provide: AUTH_FAILURE_LIMITER, useClass: RedisAuthFailureLimiter },
        { provide: METRICS_SINK, useValue: createMetricsSink(options.config) },
        ClientRegistry,
        ApiKeyAuthenticator,
        ClientAuthStep,
        RedisService,
        LifecycleState,
        ReadinessService,
        ReadinessChecks,
        ContractExceptionFilter,
        MetricsService,
        ClientRateLimiter,
        RateLimitStep,
        AdminAuthStep,
        AdminGuard,
        BusinessEvents,
        ClientDiversion,
      ],
      exports: [
        AppConfig,
        AppLogger,
        SecretScrubber,
        RouteTable,
        AUTH_FAILURE_LIMITER,
        ClientRegistry,
        ApiKeyAuthenticator,
        RedisService,
        LifecycleState,
        MetricsService,
        AdminAuthStep,
        AdminGuard,
        BusinessEvents,
        ClientDiversion,
        RateLimitStep,
        ReadinessChecks,
      ],
    };
  }
}
