import { HttpException } from '@nestjs/common';
import type { TwelveGoErrorBody, TwelveGoErrorProduct } from '@app/twelvego-client';

/** An answer with one of 12go's error bodies (docs/upstream-12go.md#errors); rendered verbatim by the exception filter. */
export class UpstreamError extends HttpException {
  constructor(
    status: number,
    readonly body: TwelveGoErrorBody | Record<string, unknown>,
  ) {
    super(body, status);
  }
}

export const TRIP_NO_LONGER_AVAILABLE = 'Trip is no longer available';

export function notFound(what: string): UpstreamError {
  return new UpstreamError(404, { messages: [`${what} not found`] });
}

/** 400/422 with `fields` (omitted when empty, docs/upstream-12go.md#errors). */
export function fieldErrors(
  status: 400 | 422,
  fields: Record<string, string>,
  message: string,
): UpstreamError {
  return new UpstreamError(
    status,
    Object.keys(fields).length ? { fields, messages: [message] } : { messages: [message] },
  );
}

export function tripUnavailable(
  status: 400 | 422,
  product: TwelveGoErrorProduct,
  routeName: string,
  reasonMessage: string,
): UpstreamError {
  return new UpstreamError(status, {
    messages: [TRIP_NO_LONGER_AVAILABLE],
    data: {
      reasons: [
        {
          reason_code: 'bad_trip_details',
          reason_message: reasonMessage,
          route_name: routeName,
          product,
          trip: { ...product },
        },
      ],
    },
  });
}

export function internalServerError(): UpstreamError {
  return new UpstreamError(500, { messages: ['Internal server error'] });
}
