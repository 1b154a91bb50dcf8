import type { ClientSnapshot, SecretSource } from '../clients/client-snapshot';
import { isKeyActive } from '../clients/registry-snapshot';

/** `****` + the last 4 characters (docs/operations.md#admin-api); short values are fully masked. */
export function maskSecret(value: string): string {
  if (!value) return '';
  return value.length >= 12 ? `****${value.slice(-4)}` : '****';
}

/** The URL with every query value masked (tokens often travel there). */
export function maskUrlQuery(url: string): string {
  try {
    const parsed = new URL(url);
    for (const key of [...new Set(parsed.searchParams.keys())]) parsed.searchParams.set(key, '****');
    return parsed.toString().replace(/%2A%2A%2A%2A/g, '****');
  } catch {
    return '****';
  }
}

export type ApiKeyStatus = 'active' | 'expired' | 'not_yet_valid';

/** A client as `/admin/clients` shows it: never a key, a full hash, or a secret. */
export function adminClientView(client: ClientSnapshot, now = Date.now()) {
  return {
    client_id: client.clientId,
    name: client.name,
    enabled: client.enabled,
    api_keys: client.apiKeys.map((key) => {
      const notBefore = key.notBefore?.getTime();
      const expiresAt = key.expiresAt?.getTime();
      const status: ApiKeyStatus = isKeyActive({ notBefore, expiresAt }, now)
        ? 'active'
        : expiresAt !== undefined && now >= expiresAt
          ? 'expired'
          : 'not_yet_valid';
      return {
        id: key.id,
        status,
        format: key.format,
        hash_prefix: key.hashPrefix.slice(0, 8),
        not_before: key.notBefore?.toISOString() ?? null,
        expires_at: key.expiresAt?.toISOString() ?? null,
      };
    }),
    twelvego_api_key: {
      value: maskSecret(client.twelvegoApiKey),
      source: client.twelvegoApiKeySource as SecretSource,
    },
    shared_upstream_key: client.sharedUpstreamKey,
    webhook: client.webhook
      ? {
          url: maskUrlQuery(client.webhook.url),
          enabled: client.webhook.enabled,
          event_types: client.webhook.eventTypes,
          allow_private_target: client.webhook.allowPrivateTarget,
          secrets: { count: client.webhook.secrets.length, source: client.webhook.secretsSource },
        }
      : null,
    defaults: { currency: client.defaults.currency ?? null, locale: client.defaults.locale },
    markup: client.markup
      ? { percent: client.markup.percent, fixed_per_booking: client.markup.fixedPerBooking }
      : null,
    rate_limit: { rps: client.rateLimit.rps, burst: client.rateLimit.burst },
    async_flow: client.asyncFlow,
    strict_ownership: client.strictOwnership,
    itinerary_id_format: client.itineraryIdFormat,
    id_scheme: client.idScheme,
    contract_code: client.contractCode,
    route: client.route,
  };
}
