import { IsISO8601, IsOptional, Matches } from 'class-validator';

export class ShadowReportQueryDto {
  @Matches(/^[a-z0-9][a-z0-9_-]{1,49}$/, { message: 'client_id must be a client id' })
  client_id!: string;

  /** ISO-8601 instant; default 24 hours ago. */
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'since must be an ISO-8601 date-time' })
  since?: string;
}
