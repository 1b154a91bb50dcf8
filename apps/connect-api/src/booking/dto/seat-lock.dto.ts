import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsNotEmpty,
  IsObject,
  IsString,
  ValidateNested,
} from 'class-validator';

export class SeatLockDataDto {
  @IsArray()
  @ArrayMinSize(1, { message: 'seat_selection must contain at least one seat' })
  @IsString({ each: true })
  @IsNotEmpty({ each: true, message: 'seat ids must not be empty' })
  @ArrayUnique({ message: 'seat_selection contains a seat twice' })
  seat_selection!: string[];
}

export class SeatLockRequestDto {
  @IsString()
  @IsNotEmpty()
  booking_token!: string;

  @IsObject()
  @ValidateNested()
  @Type(() => SeatLockDataDto)
  booking_data!: SeatLockDataDto;
}

export interface SeatLockRequest {
  booking_token: string;
  booking_data: { seat_selection: string[] };
}
