import { createSandboxApp, loadSandboxConfig } from './create-sandbox-app';

/** Standalone 12go sandbox (docs/upstream-12go.md#the-sandbox): `SANDBOX_PORT` (default 4010). */
async function main(): Promise<void> {
  const config = loadSandboxConfig(process.env);
  // The id base defaults to the start time: pass the one chosen here so the log line names it.
  const app = await createSandboxApp({ ...process.env, SANDBOX_ID_BASE: String(config.idBase) });
  app.enableShutdownHooks();
  await app.listen({ port: config.port, host: config.host });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  process.stdout.write(
    `twelvego-sandbox listening on http://localhost:${port} (seed ${config.seed}, id base ${config.idBase})\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(
    `twelvego-sandbox failed to start: ${err instanceof Error ? err.message : String(err)}\n`,
  );
  process.exit(1);
});
