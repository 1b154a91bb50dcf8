import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { BookingCancellation as BookingCancellationWire } from '../../booking/booking-cancellation';
import { MoneySchema } from './money.schemas';

@ApiSchema({ name: 'TicketResponse' })
export class TicketResponseSchema {
  @ApiProperty({ type: 'string', format: 'uri' })
  ticket_url!: string;
}

@ApiSchema({ name: 'BookingCancellation' })
export class BookingCancellationSchema implements BookingCancellationWire {
  @ApiProperty({ type: 'string' })
  booking_id!: string;

  @ApiProperty({ type: 'string', enum: ['cancelled'] })
  booking_status!: 'cancelled';

  @ApiProperty({ type: () => MoneySchema })
  refund!: MoneySchema;
}
