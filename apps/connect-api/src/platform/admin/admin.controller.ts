import { hostname } from 'node:os';
import { Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AppConfig } from '../config/app-config';
import { ClientRegistry } from '../clients/client-registry';
import { ContractError } from '../errors/contract-error';
import { RedisService } from '../redis/redis.service';
import { adminClientView } from './admin-client.view';
import { AdminGuard } from './admin.guard';

/** docs/operations.md#admin-api: the platform's admin routes (notification routes live with notifications). */
@ApiExcludeController()
@Controller('admin')
@UseGuards(AdminGuard)
export class AdminController {
  private readonly startedAt = new Date();

  constructor(
    private readonly config: AppConfig,
    private readonly registry: ClientRegistry,
    private readonly redis: RedisService,
  ) {}

  @Get('version')
  version() {
    const snapshot = this.registry.snapshot();
    return {
      service: this.config.DD_SERVICE,
      version: this.config.DD_VERSION,
      build_sha: this.config.BUILD_SHA,
      build_time: this.config.BUILD_TIME,
      node_version: process.version,
      instance_id: hostname(),
      started_at: this.startedAt.toISOString(),
      uptime_s: Math.floor((Date.now() - this.startedAt.getTime()) / 1000),
      role: this.config.ROLE,
      config_loaded_at: snapshot.loadedAt.toISOString(),
      config_sha256: snapshot.sha256,
      clients_enabled: snapshot.enabledCount,
      redis: this.redisView(),
    };
  }

  /** Topology (no credentials) and the node this instance's request-path connection is answered by. */
  private redisView() {
    const { topology, node } = this.redis.describe();
    return { topology, node: node ?? null, connected: this.redis.isAvailable() };
  }

  @Get('clients')
  clients() {
    const now = Date.now();
    return { clients: this.registry.all().map((c) => adminClientView(c, now)) };
  }

  @Get('clients/:client_id')
  client(@Param('client_id') clientId: string) {
    const client = this.registry.get(clientId);
    if (!client) throw new ContractError('not_found', 'No such client.');
    return adminClientView(client);
  }

  @Post('config/reload')
  @HttpCode(200)
  async reload() {
    const result = await this.registry.reload('admin');
    return {
      ok: result.ok,
      problems: result.problems ?? [],
      config_sha256: result.sha256,
      clients_enabled: result.enabledClients,
      config_loaded_at: result.loadedAt,
    };
  }
}
