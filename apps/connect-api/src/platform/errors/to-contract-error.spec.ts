import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { TwelveGoError } from '@app/twelvego-client';
import { RedisUnavailableError } from '../redis/redis-unavailable.error';
import { ContractError, CONTRACT_ERROR_STATUS } from './contract-error';
import { buildErrorEnvelope } from './error-envelope';
import { toContractError } from './to-contract-error';

describe('toContractError', () => {
  it('passes ContractError through and maps TwelveGoError', () => {
    const ce = new ContractError('cost_mismatch');
    expect(toContractError(ce)).toBe(ce);
    expect(toContractError(new TwelveGoError({ kind: 'timeout', operation: 'search' })).code).toBe(
      'upstream_timeout',
    );
  });

  it('Redis connection failures → 503 upstream_unavailable with Retry-After', () => {
    for (const e of [
      new RedisUnavailableError('get'),
      new Error('Connection is closed.'),
      new Error('Command timed out'),
    ]) {
      expect(toContractError(e)).toMatchObject({
        status: 503,
        code: 'upstream_unavailable',
        retryAfterSec: 5,
      });
    }
  });

  it('framework errors map by status with generic messages', () => {
    expect(toContractError(new NotFoundException('Cannot GET /x'))).toMatchObject({
      status: 404,
      code: 'not_found',
    });
    expect(toContractError(new BadRequestException('secret detail'))).toMatchObject({
      status: 400,
      code: 'validation_error',
    });
    expect(toContractError(new BadRequestException('secret detail')).message).not.toContain('secret');
    expect(toContractError(new HttpException('x', 413)).code).toBe('payload_too_large');
    expect(toContractError(new HttpException('x', 415)).code).toBe('unsupported_media_type');
    expect(toContractError(Object.assign(new Error('x'), { statusCode: 405 })).code).toBe(
      'method_not_allowed',
    );
  });

  it('anything else → 500 internal_error without the original message', () => {
    const mapped = toContractError(new TypeError('cannot read x of undefined at host db-1'));
    expect(mapped).toMatchObject({ status: 500, code: 'internal_error' });
    expect(mapped.message).not.toContain('db-1');
    expect(toContractError('a string').code).toBe('internal_error');
  });
});

describe('ContractError and the envelope', () => {
  it('takes its status from the one table; only listed codes accept an alternative status', () => {
    expect(new ContractError('booking_not_found').status).toBe(404);
    expect(new ContractError('upstream_unavailable', undefined, { status: 503 }).status).toBe(503);
    expect(new ContractError('booking_not_found', undefined, { status: 500 }).status).toBe(404);
    expect(Object.keys(CONTRACT_ERROR_STATUS)).toEqual(
      expect.arrayContaining([
        'validation_error',
        'invalid_json',
        'credit_limit_exceeded',
        'ticket_not_available',
        'result_expired',
      ]),
    );
  });

  it('renders code, message, details and meta only when present', () => {
    const ids = { correlationId: 'c', requestId: 'r' };
    expect(buildErrorEnvelope(new ContractError('not_found'), ids)).toEqual({
      error: { code: 'not_found', message: expect.any(String) },
      correlation_id: 'c',
      request_id: 'r',
    });
    const full = buildErrorEnvelope(
      new ContractError('already_reserved', 'm', { meta: { booking_id: '1' }, details: [{ field: 'f' }] }),
      ids,
    );
    expect(full.error).toEqual({
      code: 'already_reserved',
      message: 'm',
      details: [{ field: 'f' }],
      meta: { booking_id: '1' },
    });
  });
});
