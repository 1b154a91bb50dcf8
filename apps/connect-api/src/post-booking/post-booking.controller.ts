import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { ClientSnapshot } from '../platform/clients/client-snapshot';
import { CurrentClient } from '../platform/clients/current-client.decorator';
import type { BookingCancellation } from './booking-cancellation.mapper';
import type { ContractBooking } from './contract-booking';
import { PostBookingService } from './post-booking.service';

/** D18: how long a partner should wait before asking again for a ticket being produced. */
const TICKET_RETRY_AFTER_S = '10';

@Controller('v1/:client_id/bookings/:booking_id')
export class PostBookingController {
  constructor(private readonly service: PostBookingService) {}

  @Get()
  getBookingDetails(
    @CurrentClient() client: ClientSnapshot,
    @Param('booking_id') bookingId: string,
  ): Promise<ContractBooking> {
    return this.service.getDetails(client, bookingId);
  }

  /** 200 `{ticket_url}`, or a bodiless 202 + Retry-After while the ticket is produced (D18). */
  @Get('ticket')
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
  cancelBooking(
    @CurrentClient() client: ClientSnapshot,
    @Param('booking_id') bookingId: string,
  ): Promise<BookingCancellation> {
    return this.service.cancel(client, bookingId);
  }
}
