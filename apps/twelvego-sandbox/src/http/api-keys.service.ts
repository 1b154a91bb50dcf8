import { Inject, Injectable } from '@nestjs/common';
import { SANDBOX_CONFIG, SandboxApiKey, SandboxConfig } from '../config/sandbox-config';
import { SandboxState } from '../state/sandbox-state';

/** The agent accounts of docs/upstream-12go.md#the-sandbox and their webhook targets (docs/upstream-12go.md#webhook-sender). */
@Injectable()
export class ApiKeysService {
  private readonly byKey: Map<string, SandboxApiKey>;

  constructor(
    @Inject(SANDBOX_CONFIG) private readonly config: SandboxConfig,
    private readonly state: SandboxState,
  ) {
    this.byKey = new Map(config.apiKeys.map((k) => [k.key, k]));
  }

  /** The enabled account of a `k` value, or null. */
  resolve(k: unknown): SandboxApiKey | null {
    if (typeof k !== 'string' || k === '') return null;
    const account = this.byKey.get(k);
    return account && !account.disabled ? account : null;
  }

  isKnown(k: string): boolean {
    return this.byKey.has(k);
  }

  currencyOf(k: string): string {
    return this.byKey.get(k)?.currency ?? 'THB';
  }

  webhookTarget(k: string): string | null {
    if (this.state.webhookTargets.has(k)) return this.state.webhookTargets.get(k) ?? null;
    return this.byKey.get(k)?.webhookUrl ?? this.config.webhookUrl;
  }
}
