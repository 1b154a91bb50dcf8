import { applyDecorators, type Type } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse } from '@nestjs/swagger';
import {
  ApiContractErrors,
  ApiFunnelQuery,
  COMMON_ERROR_STATUSES,
  SUCCESS_HEADERS,
} from './partner-route.decorators';

export interface PartnerOperation {
  operationId: string;
  summary: string;
  description?: string;
  /** The 200 answer and its schema. */
  ok: { description: string; type: Type<unknown> };
  /** The request body's schema, for an operation that takes one. */
  body?: Type<unknown>;
  /** Other answers (a 202), documented between the errors and the 200. */
  also?: MethodDecorator[];
  /** Error statuses beyond COMMON_ERROR_STATUSES. */
  errors: number[];
}

/**
 * A funnel or post-booking operation: summary, `locale` + `currency`, the body, the 200 with the success
 * headers, and its errors. Applied in the order the former decorator stacks were (bottom first), so the
 * generated document does not change.
 */
export function ApiPartnerOperation(op: PartnerOperation): MethodDecorator {
  return applyDecorators(
    ApiContractErrors(...COMMON_ERROR_STATUSES, ...op.errors),
    ...(op.also ?? []),
    ApiResponse({ status: 200, description: op.ok.description, type: op.ok.type, headers: SUCCESS_HEADERS }),
    ...(op.body ? [ApiBody({ required: true, type: op.body })] : []),
    ApiFunnelQuery(),
    ApiOperation({
      operationId: op.operationId,
      summary: op.summary,
      ...(op.description !== undefined ? { description: op.description } : {}),
    }),
  );
}
