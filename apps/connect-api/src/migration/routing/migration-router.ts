import { Injectable, OnModuleInit } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ClientSnapshot } from '../../platform/clients/client-snapshot';
import { contextForRawRequest } from '../../platform/context/raw-request-context';
import { ClientDiversion, type ClientRequestDiverter } from '../../platform/http/client-diversion';
import { endpointOf, SHADOW_SAFE_ENDPOINTS } from '../compare';
import { ShadowMarker } from '../shadow/shadow-marker';
import { ShadowRunner } from '../shadow/shadow-runner';
import { LegacyProxy } from './legacy-proxy';

/**
 * The per-client route, decided per request from the snapshot it authenticated with (a reload applies
 * to the next request): `legacy` → proxied; `shadow` → proxied, and safe reads also run through the BFF
 * in the background for a comparison; the BFF's own shadow runs are answered here.
 */
@Injectable()
export class MigrationRouter implements ClientRequestDiverter, OnModuleInit {
  constructor(
    private readonly diversion: ClientDiversion,
    private readonly proxy: LegacyProxy,
    private readonly marker: ShadowMarker,
    private readonly shadow: ShadowRunner,
  ) {}

  onModuleInit(): void {
    this.diversion.register(this);
  }

  async divert(request: FastifyRequest, reply: FastifyReply, client: ClientSnapshot): Promise<boolean> {
    if (this.marker.isShadowRun(request)) {
      contextForRawRequest(request.raw).migration = 'shadow_run';
      return false;
    }
    if (client.route === 'legacy') {
      await this.proxy.forward(request, reply);
      return true;
    }
    const endpoint = endpointOf(request.method, request.url);
    if (client.route !== 'shadow' || !SHADOW_SAFE_ENDPOINTS.has(endpoint)) {
      await this.proxy.forward(request, reply);
      return true;
    }
    if (!this.shadow.reserve()) {
      // No place for a comparison: legacy's answer is not even copied.
      this.shadow.dropped(client.clientId, endpoint, 'queue_full');
      await this.proxy.forward(request, reply);
      return true;
    }
    let held = true;
    const release = () => {
      if (held) this.shadow.release();
      held = false;
    };
    const ctx = contextForRawRequest(request.raw);
    const headers = { ...request.headers };
    try {
      await this.proxy.forward(request, reply, {
        capture: {
          budget: this.shadow.bytes,
          onAnswered: (answer) => {
            release();
            if (answer === 'too_large' || answer === 'over_budget')
              return this.shadow.dropped(client.clientId, endpoint, answer);
            this.shadow.enqueue({
              clientId: client.clientId,
              endpoint,
              correlationId: ctx.correlationId,
              method: 'GET',
              url: request.url,
              headers,
              legacy: answer,
            });
          },
        },
      });
    } finally {
      release();
    }
    return true;
  }
}
