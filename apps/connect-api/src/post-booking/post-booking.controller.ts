import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { ClientSnapshot } from '../platform/clients/client-snapshot';
import { CurrentClient } from '../platform/clients/current-client.decorator';
import type { BookingCancellation } from '../contract/booking/booking-cancellation';
import type { ContractBooking } from '../contract/booking/contract-booking';
import { PostBookingService } from './post-booking.service';
import { ApiPartnerOperation } from '../contract/openapi/decorators/partner-operation.decorator';
import {
  ApiBookingIdParam,
  ApiPartnerController,
  RETRY_LATER_HEADERS,
} from '../contract/openapi/decorators/partner-route.decorators';
import { BookingSchema } from '../contract/openapi/schemas/booking.schemas';
import {
  BookingCancellationSchema,
  TicketResponseSchema,
} from '../contract/openapi/schemas/post-booking.schemas';

/** D18: how long a partner should wait before asking again for a ticket being produced. */
const TICKET_RETRY_AFTER_S = '10';

@ApiPartnerController('Post-booking')
@ApiBookingIdParam()
@Controller('v1/:client_id/bookings/:booking_id')
export class PostBookingController {
  constructor(private readonly service: PostBookingService) {}

  @Get()
  @ApiPartnerOperation({
    operationId: 'getBookingDetails',
    summary: 'Current state of a booking',
    ok: { description: 'Booking.', type: BookingSchema },
    errors: [404],
  })
  getBookingDetails(
    @CurrentClient() client: ClientSnapshot,
    @Param('booking_id') bookingId: string,
  ): Promise<ContractBooking> {
    return this.service.getDetails(client, bookingId);
  }

  /** 200 `{ticket_url}`, or a bodiless 202 + Retry-After while the ticket is produced (D18). */
  @Get('ticket')
  @ApiPartnerOperation({
    operationId: 'getTicket',
    summary: 'Ticket URL of an approved booking',
    ok: { description: 'Ticket URL.', type: TicketResponseSchema },
    also: [
      ApiResponse({
        status: 202,
        description: 'Booking approved but ticket not produced yet. No body; retry later.',
        headers: RETRY_LATER_HEADERS,
      }),
    ],
    errors: [404, 405],
  })
  async getTicket(
    @CurrentClient() client: ClientSnapshot,
    @Param('booking_id') bookingId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const ticket = await this.service.getTicket(client, bookingId);
    // @Res without passthrough: Nest would otherwise force the route's default status (200) over 202.
    if (ticket.ready) await reply.status(200).send({ ticket_url: ticket.ticketUrl });
    else await reply.status(202).header('Retry-After', TICKET_RETRY_AFTER_S).send();
  }

  @Post('cancel')
  @HttpCode(200)
  @ApiPartnerOperation({
    operationId: 'cancelBooking',
    summary: 'Cancel an approved booking',
    description: 'No request body. Refund = largest refund offered by the supplier at call time.',
    ok: { description: 'Cancelled.', type: BookingCancellationSchema },
    errors: [404, 422],
  })
  cancelBooking(
    @CurrentClient() client: ClientSnapshot,
    @Param('booking_id') bookingId: string,
  ): Promise<BookingCancellation> {
    return this.service.cancel(client, bookingId);
  }
}
