import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { createBullBoard as CreateBullBoard } from '@bull-board/api';
import type { BullMQAdapter as BullMQAdapterClass } from '@bull-board/api/bullMQAdapter';
import type { FastifyInstance } from 'fastify';
import { AppConfig } from '../../platform/config/app-config';
import { NotificationQueues } from '../queueing/notification-queues';
import { FastifyQueueBoardAdapter } from './queue-board.adapter';
import { queueBoardJobData } from './queue-board.view';

export const QUEUE_BOARD_PATH = '/admin/queues';

/** Routes that write job data the board does not show in full (bodies are hidden): never mounted. */
const DATA_WRITING_ROUTES = ['/api/queues/:queueName/add', '/api/queues/:queueName/:jobId/update-data'];

/**
 * bull-board over the two notification queues at `/admin/queues` (docs/adr/0171-queue-view-for-operators.md).
 * Every route is under `/admin/`, so the platform's admin hook authenticates it (no ADMIN_TOKENS → 404,
 * no or a wrong token → 401) and audit-logs it. Read-only unless ADMIN_QUEUES_WRITE=true; job data is shown
 * without webhook bodies (booking payloads), like the dead-letter admin API.
 */
@Injectable()
export class QueueBoardRoute implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly queues: NotificationQueues,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify || typeof fastify.register !== 'function' || this.config.adminTokens.length === 0) return;
    // Loaded only where the board is mounted: bull-board and its dependencies are ≈ 1 MiB of module source
    // and code a process without ADMIN_TOKENS never uses (P8 in docs/benchmarks.md).
    const { createBullBoard } = require('@bull-board/api') as { createBullBoard: typeof CreateBullBoard };
    const { BullMQAdapter } = require('@bull-board/api/bullMQAdapter') as {
      BullMQAdapter: typeof BullMQAdapterClass;
    };
    const readOnlyMode = !this.config.ADMIN_QUEUES_WRITE;
    const adapters = [this.queues.inbound, this.queues.deliver].map((queue) => {
      const adapter = new BullMQAdapter(queue, { readOnlyMode, allowRetries: !readOnlyMode });
      adapter.setFormatter('data', queueBoardJobData);
      return adapter;
    });
    const server = new FastifyQueueBoardAdapter(QUEUE_BOARD_PATH, DATA_WRITING_ROUTES);
    createBullBoard({
      queues: adapters,
      serverAdapter: server,
      // bull-board finds @bull-board/ui itself (a runtime require.resolve inside its own package).
      options: { uiConfig: { boardTitle: 'Travelier Connect queues' } },
    });
    server.register(fastify);
  }
}
