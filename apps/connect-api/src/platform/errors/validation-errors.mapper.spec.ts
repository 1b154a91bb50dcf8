import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, Matches, Max, ValidateNested, validateSync } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { mapValidationErrors } from './validation-errors.mapper';

class Passenger {
  @IsString() @Matches(/^[A-Z]+$/) first_name!: string;
}
class Body {
  @IsInt() @Max(9) pax!: number;
  @IsIn(['a', 'b']) mode!: string;
  @IsString() @Matches(/^x/, { context: { reason: 'invalid_format' } }) code!: string;
  @ValidateNested({ each: true }) @Type(() => Passenger) passengers!: Passenger[];
}

describe('mapValidationErrors', () => {
  it('reports every problem with a nested path and a docs/contract/errors.md#field-errors reason', () => {
    const body = plainToInstance(Body, {
      pax: 10,
      mode: 'c',
      code: 'y',
      passengers: [{ first_name: 'OK' }, { first_name: 'no' }, {}],
    });
    const details = mapValidationErrors(validateSync(body));
    expect(details).toEqual([
      { field: 'pax', reason: 'out_of_range', message: expect.any(String) },
      { field: 'mode', reason: 'invalid_value', message: expect.any(String) },
      { field: 'code', reason: 'invalid_format', message: expect.any(String) },
      { field: 'passengers[1].first_name', reason: 'pattern_mismatch', message: expect.any(String) },
      { field: 'passengers[2].first_name', reason: 'required', message: expect.any(String) },
    ]);
  });

  it('a wrong type is invalid_type', () => {
    const details = mapValidationErrors(
      validateSync(plainToInstance(Body, { pax: 'x', mode: 'a', code: 'x', passengers: [] })),
    );
    expect(details).toEqual([{ field: 'pax', reason: 'invalid_type', message: expect.any(String) }]);
  });
});
