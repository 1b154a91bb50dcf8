import { DynamicModule, Module, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AdminController } from './admin/admin.controller';
import { AdminTokenGuard } from './admin/admin-token.guard';
import { RequestLogService } from './admin/request-log.service';
import { BookingService } from './booking/booking.service';
import { RefundService } from './booking/refund.service';
import { CheckoutService } from './checkout/checkout.service';
import { SANDBOX_CONFIG, SandboxConfig } from './config/sandbox-config';
import { BookingController } from './controllers/booking.controller';
import { CartController } from './controllers/cart.controller';
import { CheckoutController } from './controllers/checkout.controller';
import { RecheckController } from './controllers/recheck.controller';
import { ReserveController } from './controllers/reserve.controller';
import { SearchController } from './controllers/search.controller';
import { TicketController } from './controllers/ticket.controller';
import { TripController } from './controllers/trip.controller';
import { SandboxClock } from './core/sandbox-clock';
import { TimerScheduler } from './core/timer-scheduler';
import { FaultRulesService } from './faults/fault-rules.service';
import { ApiKeyGuard } from './http/api-key.guard';
import { ApiKeysService } from './http/api-keys.service';
import { AbortableSleeps } from './http/sandbox-hooks';
import { UpstreamExceptionFilter } from './http/upstream-exception.filter';
import { SandboxState } from './state/sandbox-state';
import { RecheckService } from './trips/recheck.service';
import { TripCatalogService } from './trips/trip-catalog.service';
import { WebhookSenderService } from './webhooks/webhook-sender.service';

/** Starts and stops the timer scheduler with the app. */
class SchedulerLifecycle implements OnModuleInit, OnModuleDestroy {
  constructor(private readonly scheduler: TimerScheduler) {}
  onModuleInit(): void {
    this.scheduler.start();
  }
  onModuleDestroy(): void {
    this.scheduler.stop();
  }
}

@Module({})
export class SandboxModule {
  static forRoot(config: SandboxConfig, sleeps: AbortableSleeps): DynamicModule {
    return {
      module: SandboxModule,
      controllers: [
        SearchController,
        TripController,
        CartController,
        CheckoutController,
        ReserveController,
        BookingController,
        RecheckController,
        TicketController,
        AdminController,
      ],
      providers: [
        { provide: SANDBOX_CONFIG, useValue: config },
        { provide: AbortableSleeps, useValue: sleeps },
        { provide: SandboxClock, useFactory: () => new SandboxClock(config.now, config.clockFrozen) },
        {
          provide: TimerScheduler,
          useFactory: (clock: SandboxClock) => new TimerScheduler(clock),
          inject: [SandboxClock],
        },
        { provide: SandboxState, useFactory: () => new SandboxState(config.seed) },
        {
          provide: SchedulerLifecycle,
          useFactory: (s: TimerScheduler) => new SchedulerLifecycle(s),
          inject: [TimerScheduler],
        },
        { provide: APP_FILTER, useClass: UpstreamExceptionFilter },
        ApiKeysService,
        ApiKeyGuard,
        AdminTokenGuard,
        TripCatalogService,
        RecheckService,
        CheckoutService,
        BookingService,
        RefundService,
        FaultRulesService,
        WebhookSenderService,
        RequestLogService,
      ],
    };
  }
}
