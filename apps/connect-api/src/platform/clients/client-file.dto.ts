import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  Equals,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotIn,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  Matches,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { CLIENT_ROUTES, type ClientRoute, WEBHOOK_EVENT_TYPES } from './client-snapshot';

/** docs/platform.md#client-registry: the clients.json file, validated with class-validator (docs/platform.md#validation). */

export const RESERVED_CLIENT_IDS = ['admin', 'health', 'webhooks', 'internal'];
const DECIMAL = /^\d+(\.\d+)?$/;

export class ApiKeyEntryDto {
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{1,40}$/, { message: 'id must be a short label (A-Z a-z 0-9 . _ -)' })
  id!: string;
  @IsString()
  @Matches(/^(sha256:[0-9a-f]{64}|pbkdf2:(sha1|sha256|sha512):\d+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+)$/, {
    message:
      'hash must be sha256:<64 lower-case hex> or pbkdf2:<sha1|sha256|sha512>:<iterations>:<salt_b64>:<hash_b64>',
  })
  hash!: string;
  @IsOptional() @IsISO8601({ strict: true }) not_before?: string;
  @IsOptional() @IsISO8601({ strict: true }) expires_at?: string;
}

export class WebhookDto {
  @IsString() url!: string;
  @IsOptional() @IsArray() @IsString({ each: true }) secrets?: string[];
  @IsOptional() @IsBoolean() enabled?: boolean;
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENT_TYPES as string[], { each: true })
  event_types?: string[];
  @IsOptional() @IsBoolean() allow_private_target?: boolean;
}

export class DefaultsDto {
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'defaults.currency must be 3 upper-case letters' })
  currency?: string;
  @IsOptional()
  @Matches(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { message: 'defaults.locale must be a BCP 47 language' })
  locale?: string;
}

export class MoneyDto {
  @IsString() @Matches(DECIMAL, { message: 'amount must be a decimal string' }) amount!: string;
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be 3 upper-case letters' }) currency!: string;
}

export class MarkupDto {
  @IsString() @Matches(DECIMAL, { message: 'markup.percent must be a decimal string' }) percent!: string;
  @ValidateIf((_, v) => v !== null)
  @ValidateNested()
  @Type(() => MoneyDto)
  fixed_per_booking!: MoneyDto | null;
}

export class RateLimitDto {
  /** Tokens per second; a fraction allows slow partners (0.5 = one request per 2 s). */
  @IsNumber({ allowNaN: false, allowInfinity: false }) @IsPositive() rps!: number;
  @IsInt() @Min(1) burst!: number;
}

export class ClientEntryDto {
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9_-]{1,49}$/, { message: 'client_id must match ^[a-z0-9][a-z0-9_-]{1,49}$' })
  @IsNotIn(RESERVED_CLIENT_IDS, { message: 'client_id is a reserved name' })
  client_id!: string;
  @IsString() name!: string;
  @IsBoolean() enabled!: boolean;
  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => ApiKeyEntryDto)
  api_keys!: ApiKeyEntryDto[];
  @IsOptional() @IsString() twelvego_api_key?: string;
  @IsOptional() @ValidateNested() @Type(() => WebhookDto) webhook?: WebhookDto;
  @IsOptional() @ValidateNested() @Type(() => DefaultsDto) defaults?: DefaultsDto;
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @ValidateNested()
  @Type(() => MarkupDto)
  markup?: MarkupDto | null;
  @IsOptional() @ValidateNested() @Type(() => RateLimitDto) rate_limit?: RateLimitDto;
  @IsOptional() @IsBoolean() async_flow?: boolean;
  @IsOptional() @IsBoolean() strict_ownership?: boolean;
  @IsOptional() @IsBoolean() accept_legacy_tokens?: boolean;
  @IsOptional() @IsIn(['native', 'cipher', 'plain']) itinerary_id_format?: 'native' | 'cipher' | 'plain';
  @IsOptional() @IsIn(['mapped', 'native']) id_scheme?: 'mapped' | 'native';
  @IsOptional() @IsString() @Matches(/^[A-Za-z0-9]{1,20}$/) contract_code?: string;
  /** Where this client's requests are answered (docs/migration.md); default `bff`. */
  @IsOptional()
  @IsIn(CLIENT_ROUTES as string[], { message: `route must be one of: ${CLIENT_ROUTES.join(', ')}` })
  route?: ClientRoute;
}

export class ClientsFileDto {
  @Equals(1, { message: 'schema_version must be 1' }) schema_version!: number;
  @IsArray()
  @ArrayMaxSize(10_000)
  @ValidateNested({ each: true })
  @Type(() => ClientEntryDto)
  clients!: ClientEntryDto[];
}
