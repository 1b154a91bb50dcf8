import { createHash } from 'node:crypto';
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { hashIdentity, parseApiKeyHash } from './api-key-hash';
import { ClientEntryDto, ClientsFileDto } from './client-file.dto';
import { clientEnvName, FileReader, resolveSecret, resolveSecretList } from './client-secrets';
import { ClientSnapshot, WEBHOOK_EVENT_TYPES, WebhookEventType } from './client-snapshot';
import { ApiKeyMaterial, isKeyActive, RegistrySnapshot } from './registry-snapshot';
import { webhookUrlProblems } from './webhook-url.rules';

export interface RegistryBuildOptions {
  env: Readonly<Record<string, string | undefined>>;
  allowInlineSecrets: boolean;
  requireHttpsWebhooks: boolean;
  allowPrivateTargets: boolean;
  defaultRateLimit: { rps: number; burst: number };
  readFile: FileReader;
  now?: Date;
  /** `LEGACY_BASE_URL`; a client routed `legacy` or `shadow` needs it. */
  legacyBaseUrl?: string;
}

export class ClientsConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid client configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ClientsConfigError';
  }
}

export interface RegistryBuildResult {
  snapshot: RegistrySnapshot;
  /** Non-fatal findings (shared 12go keys, keys expiring within 14 days). */
  warnings: Array<{ event: string; message: string; clientId: string; keyId?: string }>;
}

const WHSEC = /^whsec_([A-Za-z0-9+/]+={0,2})$/;
const FOURTEEN_DAYS_MS = 14 * 24 * 3600 * 1000;

function flattenValidation(errors: ValidationError[], path: string): string[] {
  const out: string[] = [];
  for (const e of errors) {
    const here = /^\d+$/.test(e.property)
      ? `${path}[${e.property}]`
      : path
        ? `${path}.${e.property}`
        : e.property;
    for (const msg of Object.values(e.constraints ?? {})) out.push(`${here}: ${msg}`);
    if (e.children?.length) out.push(...flattenValidation(e.children, here));
  }
  return out;
}

function isValidWebhookSecret(secret: string): boolean {
  const m = WHSEC.exec(secret);
  if (!m) return false;
  const bytes = Buffer.from(m[1], 'base64').length;
  return bytes >= 24 && bytes <= 64;
}

function isValidPercent(value: string): boolean {
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 && n <= 100;
}

