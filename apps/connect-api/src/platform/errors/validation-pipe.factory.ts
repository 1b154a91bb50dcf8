import { ValidationPipe } from '@nestjs/common';
import { ContractError } from './contract-error';
import { mapValidationErrors } from './validation-errors.mapper';

/**
 * The global DTO pipe (class-validator, docs/platform.md#validation): transforms, ignores unknown properties
 * (docs/contract/README.md#conventions) and reports every problem at once as 400 `validation_error`.
 */
export function createContractValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: false,
    forbidUnknownValues: false,
    validationError: { target: false, value: true },
    exceptionFactory: (errors) =>
      new ContractError('validation_error', 'The request is invalid.', {
        details: mapValidationErrors(errors),
      }),
  });
}
