import { Injectable, Logger } from '@nestjs/common';
import { DEFAULT_TWELVEGO_TIMEOUTS_MS, parseTwelveGoTimeouts } from '@app/twelvego-client';
import { BookingReadback } from '../funnel/booking-readback';
import { callContextFor } from '../../platform/twelvego/call-context';
import type { ClientSnapshot } from '../../platform/clients/client-snapshot';
import { AppConfig } from '../../platform/config/app-config';
import { ContractError } from '../../platform/errors/contract-error';
import { IncompleteResultsStore } from './incomplete-results.store';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type PollOutcome =
  | { kind: 'running'; location: string }
  | { kind: 'finished'; status: number; body: unknown; headers: Record<string, string> };

/** IncompleteResults polling (docs/contract/endpoints.md#incompleteresults-async-flow step 3). */
@Injectable()
export class IncompleteResultsService {
  private readonly logger = new Logger('IncompleteResults');
  private readonly expiryMs: number;
  /** A confirm still pending after its upstream timeout + 10 s lost its instance (docs/contract/endpoints.md#incompleteresults-async-flow step 4). */
  private readonly orphanedConfirmMs: number;

  constructor(
    private readonly store: IncompleteResultsStore,
    private readonly readback: BookingReadback,
    config: AppConfig,
  ) {
    this.expiryMs = config.INCOMPLETE_RESULTS_EXPIRY_MIN * 60_000;
    const confirmTimeout =
      parseTwelveGoTimeouts(config.TWELVEGO_TIMEOUTS).confirm ?? DEFAULT_TWELVEGO_TIMEOUTS_MS.confirm;
    this.orphanedConfirmMs = confirmTimeout + 10_000;
  }

  async poll(client: ClientSnapshot, rawId: string, now: number = Date.now()): Promise<PollOutcome> {
    if (!UUID_RE.test(rawId)) throw new ContractError('incomplete_result_not_found');
    const id = rawId.toLowerCase();
    const record = await this.store.read(id);
    if (!record || record.clientId !== client.clientId)
      throw new ContractError('incomplete_result_not_found');
    if (record.statusCode === 202) {
      if (now - record.createdAt > this.expiryMs) throw new ContractError('result_expired');
      if (record.op === 'confirm_booking' && record.bid && now - record.createdAt > this.orphanedConfirmMs) {
        const recovered = await this.recoverConfirm(
          client,
          id,
          record.bid,
          record.bookingId || record.bid,
          now,
        );
        if (recovered) return recovered;
      }
      return { kind: 'running', location: `/v1/${client.clientId}/incomplete_results/${id}` };
    }
    if (now - record.updatedAt > this.expiryMs) throw new ContractError('result_expired');
    let headers: Record<string, string> = {};
    try {
      headers = JSON.parse(record.headers) as Record<string, string>;
    } catch {
      headers = {};
    }
    return { kind: 'finished', status: record.statusCode, body: JSON.parse(record.result), headers };
  }

  /** Reads the booking with the caller's key; a confirmed booking becomes the stored outcome. */
  private async recoverConfirm(
    client: ClientSnapshot,
    id: string,
    bid: string,
    bookingId: string,
    now: number,
  ): Promise<PollOutcome | null> {
    try {
      const details = await this.readback.read(callContextFor(client, { lang: client.defaults.locale }), bid);
      if (!['confirmed', 'pending', 'declined'].includes(String(details.status).toLowerCase())) return null;
      const booking = this.readback.render(details, client, bookingId);
      await this.store.complete(id, 200, JSON.stringify(booking), {}, bid, now);
      this.logger.log({ event: 'incomplete_result_recovered', id, bid });
      return { kind: 'finished', status: 200, body: booking, headers: {} };
    } catch (err) {
      this.logger.warn({ event: 'incomplete_result_recovery_failed', id, bid, err: (err as Error).message });
      return null;
    }
  }
}
