/** Partner-visible booking notifications (docs/platform.md#client-registry, docs/contract/webhooks.md). */
export type WebhookEventType = 'booking.updated' | 'booking.confirmed' | 'booking.cancelled';
export const WEBHOOK_EVENT_TYPES: readonly WebhookEventType[] = [
  'booking.updated',
  'booking.confirmed',
  'booking.cancelled',
];

/** docs/contract/ids.md#itinerary-ids (docs/contract/ids.md#itinerary-ids): how itinerary ids are emitted for this client. */
export type ItineraryIdFormat = 'native' | 'cipher' | 'plain';
/** docs/contract/ids.md#station-operator-and-poi-ids: station/POI/operator id scheme. */
export type IdScheme = 'mapped' | 'native';
/** Migration routing (docs/migration.md): answered by the BFF, proxied to legacy, or proxied and shadowed. */
export type ClientRoute = 'bff' | 'legacy' | 'shadow';
export const CLIENT_ROUTES: readonly ClientRoute[] = ['bff', 'legacy', 'shadow'];
export type SecretSource = 'env' | 'file' | 'inline' | 'none';

export interface ClientWebhookSettings {
  url: string;
  /** 1–2 `whsec_…` signing secrets, newest first. */
  secrets: string[];
  secretsSource: SecretSource;
  enabled: boolean;
  eventTypes: WebhookEventType[];
  allowPrivateTarget: boolean;
}

export interface ClientMarkup {
  /** Decimal string in [0, 100]. */
  percent: string;
  fixedPerBooking: { amount: string; currency: string } | null;
}

/** Public facts about a registered API key (never the key or its full hash). */
export interface ClientApiKeyInfo {
  id: string;
  notBefore?: Date;
  expiresAt?: Date;
  /** First 8 hex characters of the stored digest (admin views). */
  hashPrefix: string;
  format: 'sha256' | 'pbkdf2';
}

/**
 * One partner's configuration, immutable, as resolved at the last (re)load (docs/platform.md#client-registry).
 * A request keeps the snapshot it started with.
 */
export interface ClientSnapshot {
  readonly clientId: string;
  readonly name: string;
  readonly enabled: boolean;
  /** Sent as `k` on every 12go call made for this client; empty only for disabled clients without one. */
  readonly twelvegoApiKey: string;
  readonly twelvegoApiKeySource: SecretSource;
  readonly apiKeys: readonly ClientApiKeyInfo[];
  readonly webhook?: Readonly<ClientWebhookSettings>;
  readonly defaults: { readonly currency?: string; readonly locale: string };
  readonly markup: Readonly<ClientMarkup> | null;
  readonly rateLimit: { readonly rps: number; readonly burst: number };
  readonly asyncFlow: boolean;
  /** Forced true when another enabled client shares the 12go key (docs/platform.md#client-registry rule 6). */
  readonly strictOwnership: boolean;
  readonly sharedUpstreamKey: boolean;
  /** Unbound legacy-format booking tokens are accepted (with ACCEPT_LEGACY_BOOKING_TOKENS) during a cutover. */
  readonly acceptLegacyTokens: boolean;
  readonly itineraryIdFormat: ItineraryIdFormat;
  readonly idScheme: IdScheme;
  /** KLV key 02 in ids and tokens (docs/contract/ids.md), default `12go`. */
  readonly contractCode: string;
  readonly route: ClientRoute;
}
