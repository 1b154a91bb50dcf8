import { Injectable } from '@nestjs/common';
import type { ClientSnapshot } from '../../platform/clients/client-snapshot';
import { AppConfig } from '../../platform/config/app-config';
import { ContractError } from '../../platform/errors/contract-error';
import { IncompleteResultsStore } from './incomplete-results.store';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type PollOutcome =
  | { kind: 'running'; location: string }
  | { kind: 'finished'; status: number; body: unknown; headers: Record<string, string> };

/** IncompleteResults polling (client-api.md §4.9, operations.md §3.2 step 3). */
@Injectable()
export class IncompleteResultsService {
  private readonly expiryMs: number;

  constructor(
    private readonly store: IncompleteResultsStore,
    config: AppConfig,
  ) {
    this.expiryMs = config.INCOMPLETE_RESULTS_EXPIRY_MIN * 60_000;
  }

  async poll(client: ClientSnapshot, rawId: string, now: number = Date.now()): Promise<PollOutcome> {
    if (!UUID_RE.test(rawId)) throw new ContractError('incomplete_result_not_found');
    const id = rawId.toLowerCase();
    const record = await this.store.read(id);
    if (!record || record.clientId !== client.clientId) throw new ContractError('incomplete_result_not_found');
    if (record.statusCode === 202) {
      if (now - record.createdAt > this.expiryMs) throw new ContractError('result_expired');
      return { kind: 'running', location: `/v1/${client.clientId}/incomplete_results/${id}` };
    }
    if (now - record.updatedAt > this.expiryMs) throw new ContractError('result_expired');
    let headers: Record<string, string> = {};
    try {
      headers = JSON.parse(record.headers) as Record<string, string>;
    } catch {
      headers = {};
    }
    return { kind: 'finished', status: record.statusCode, body: JSON.parse(record.result), headers };
  }
}
