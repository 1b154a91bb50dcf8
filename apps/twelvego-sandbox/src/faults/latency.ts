import type { LatencyProfile } from '../config/sandbox-config';

/** Latency profiles of docs/upstream-12go.md#latency-profiles: [min, max] ms per endpoint for `realistic`; `slow` = 4 ×. */
const REALISTIC: Record<string, [number, number]> = {
  search: [150, 600],
  tripDetails: [80, 250],
  addToCart: [100, 300],
  cartDetails: [30, 80],
  checkout: [120, 350],
  reserve: [400, 1200],
  confirm: [800, 2500],
  bookingDetails: [40, 120],
  refundOptions: [80, 200],
  refund: [300, 900],
};

/** The docs/upstream-12go.md#calls-the-bff-makes endpoint of a request, or null for other paths. */
export function endpointOf(method: string, path: string): string | null {
  const m = method.toUpperCase();
  if (m === 'GET' && /^\/search\/[^/]+\/[^/]+\/[^/]+$/.test(path)) return 'search';
  if (m === 'GET' && /^\/trip\/[^/]+\/[^/]+$/.test(path)) return 'tripDetails';
  if (m === 'POST' && (/^\/cart\/[^/]+\/[^/]+$/.test(path) || path === '/cart')) return 'addToCart';
  if (m === 'GET' && /^\/cart\/[^/]+$/.test(path)) return 'cartDetails';
  if (m === 'GET' && /^\/checkout\/[^/]+$/.test(path)) return 'checkout';
  if (m === 'POST' && /^\/reserve\/[^/]+$/.test(path)) return 'reserve';
  if (m === 'POST' && /^\/confirm\/[^/]+$/.test(path)) return 'confirm';
  if (m === 'GET' && /^\/booking\/[^/]+$/.test(path)) return 'bookingDetails';
  if (m === 'GET' && /^\/booking\/[^/]+\/refund-options$/.test(path)) return 'refundOptions';
  if (m === 'POST' && /^\/booking\/[^/]+\/refund$/.test(path)) return 'refund';
  return null;
}

/** Delay in ms for one request; `draw` is the seeded latency stream. */
export function latencyFor(profile: LatencyProfile, endpoint: string | null, draw: () => number): number {
  if (profile === 'none' || endpoint === null) return 0;
  const [min, max] = REALISTIC[endpoint];
  const ms = min + (max - min) * draw();
  return Math.round(profile === 'slow' ? ms * 4 : ms);
}
