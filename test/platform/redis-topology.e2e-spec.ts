import { startStack, testClusterNodes, type TestStack } from '../support/stack';

const ADMIN_TOKEN = 'topology-admin-token-0123456789abcdef0123';

/**
 * Readiness and the admin view name the Redis topology and the node that answered. Runs on the standalone test
 * Redis in `npm test` and on the Redis Cluster in `npm run test:cluster`.
 */
describe('Redis topology in /health/ready and /admin/version', () => {
  let stack: TestStack;
  const clusterNodes = testClusterNodes();
  const expectedKind = clusterNodes.length ? 'cluster' : 'standalone';

  beforeAll(async () => {
    stack = await startStack({ env: { ADMIN_TOKENS: ADMIN_TOKEN }, twelvegoBaseUrl: 'http://127.0.0.1:9' });
  });
  afterAll(() => stack?.close());

  it('reports the topology and the answering node', async () => {
    let body: { checks: { redis: Record<string, unknown> } } | undefined;
    for (let i = 0; i < 50; i++) {
      body = (await (await fetch(`${stack.bffUrl}/health/ready`)).json()) as typeof body;
      if (body?.checks.redis.status === 'up') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const redis = body!.checks.redis;
    expect(redis).toMatchObject({ status: 'up', topology: expectedKind });
    expect(redis.node).toMatch(/^[\w.:-]+:\d+$/);
    if (clusterNodes.length) expect(clusterNodes).toContain(redis.node);

    const admin = await fetch(`${stack.bffUrl}/admin/version`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(admin.status).toBe(200);
    const view = (await admin.json()) as { redis: { topology: string; node: string; connected: boolean } };
    expect(view.redis.topology.startsWith(`${expectedKind} `)).toBe(true);
    expect(view.redis).toMatchObject({ connected: true, node: redis.node });
  });
});
