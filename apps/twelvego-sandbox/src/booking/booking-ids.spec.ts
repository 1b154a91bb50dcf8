import { cartId, trackerFor, ticketUrl } from './booking-ids';

describe('booking identifiers', () => {
  it('derives the tracker of the booking-details fixture', () => {
    expect(trackerFor(70000042)).toBe('01IVEPKG');
    expect(trackerFor(70000001)).toMatch(/^[0-9A-Z]{8}$/);
  });

  it('derives the ticket link of the booking-details fixture', () => {
    expect(ticketUrl('http://localhost:4010', 'sandbox-secret', 70000042)).toBe(
      'http://localhost:4010/en/ticket/70000042?h=ccdce8',
    );
  });

  it('builds 8-character cart ids that depend on seed and counter', () => {
    const a = cartId(12, 1);
    expect(a).toMatch(/^[0-9A-Za-z]{8}$/);
    expect(a.slice(6)).toBe('01');
    expect(cartId(12, 1)).toBe(a);
    expect(cartId(13, 1)).not.toBe(a);
    expect(cartId(12, 3845).slice(6)).toBe('01');
  });
});