/** docs/platform.md#client-registry: read → parse → validate → resolve secrets → immutable snapshot. Throws with every problem. */
export function buildRegistrySnapshot(content: string, opts: RegistryBuildOptions): RegistryBuildResult {
  let raw: unknown;
  try {
    raw = JSON.parse(content);
  } catch (e) {
    throw new ClientsConfigError([`file is not valid JSON (${(e as Error).message})`]);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new ClientsConfigError(['file must hold a JSON object']);
  const file = plainToInstance(ClientsFileDto, raw);
  const problems = flattenValidation(validateSync(file, { forbidUnknownValues: false }), '');
  if (problems.length > 0) throw new ClientsConfigError(problems);

  const now = (opts.now ?? new Date()).getTime();
  const warnings: RegistryBuildResult['warnings'] = [];
  const clients = new Map<string, ClientSnapshot>();
  const keys = new Map<string, ApiKeyMaterial[]>();
  const envNames = new Map<string, string>();
  const hashOwners = new Map<string, string>();

  file.clients.forEach((entry: ClientEntryDto, index) => {
    const where = `clients[${index}] (${entry.client_id})`;
    const problem = (msg: string) => problems.push(`${where}: ${msg}`);
    if (clients.has(entry.client_id)) return problem('client_id is not unique');
    const envName = clientEnvName(entry.client_id);
    const clash = envNames.get(envName);
    if (clash) problem(`client_id maps to the same env name CLIENT_${envName}_… as "${clash}"`);
    envNames.set(envName, entry.client_id);

    const material: ApiKeyMaterial[] = [];
    const keyIds = new Set<string>();
    for (const k of entry.api_keys) {
      if (keyIds.has(k.id)) problem(`api key id "${k.id}" is not unique`);
      keyIds.add(k.id);
      try {
        const hash = parseApiKeyHash(k.hash);
        const identity = hashIdentity(hash);
        const owner = hashOwners.get(identity);
        if (owner && owner !== entry.client_id)
          problem(`api key "${k.id}" has the same hash as a key of "${owner}"`);
        else if (owner) problem(`api key "${k.id}" repeats a hash of the same client`);
        hashOwners.set(identity, entry.client_id);
        const notBefore = k.not_before ? Date.parse(k.not_before) : undefined;
        const expiresAt = k.expires_at ? Date.parse(k.expires_at) : undefined;
        material.push({ id: k.id, hash, notBefore, expiresAt });
        if (expiresAt !== undefined && expiresAt > now && expiresAt - now <= FOURTEEN_DAYS_MS)
          warnings.push({
            event: 'api_key.expiring',
            message: `api key expires ${k.expires_at}`,
            clientId: entry.client_id,
            keyId: k.id,
          });
      } catch (e) {
        problem(`api key "${k.id}": ${(e as Error).message}`);
      }
    }
    const active = material.filter((m) => isKeyActive(m, now)).length;
    if (entry.enabled && active < 1) problem('an enabled client needs at least one active api key');
    if (active > 2) problem('at most 2 api keys may be active at once');

    let twelvego: { value?: string; source: ClientSnapshot['twelvegoApiKeySource'] } = { source: 'none' };
    try {
      twelvego = resolveSecret(
        opts.env,
        `CLIENT_${envName}_TWELVEGO_API_KEY`,
        entry.twelvego_api_key,
        opts.readFile,
      );
    } catch (e) {
      problem((e as Error).message);
    }
    if (twelvego.source === 'inline' && !opts.allowInlineSecrets)
      problem(`inline twelvego_api_key is not allowed (use CLIENT_${envName}_TWELVEGO_API_KEY[_FILE])`);
    if (entry.enabled && !twelvego.value)
      problem(`no 12go key (set CLIENT_${envName}_TWELVEGO_API_KEY or its _FILE variant)`);

    let webhook: ClientSnapshot['webhook'];
    if (entry.webhook) {
      const allowPrivate = opts.allowPrivateTargets && entry.webhook.allow_private_target === true;
      for (const p of webhookUrlProblems(entry.webhook.url, {
        requireHttps: opts.requireHttpsWebhooks,
        allowPrivate,
      }))
        problem(p);
      let secrets: { value?: string[]; source: ClientSnapshot['twelvegoApiKeySource'] } = { source: 'none' };
      try {
        secrets = resolveSecretList(
          opts.env,
          `CLIENT_${envName}_WEBHOOK_SECRETS`,
          entry.webhook.secrets,
          opts.readFile,
        );
      } catch (e) {
        problem((e as Error).message);
      }
      if (secrets.source === 'inline' && !opts.allowInlineSecrets)
        problem(`inline webhook.secrets are not allowed (use CLIENT_${envName}_WEBHOOK_SECRETS[_FILE])`);
      const list = secrets.value ?? [];
      if (list.length < 1 || list.length > 2) problem('a client with webhook.url needs 1–2 webhook secrets');
      if (list.some((s) => !isValidWebhookSecret(s)))
        problem('webhook secrets must be whsec_<base64 of 24–64 bytes>');
      webhook = Object.freeze({
        url: entry.webhook.url,
        secrets: Object.freeze([...list]) as string[],
        secretsSource: secrets.source,
        enabled: entry.webhook.enabled ?? true,
        eventTypes: (entry.webhook.event_types as WebhookEventType[] | undefined) ?? [...WEBHOOK_EVENT_TYPES],
        allowPrivateTarget: allowPrivate,
      });
    }

    if (entry.markup) {
      if (!isValidPercent(entry.markup.percent)) problem('markup.percent must be within [0, 100]');
    }
    if (entry.route && entry.route !== 'bff' && !opts.legacyBaseUrl)
      problem(`route "${entry.route}" needs LEGACY_BASE_URL (the legacy system's base URL)`);
    const rateLimit = entry.rate_limit ?? opts.defaultRateLimit;
    if (rateLimit.burst < rateLimit.rps) problem('rate_limit.burst must be at least rate_limit.rps');

    keys.set(entry.client_id, material);
    clients.set(entry.client_id, {
      clientId: entry.client_id,
      name: entry.name,
      enabled: entry.enabled,
      twelvegoApiKey: twelvego.value ?? '',
      twelvegoApiKeySource: twelvego.source,
      apiKeys: material.map((m) => ({
        id: m.id,
        notBefore: m.notBefore !== undefined ? new Date(m.notBefore) : undefined,
        expiresAt: m.expiresAt !== undefined ? new Date(m.expiresAt) : undefined,
        hashPrefix: m.hash.digest.toString('hex').slice(0, 8),
        format: m.hash.format,
      })),
      webhook,
      defaults: { currency: entry.defaults?.currency, locale: entry.defaults?.locale ?? 'en' },
      markup: entry.markup
        ? {
            percent: entry.markup.percent,
            fixedPerBooking: entry.markup.fixed_per_booking
              ? {
                  amount: entry.markup.fixed_per_booking.amount,
                  currency: entry.markup.fixed_per_booking.currency,
                }
              : null,
          }
        : null,
      rateLimit: { rps: rateLimit.rps, burst: rateLimit.burst },
      asyncFlow: entry.async_flow ?? false,
      strictOwnership: entry.strict_ownership ?? false,
      sharedUpstreamKey: false,
      acceptLegacyTokens: entry.accept_legacy_tokens ?? false,
      itineraryIdFormat: entry.itinerary_id_format ?? 'native',
      idScheme: entry.id_scheme ?? 'mapped',
      contractCode: entry.contract_code ?? '12go',
      route: entry.route ?? 'bff',
    });
  });
  if (problems.length > 0) throw new ClientsConfigError(problems);

  // Rule 6: a shared 12go key is allowed (internal accounts) but forces strict ownership on every sharer.
  const byUpstreamKey = new Map<string, string[]>();
  for (const c of clients.values()) {
    if (!c.enabled || !c.twelvegoApiKey) continue;
    byUpstreamKey.set(c.twelvegoApiKey, [...(byUpstreamKey.get(c.twelvegoApiKey) ?? []), c.clientId]);
  }
  for (const ids of byUpstreamKey.values()) {
    if (ids.length < 2) continue;
    for (const id of ids) {
      clients.set(id, { ...clients.get(id)!, strictOwnership: true, sharedUpstreamKey: true });
      warnings.push({
        event: 'client.shared_upstream_key',
        message: `12go key shared with ${ids.filter((x) => x !== id).join(', ')}`,
        clientId: id,
      });
    }
  }
  for (const [id, c] of clients) clients.set(id, Object.freeze(c));

  return {
    snapshot: Object.freeze({
      clients,
      keys,
      loadedAt: new Date(now),
      sha256: createHash('sha256').update(content).digest('hex'),
      enabledCount: [...clients.values()].filter((c) => c.enabled).length,
    }),
    warnings,
  };
}
