import type { ClientSnapshot } from '../clients/client-snapshot';
import { adminClientView, maskSecret, maskUrlQuery } from './admin-client.view';

const client: ClientSnapshot = {
  clientId: 'acme',
  name: 'Acme',
  enabled: true,
  twelvegoApiKey: 'twelvego-secret-key-9876',
  twelvegoApiKeySource: 'env',
  apiKeys: [
    {
      id: 'old',
      hashPrefix: 'abcdef0123456789',
      format: 'sha256',
      expiresAt: new Date('2026-01-01T00:00:00Z'),
    },
    { id: 'new', hashPrefix: '0123456789abcdef', format: 'sha256' },
    {
      id: 'next',
      hashPrefix: 'ffffffff00000000',
      format: 'pbkdf2',
      notBefore: new Date('2027-01-01T00:00:00Z'),
    },
  ],
  webhook: {
    url: 'https://hooks.acme.example/tc?token=s3cr3t&x=1',
    secrets: ['whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'whsec_BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB'],
    secretsSource: 'file',
    enabled: true,
    eventTypes: ['booking.confirmed'],
    allowPrivateTarget: false,
  },
  defaults: { locale: 'en' },
  markup: null,
  rateLimit: { rps: 5, burst: 10 },
  asyncFlow: false,
  strictOwnership: true,
  sharedUpstreamKey: true,
  acceptLegacyTokens: false,
  itineraryIdFormat: 'native',
  idScheme: 'mapped',
  contractCode: '12go',
  route: 'bff',
};

describe('admin client view', () => {
  const view = adminClientView(client, Date.parse('2026-06-01T00:00:00Z'));
  const text = JSON.stringify(view);

  it('masks the 12go key, webhook secrets and URL query values', () => {
    expect(view.twelvego_api_key).toEqual({ value: '****9876', source: 'env' });
    expect(view.webhook?.secrets).toEqual({ count: 2, source: 'file' });
    expect(view.webhook?.url).toBe('https://hooks.acme.example/tc?token=****&x=****');
    expect(text).not.toContain('twelvego-secret-key');
    expect(text).not.toContain('whsec_');
    expect(text).not.toContain('s3cr3t');
  });

  it('shows keys by id, status and the first 8 hex of the hash only', () => {
    expect(view.api_keys.map((k) => [k.id, k.status, k.hash_prefix])).toEqual([
      ['old', 'expired', 'abcdef01'],
      ['new', 'active', '01234567'],
      ['next', 'not_yet_valid', 'ffffffff'],
    ]);
    expect(text).not.toContain('abcdef0123');
    expect(view.shared_upstream_key).toBe(true);
  });

  it('masks short secrets completely', () => {
    expect(maskSecret('short')).toBe('****');
    expect(maskSecret('')).toBe('');
    expect(maskUrlQuery('not a url')).toBe('****');
  });
});
