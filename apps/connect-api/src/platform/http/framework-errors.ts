import type { FastifyReply, FastifyRequest } from 'fastify';
import { contextForRawRequest } from '../context/raw-request-context';
import { ContractError } from '../errors/contract-error';
import { sendContractError } from '../errors/error-response';

/**
 * Router-level failures that happen before any hook (malformed percent-encoding, an over-long path
 * parameter): the same envelope and tracing headers as everything else, 400 `validation_error`.
 */
export function renderFrameworkError(
  error: Error & { code?: string },
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const ctx = contextForRawRequest(request.raw);
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  const contractError = new ContractError(
    'validation_error',
    tooLong ? 'A path parameter is too long.' : 'The request path is malformed.',
    {
      details: [
        {
          field: 'path',
          reason: tooLong ? 'out_of_range' : 'invalid_format',
          message: tooLong ? 'A path parameter is too long.' : 'The path is not validly encoded.',
        },
      ],
    },
  );
  ctx.errorCode = contractError.code;
  void sendContractError(reply, contractError, ctx);
}
