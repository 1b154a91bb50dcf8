import { Injectable, Logger } from '@nestjs/common';
import {
  TwelveGoClient,
  TwelveGoError,
  type TwelveGoRefundOption,
  type TwelveGoRefundResponse,
} from '@app/twelvego-client';
import type { ClientSnapshot } from '../platform/clients/client-snapshot';
import { ContractError } from '../platform/errors/contract-error';
import { UpstreamErrors } from '../platform/errors/twelvego-error.mapper';
import { BOOKING_BY_ID_UPSTREAM_ERRORS } from '../platform/errors/upstream-error-table';
import type { BookingCancellation } from '../contract/booking/booking-cancellation';
import { mapBookingStatus } from '../contract/booking/booking-status.mapper';
import type { ContractBooking } from '../contract/booking/contract-booking';
import { isUpstreamNotFound } from '../platform/twelvego/upstream-not-found';
import { BookingAccessService, type OwnedBooking } from './booking-access.service';
import { pickRefundOption, toBookingCancellation } from './booking-cancellation.mapper';
import { recordBusinessEvent } from '../platform/events/record-business-event';

export type TicketResult = { ready: true; ticketUrl: string } | { ready: false };

/** Refund failures after which the refund may still have happened: resolved by one read (docs/contract/errors.md#upstream-failures). */
const AMBIGUOUS_REFUND_FAILURES = new Set<TwelveGoError['kind']>([
  'timeout',
  'server',
  'unavailable',
  'bad_response',
]);

/** GetBookingDetails, GetTicket, CancelBooking (docs/contract/endpoints.md#getbookingdetails, docs/contract/endpoints.md#getticket, docs/contract/endpoints.md#cancelbooking). */
@Injectable()
export class PostBookingService {
  private readonly logger = new Logger('PostBooking');

  constructor(
    private readonly access: BookingAccessService,
    private readonly twelvego: TwelveGoClient,
  ) {}

  @UpstreamErrors(BOOKING_BY_ID_UPSTREAM_ERRORS)
  async getDetails(client: ClientSnapshot, rawId: string | undefined): Promise<ContractBooking> {
    const { ref, details } = await this.access.load(client, rawId);
    return this.access.toBooking(client, ref, details);
  }

  @UpstreamErrors(BOOKING_BY_ID_UPSTREAM_ERRORS)
  async getTicket(client: ClientSnapshot, rawId: string | undefined): Promise<TicketResult> {
    const { details } = await this.access.load(client, rawId);
    if (mapBookingStatus(details.status).status !== 'approved') {
      throw new ContractError(
        'ticket_not_available',
        'The booking is not approved; no ticket is available.',
        { headers: { Allow: 'GET' } },
      );
    }
    const url = typeof details.ticket_url === 'string' ? details.ticket_url.trim() : '';
    return url ? { ready: true, ticketUrl: details.ticket_url as string } : { ready: false };
  }

  @UpstreamErrors(BOOKING_BY_ID_UPSTREAM_ERRORS)
  async cancel(client: ClientSnapshot, rawId: string | undefined): Promise<BookingCancellation> {
    const owned = await this.access.load(client, rawId);
    const { ref, ctx, details } = owned;
    const previousStatus = mapBookingStatus(details.status).status;
    recordBusinessEvent('booking.cancelled', { booking_id: ref.id, previous_status: previousStatus });
    if (previousStatus !== 'approved') throw notCancellable('Only approved bookings can be cancelled.');
    const options = await this.twelvego.getRefundOptions(ctx, ref.bid);
    recordBusinessEvent('booking.cancelled', { refund_options_count: refundOptionCount(options) });
    const option = pickRefundOption(options);
    if (!option) throw notCancellable('The supplier offers no cancellation for this booking now.');

    let result: TwelveGoRefundResponse;
    try {
      result = await this.twelvego.refund(ctx, ref.bid, {
        hash: option.hash,
        refund_fxcode: option.refund_fxcode,
        refund_amount: option.refund_amount,
      });
    } catch (err) {
      return cancelledEvent(await this.resolveFailedRefund(owned, option, err));
    }
    if (!result.success) {
      this.logger.warn({ msg: 'booking.refund_declined', event: 'booking.refund_declined', bid: ref.bid });
      throw new ContractError(
        'upstream_error',
        'The supplier declined the cancellation; the booking remains approved.',
      );
    }
    await this.readBack(owned);
    return cancelledEvent(toBookingCancellation(ref.id, option));
  }

  private async resolveFailedRefund(
    owned: OwnedBooking,
    option: TwelveGoRefundOption,
    err: unknown,
  ): Promise<BookingCancellation> {
    const { ref, ctx } = owned;
    // Before the rejection branch: a 403 here is "not yours", which the table answers as booking_not_found.
    if (isUpstreamNotFound(err) || !(err instanceof TwelveGoError)) throw err;
    if (err.kind === 'validation' || err.kind === 'request' || err.kind === 'conflict') {
      // 12go refused this refund (consumed hash, window closed, state changed): the booking stays as it was
      this.logger.warn({
        msg: 'booking.refund_rejected',
        event: 'booking.refund_rejected',
        bid: ref.bid,
        upstream_status: err.status,
      });
      throw new ContractError(
        'upstream_error',
        'The supplier rejected the cancellation; the booking remains approved.',
        { cause: err },
      );
    }
    if (!AMBIGUOUS_REFUND_FAILURES.has(err.kind)) throw err;
    const after = await this.twelvego.getBookingDetails(ctx, ref.bid).catch(() => null);
    const cancelled = after !== null && mapBookingStatus(after.status).status === 'cancelled';
    this.logger.warn({
      msg: 'booking.refund_outcome_read',
      event: 'booking.refund_outcome_read',
      bid: ref.bid,
      failure: err.kind,
      cancelled,
    });
    if (cancelled) return toBookingCancellation(ref.id, option);
    throw err;
  }

  /** After a successful refund, read the booking once; a mismatch is logged, the refund result stands. */
  private async readBack({ ref, ctx }: OwnedBooking): Promise<void> {
    try {
      const after = await this.twelvego.getBookingDetails(ctx, ref.bid);
      if (mapBookingStatus(after.status).status !== 'cancelled') {
        this.logger.warn({
          msg: 'booking.refund_not_reflected',
          event: 'booking.refund_not_reflected',
          bid: ref.bid,
          upstream_status: after.status,
        });
      }
    } catch (err) {
      this.logger.warn({
        msg: 'booking.refund_read_back_failed',
        event: 'booking.refund_read_back_failed',
        bid: ref.bid,
        err: (err as Error).message,
      });
    }
  }
}

/** Business event `booking.cancelled` (docs/platform.md#business-events): the outcome fields of a cancellation. */
function cancelledEvent(result: BookingCancellation): BookingCancellation {
  recordBusinessEvent('booking.cancelled', { status: result.booking_status, refund: result.refund });
  return result;
}

function refundOptionCount(options: unknown): number {
  const list = (options as { options?: unknown[] } | null)?.options;
  return Array.isArray(list) ? list.length : 0;
}

function notCancellable(message: string): ContractError {
  return new ContractError('booking_not_cancellable', message);
}
