import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Put, UseGuards } from '@nestjs/common';
import { SANDBOX_CONFIG, SandboxConfig } from '../config/sandbox-config';
import { SandboxClock } from '../core/sandbox-clock';
import { TimerScheduler } from '../core/timer-scheduler';
import { BookingService } from '../booking/booking.service';
import { bookingDetailsJson } from '../booking/booking-view';
import { FaultRuleError, FaultRuleInput, FaultRulesService } from '../faults/fault-rules.service';
import { ApiKeysService } from '../http/api-keys.service';
import { UpstreamError } from '../http/upstream-error';
import { Booking, SandboxState } from '../state/sandbox-state';
import { RecheckService } from '../trips/recheck.service';
import { WebhookSenderService } from '../webhooks/webhook-sender.service';
import { AdminTokenGuard } from './admin-token.guard';
import { scenarioGuide } from '../catalog/scenario-guide';
import { buildCatalog } from './catalog-view';
import { RequestLogService } from './request-log.service';

type Json = Record<string, unknown>;

const bad = (message: string) => new UpstreamError(400, { messages: [message] });
const asObject = (body: unknown): Json =>
  body && typeof body === 'object' && !Array.isArray(body) ? (body as Json) : {};

/** The `/__sandbox` admin API of docs/upstream-12go.md#admin-api (no `k`). */
@Controller('__sandbox')
@UseGuards(AdminTokenGuard)
export class AdminController {
  private readonly catalog = buildCatalog();

  constructor(
    @Inject(SANDBOX_CONFIG) private readonly config: SandboxConfig,
    private readonly clock: SandboxClock,
    private readonly scheduler: TimerScheduler,
    private readonly state: SandboxState,
    private readonly faults: FaultRulesService,
    private readonly webhooks: WebhookSenderService,
    private readonly requests: RequestLogService,
    private readonly bookings: BookingService,
    private readonly keys: ApiKeysService,
    private readonly rechecks: RecheckService,
  ) {}

  @Get('health')
  health() {
    return { status: 'ok', now: new Date(this.clock.nowMs()).toISOString(), seed: this.state.seed };
  }

  /** Every scenario trip and magic passenger name, and how to reach them (docs/sandbox.md). */
  @Get('scenarios')
  scenarios() {
    return scenarioGuide();
  }

  @Post('reset')
  @HttpCode(200)
  reset(@Body() body: unknown) {
    const b = asObject(body);
    if (b.seed !== undefined && (typeof b.seed !== 'number' || !Number.isInteger(b.seed) || b.seed < 0))
      throw bad('seed must be a non-negative integer');
    if (b.now !== undefined && (typeof b.now !== 'string' || Number.isNaN(Date.parse(b.now))))
      throw bad('now must be an ISO-8601 instant');
    if (b.frozen !== undefined && typeof b.frozen !== 'boolean') throw bad('frozen must be a boolean');
    this.scheduler.clear();
    this.rechecks.releaseAll();
    this.state.reset(typeof b.seed === 'number' ? b.seed : this.config.seed);
    this.faults.clear();
    this.webhooks.reset();
    this.requests.clear();
    if (b.now !== undefined || b.frozen !== undefined)
      this.clock.set(b.now as string | undefined, b.frozen as boolean | undefined);
    return { status: 'ok', seed: this.state.seed, ...this.clockView() };
  }

  @Get('clock')
  getClock() {
    return this.clockView();
  }

  @Put('clock')
  setClock(@Body() body: unknown) {
    const b = asObject(body);
    if (
      b.now !== undefined &&
      b.now !== null &&
      (typeof b.now !== 'string' || Number.isNaN(Date.parse(b.now)))
    )
      throw bad('now must be an ISO-8601 instant');
    if (b.frozen !== undefined && typeof b.frozen !== 'boolean') throw bad('frozen must be a boolean');
    this.clock.set((b.now as string | null | undefined) ?? undefined, b.frozen as boolean | undefined);
    const ran = this.scheduler.runDue();
    return { ...this.clockView(), timersRun: ran };
  }

