import { Controller, Get, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CurrentClient } from '../platform/clients/current-client.decorator';
import type { ClientSnapshot } from '../platform/clients/client-snapshot';
import { IncompleteResultsService } from './async-flow/incomplete-results.service';

/** IncompleteResults polling (client-api.md §4.9): 202 while running, then the replayed outcome. */
@Controller()
export class IncompleteResultsController {
  constructor(private readonly results: IncompleteResultsService) {}

  @Get('v1/:client_id/incomplete_results/:incomplete_results_id')
  async poll(
    @CurrentClient() client: ClientSnapshot,
    @Param('incomplete_results_id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    reply.header('cache-control', 'no-store');
    const outcome = await this.results.poll(client, id);
    if (outcome.kind === 'running') {
      reply.status(202).header('location', outcome.location).header('retry-after', '1');
      return undefined;
    }
    reply.status(outcome.status);
    for (const [name, value] of Object.entries(outcome.headers)) reply.header(name, value);
    return outcome.body;
  }
}
