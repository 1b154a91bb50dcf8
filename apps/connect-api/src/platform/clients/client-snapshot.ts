/** Partner-visible booking notifications (operations.md §1.1, §2). */
export type WebhookEventType = 'booking.updated' | 'booking.confirmed' | 'booking.cancelled';
export const WEBHOOK_EVENT_TYPES: readonly WebhookEventType[] = [
  'booking.updated',
  'booking.confirmed',
  'booking.cancelled',
];

/** booking-schema.md §7.2 (reconciliation 2): how itinerary ids are emitted for this client. */
export type ItineraryIdFormat = 'native' | 'cipher' | 'plain';
/** booking-schema.md §9.4: station/POI/operator id scheme. */
export type IdScheme = 'mapped' | 'native';
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
 * One partner's configuration, immutable, as resolved at the last (re)load (operations.md §1.1).
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
  /** Forced true when another enabled client shares the 12go key (operations.md §1.3 rule 6). */
  readonly strictOwnership: boolean;
  readonly sharedUpstreamKey: boolean;
  /** Unbound legacy-format booking tokens are accepted (with ACCEPT_LEGACY_BOOKING_TOKENS) during a cutover. */
  readonly acceptLegacyTokens: boolean;
  readonly itineraryIdFormat: ItineraryIdFormat;
  readonly idScheme: IdScheme;
  /** KLV key 02 in ids and tokens (booking-schema.md §10), default `12go`. */
  readonly contractCode: string;
}
