import { loadAppConfig } from '../config/load-app-config';
import { bodyPolicyFor, isNoStoreRoute, resolveBodyPolicy } from './body-policy';
import { RouteTable } from './route-table';

const config = loadAppConfig({});

describe('body policy (docs/contract/headers.md#request-bodies-and-limits)', () => {
  it('10 MiB on CreateBooking, 1 MiB other client routes, 64 KiB webhook and admin', () => {
    expect(bodyPolicyFor('POST', '/v1/:client_id/bookings', config)).toEqual({
      limit: 10_485_760,
      bodyless: false,
    });
    expect(bodyPolicyFor('POST', '/v1/:client_id/seats', config)).toEqual({
      limit: 1_048_576,
      bodyless: false,
    });
    expect(bodyPolicyFor('POST', '/v1/:client_id/bookings/:booking_id/confirm', config)).toEqual({
      limit: 1_048_576,
      bodyless: true,
    });
    expect(bodyPolicyFor('POST', '/webhooks/12go/:secret', config).limit).toBe(65_536);
    expect(bodyPolicyFor('POST', '/admin/config/reload', config).limit).toBe(65_536);
  });
  it('a route may declare its own policy', () => {
    expect(
      resolveBodyPolicy('POST', '/v1/:client_id/x', { tcBody: 'json', tcBodyLimit: 10 }, config),
    ).toEqual({ limit: 10, bodyless: false });
  });
  it('no-store on booking, seat and incomplete-result routes only', () => {
    expect(isNoStoreRoute('/v1/:client_id/bookings/:booking_id/ticket')).toBe(true);
    expect(isNoStoreRoute('/v1/:client_id/incomplete_results/:id')).toBe(true);
    expect(isNoStoreRoute('/v1/:client_id/itineraries')).toBe(false);
  });
});

describe('RouteTable', () => {
  it('lists the methods of a concrete path', () => {
    const t = new RouteTable();
    t.add(['GET', 'HEAD'], '/v1/:client_id/bookings/:booking_id');
    t.add('POST', '/v1/:client_id/bookings/:booking_id/cancel');
    expect(t.allowedMethods('/v1/demo/bookings/42?x=1')).toEqual(['GET', 'HEAD']);
    expect(t.allowedMethods('/v1/demo/bookings/42/cancel')).toEqual(['POST']);
    expect(t.allowedMethods('/v1/demo/nothing')).toEqual([]);
  });
});
