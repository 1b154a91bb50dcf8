/**
 * The 12go sandbox for `npm run bench`: the real sandbox app plus the bench route of bench-departures.ts.
 * Listens on an ephemeral port (SANDBOX_PORT=0 → chosen by the OS) and prints `{"port":n}` on stdout.
 */
import { addBenchDepartures } from './bench-departures';

addBenchDepartures();

async function main(): Promise<void> {
  // Imported after the seed is extended: departure plans are built at module load.
  const { createSandboxApp } = await import('../../apps/twelvego-sandbox/src/create-sandbox-app');
  const env = { SANDBOX_LATENCY_PROFILE: 'none', SANDBOX_LOG_LEVEL: 'silent', ...process.env };
  const app = await createSandboxApp(env);
  await app.listen(Number(process.env.SANDBOX_PORT ?? 0), '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  process.stdout.write(`${JSON.stringify({ port })}\n`);
  const stop = () => void app.close().finally(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

void main().catch((e) => {
  process.stderr.write(`bench sandbox: ${(e as Error).stack}\n`);
  process.exit(1);
});
