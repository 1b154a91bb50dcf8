import { Controller, Get, Header, Inject, Param, Query } from '@nestjs/common';
import { SANDBOX_CONFIG, SandboxConfig } from '../config/sandbox-config';
import { ticketHash } from '../booking/booking-ids';
import { ticketPdf } from '../booking/ticket-pdf';
import { notFound } from '../http/upstream-error';
import { SandboxState } from '../state/sandbox-state';

/** Ticket links of docs/upstream-12go.md#state-and-timers: a small deterministic PDF while the booking is confirmed. No `k`. */
@Controller()
export class TicketController {
  constructor(
    @Inject(SANDBOX_CONFIG) private readonly config: SandboxConfig,
    private readonly state: SandboxState,
  ) {}

  @Get('en/ticket/:bid')
  @Header('Content-Type', 'application/pdf')
  ticket(@Param('bid') bid: string, @Query('h') h: string | undefined): Buffer {
    const booking = /^\d+$/.test(bid) ? this.state.bookings.get(Number(bid)) : undefined;
    if (!booking || booking.status !== 'confirmed' || h !== ticketHash(this.config.secret, booking.bid))
      throw notFound('Ticket');
    return ticketPdf(booking);
  }
}
