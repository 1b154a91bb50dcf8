import { mulberry32 } from '../core/hashing';
import { endpointOf, latencyFor } from './latency';

describe('latency profiles', () => {
  it('maps paths to endpoints', () => {
    expect(endpointOf('GET', '/search/1p/44p/2026-05-14')).toBe('search');
    expect(endpointOf('POST', '/cart')).toBe('addToCart');
    expect(endpointOf('GET', '/cart/abc')).toBe('cartDetails');
    expect(endpointOf('GET', '/booking/70000001/refund-options')).toBe('refundOptions');
    expect(endpointOf('POST', '/booking/70000001/refund')).toBe('refund');
    expect(endpointOf('GET', '/__sandbox/health')).toBeNull();
  });

  it('draws within the realistic range, 4x for slow, 0 for none, deterministically', () => {
    const a = mulberry32(1);
    const values = Array.from({ length: 200 }, () => latencyFor('realistic', 'search', a));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(150);
    expect(Math.max(...values)).toBeLessThanOrEqual(600);
    const b = mulberry32(1);
    expect(Array.from({ length: 200 }, () => latencyFor('realistic', 'search', b))).toEqual(values);
    expect(latencyFor('slow', 'confirm', () => 1)).toBe(10_000);
    expect(latencyFor('none', 'confirm', () => 1)).toBe(0);
  });
});
