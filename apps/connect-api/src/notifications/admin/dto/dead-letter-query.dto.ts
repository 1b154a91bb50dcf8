import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

/** The filters a dead-letter listing and a bulk replay share. */
class DeadLetterFilterDto {
  @IsOptional()
  @IsString()
  @MaxLength(50)
  client_id?: string;

  @IsOptional()
  @Matches(/^[a-z_]{1,50}$/)
  reason?: string;
}

export class DeadLetterQueryDto extends DeadLetterFilterDto {
  @IsIn(['deliver', 'inbound'])
  queue: 'deliver' | 'inbound' = 'deliver';

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit = 100;

  @IsOptional()
  @Matches(/^\d{1,9}$/)
  cursor?: string;
}

export class BulkReplayDto extends DeadLetterFilterDto {
  @IsIn(['deliver', 'inbound'])
  queue!: 'deliver' | 'inbound';

  @IsOptional()
  @IsISO8601()
  since?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  limit = 100;
}

export class ReplayQueryDto {
  @IsOptional()
  @IsIn(['true', 'false'])
  refresh?: 'true' | 'false';
}
