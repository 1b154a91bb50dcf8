import { legacyNotifies } from './inbound-job.processor';

/** Which system notifies a partner (docs/adr/0222-legacy-notifies-its-clients.md). */
describe('legacyNotifies', () => {
  it('never for a client on the BFF', () => {
    for (const method of ['record', 'legacy_map', 'probe'] as const)
      expect(legacyNotifies('bff', { method, origin: 'probe' })).toBe(false);
  });

  it('for a legacy or shadow client, unless the BFF made the booking (a record CreateBooking wrote)', () => {
    for (const route of ['legacy', 'shadow'] as const) {
      expect(legacyNotifies(route, { method: 'record', origin: 'booking' })).toBe(false);
      expect(legacyNotifies(route, { method: 'legacy_map' })).toBe(true);
      expect(legacyNotifies(route, { method: 'probe' })).toBe(true);
    }
  });

  it('a record the owner probe wrote (client on bff then, moved back since) is still legacy’s booking', () => {
    expect(legacyNotifies('legacy', { method: 'record', origin: 'probe' })).toBe(true);
    expect(legacyNotifies('shadow', { method: 'record', origin: 'probe' })).toBe(true);
  });

  it('a record older than its origin field counts as the BFF’s, as before the field existed', () => {
    expect(legacyNotifies('legacy', { method: 'record', origin: null })).toBe(false);
  });
});
