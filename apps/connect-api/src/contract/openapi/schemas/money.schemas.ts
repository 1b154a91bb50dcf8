import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { PRICE_TYPES } from './enums.schemas';
import { schemaRef } from './schema-ref';

@ApiSchema({ name: 'Money' })
export class MoneySchema {
  @ApiProperty({ type: 'string', allOf: [schemaRef('CurrencyCode')] })
  currency!: string;

  @ApiProperty({ type: 'string', allOf: [schemaRef('Amount')] })
  amount!: string;
}

@ApiSchema({ name: 'MoneyInput', description: 'Money in requests; `amount` may leniently be a JSON number.' })
export class MoneyInputSchema {
  @ApiProperty({ type: 'string', pattern: '^[A-Za-z]{3}$' })
  currency!: string;

  @ApiProperty({
    oneOf: [
      { type: 'string', pattern: '^[0-9]+(\\.[0-9]+)?$' },
      { type: 'number', minimum: 0 },
    ],
  })
  amount!: string | number;
}

@ApiSchema({ name: 'GrossPrice' })
export class GrossPriceSchema {
  @ApiProperty({ type: 'string', allOf: [schemaRef('Amount')] })
  amount!: string;

  @ApiProperty({ type: 'string', allOf: [schemaRef('CurrencyCode')] })
  currency!: string;

  @ApiProperty({ enum: PRICE_TYPES, enumName: 'PriceType' })
  price_type!: (typeof PRICE_TYPES)[number];

  @ApiPropertyOptional({
    type: 'string',
    description: 'Only when gross currency differs from net currency.',
    allOf: [schemaRef('Amount')],
  })
  amount_in_net_currency?: string;
}

@ApiSchema({ name: 'Pricing', description: 'Totals for all passengers of the search.' })
export class PricingSchema {
  @ApiPropertyOptional({ type: () => GrossPriceSchema })
  gross_price?: GrossPriceSchema;

  @ApiProperty({ type: () => MoneySchema })
  net_price!: MoneySchema;

  @ApiPropertyOptional({ type: () => MoneySchema })
  taxes_and_fees?: MoneySchema;
}

@ApiSchema({ name: 'Penalty', description: 'Exactly one of `percent` / `amount`.' })
export class PenaltySchema {
  @ApiPropertyOptional({ type: 'number', minimum: 0, maximum: 100 })
  percent?: number;

  @ApiPropertyOptional({ type: () => MoneySchema })
  amount?: MoneySchema;
}

@ApiSchema({ name: 'CancellationPolicy' })
export class CancellationPolicySchema {
  @ApiProperty({
    description: 'Window start as time before departure; null = from booking.',
    oneOf: [schemaRef('IsoDuration'), { type: 'null' }],
  })
  from!: string | null;

  @ApiProperty({ type: () => PenaltySchema })
  penalty!: PenaltySchema;
}