  @Post('clock/advance')
  @HttpCode(200)
  advance(@Body() body: unknown) {
    const seconds = asObject(body).seconds;
    if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0)
      throw bad('seconds must be a non-negative number');
    this.clock.advance(Math.round(seconds * 1000));
    const ran = this.scheduler.runDue();
    return { ...this.clockView(), timersRun: ran };
  }

  @Post('faults')
  @HttpCode(201)
  addFault(@Body() body: unknown) {
    try {
      return this.faults.add(asObject(body) as FaultRuleInput);
    } catch (err) {
      if (err instanceof FaultRuleError) throw bad(err.message);
      throw err;
    }
  }

  @Get('faults')
  listFaults() {
    return this.faults.list();
  }

  @Delete('faults')
  clearFaults() {
    this.faults.clear();
    return { status: 'ok' };
  }

  @Delete('faults/:id')
  removeFault(@Param('id') id: string) {
    if (!this.faults.remove(id)) throw new UpstreamError(404, { messages: ['Fault rule not found'] });
    return { status: 'ok' };
  }

  @Put('webhook-targets/:apiKey')
  setWebhookTarget(@Param('apiKey') apiKey: string, @Body() body: unknown) {
    const url = asObject(body).url;
    if (!this.keys.isKnown(apiKey)) throw new UpstreamError(404, { messages: ['API key not found'] });
    if (url !== null && (typeof url !== 'string' || !/^https?:\/\//.test(url)))
      throw bad('url must be an http(s) URL or null');
    this.state.webhookTargets.set(apiKey, url as string | null);
    return { apiKey, url };
  }

  @Get('webhooks')
  webhookLog() {
    return this.webhooks.log();
  }

  @Post('bookings/:bid/transition')
  @HttpCode(200)
  transition(@Param('bid') bid: string, @Body() body: unknown) {
    const b = asObject(body);
    if (typeof b.status !== 'string' || b.status === '') throw bad('status must be a non-empty string');
    if (b.type !== undefined && typeof b.type !== 'string') throw bad('type must be a string');
    const booking = this.booking(bid);
    this.bookings.transition(booking, b.status, b.type as string | undefined);
    return this.internalView(booking);
  }

  @Post('bookings/:bid/webhook')
  @HttpCode(200)
  resendWebhook(@Param('bid') bid: string, @Body() body: unknown) {
    const type = asObject(body).type;
    if (typeof type !== 'string' || type === '') throw bad('type must be a non-empty string');
    const booking = this.booking(bid);
    this.bookings.resendWebhook(booking, type);
    return { status: 'queued', bid: booking.bid, type };
  }

  @Get('bookings/:bid')
  bookingView(@Param('bid') bid: string) {
    return this.internalView(this.booking(bid));
  }

  @Get('requests')
  requestLog() {
    return this.requests.list();
  }

  @Get('catalog')
  getCatalog() {
    return this.catalog;
  }

  private booking(bid: string): Booking {
    const booking = /^\d+$/.test(bid) ? this.state.bookings.get(Number(bid)) : undefined;
    if (!booking) throw new UpstreamError(404, { messages: ['Booking not found'] });
    return booking;
  }

  private internalView(b: Booking) {
    return {
      ...bookingDetailsJson(b),
      apiKey: b.apiKey.replace(/^(.{4}).*$/, '$1***'),
      cartId: b.cartId,
      tripKey: b.tripKey,
      date: b.date,
      passengers: b.passengers,
      contact: b.contact,
      otherFields: b.otherFields,
      seatsAssigned: b.seatsAssigned,
      heldSeats: ['pending_client_confirmation', 'pending', 'confirmed'].includes(b.status) ? b.seats : 0,
      extras: b.extras,
      confirmedAt: b.confirmedAtMs === null ? null : new Date(b.confirmedAtMs).toISOString(),
      usedRefundHashes: [...b.usedRefundHashes],
      magicLastName: b.magicLastName,
      pendingTimers: this.scheduler
        .pending()
        .filter((t) => t.label.endsWith(`:${b.bid}`))
        .map((t) => ({ label: t.label, due: new Date(t.dueMs).toISOString() })),
    };
  }

  private clockView() {
    return {
      now: new Date(this.clock.nowMs()).toISOString(),
      frozen: this.clock.isFrozen(),
      today: this.clock.today(),
    };
  }
}
