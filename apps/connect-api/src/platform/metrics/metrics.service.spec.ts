import { MetricsService, MetricsSink } from './metrics.service';

describe('MetricsService', () => {
  it('prefixes names, drops undefined tags and never throws', () => {
    const calls: unknown[][] = [];
    const sink: MetricsSink = {
      increment: (...a) => calls.push(['increment', ...a]),
      gauge: (...a) => calls.push(['gauge', ...a]),
      distribution: () => {
        throw new Error('agent gone');
      },
    };
    const metrics = new MetricsService(sink);
    metrics.increment('auth.failures', { reason: 'bad_key', client_id: undefined });
    metrics.gauge('config.clients', 2);
    expect(() => metrics.distribution('http.request.duration', 5)).not.toThrow();
    expect(calls).toEqual([
      ['increment', 'tc_bff.auth.failures', 1, { reason: 'bad_key' }],
      ['gauge', 'tc_bff.config.clients', 2, {}],
    ]);
  });
});
