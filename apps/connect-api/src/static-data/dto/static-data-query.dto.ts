import { IsOptional, Matches } from 'class-validator';

/** `locale` never fails (unknown → `en`, docs/contract/README.md D4); it is read as-is and normalised by the controller. */
export class StaticUrlQueryDto {
  @IsOptional()
  locale?: unknown;
}

export class GetListQueryDto {
  @IsOptional()
  locale?: unknown;

  @IsOptional()
  @Matches(/^(true|false)$/i, { message: 'top10K must be true or false' })
  top10K?: string;
}
