/**
 * Entry point of the BFF as a separate OS process for the crash test: the real app from createConnectApp,
 * configured only by the environment. Prints `BFF_LISTENING <port>` once it accepts connections.
 */
import { createConnectApp } from '../../../apps/connect-api/src/create-connect-app';

async function main(): Promise<void> {
  const app = await createConnectApp({ env: process.env });
  await app.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  process.stdout.write(`BFF_LISTENING ${port}\n`);
  const stop = () => {
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((err) => {
  process.stderr.write(`BFF_FAILED ${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
