import { createConnection, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP forwarder on one ephemeral port that a test can take down and bring back on the same port: while
 * down, every piped connection is destroyed and every new one is closed at once (a Redis that is gone).
 */
export class PausableProxy {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  private down_ = false;
  port = 0;

  constructor(
    private readonly targetPort: number,
    private readonly targetHost = '127.0.0.1',
  ) {}

  async start(): Promise<void> {
    const server = createServer((client) => {
      client.on('error', () => undefined);
      if (this.down_) return void client.destroy();
      const upstream = createConnection({ port: this.targetPort, host: this.targetHost });
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.port = (server.address() as { port: number }).port;
  }

  down(): void {
    this.down_ = true;
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
  }

  up(): void {
    this.down_ = false;
  }

  async close(): Promise<void> {
    this.down();
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((r) => server.close(() => r()));
  }
}
