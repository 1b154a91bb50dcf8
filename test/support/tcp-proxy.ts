import { createConnection, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP forwarder on an ephemeral loopback port (e.g. in front of a redis-server) that a test can break in
 * two ways, both of which look like a lost Redis to the other side:
 * - `down()` keeps the port but destroys every piped connection and closes each new one at once; `up()`
 *   forwards again on the same port, so a client configured with it can come back;
 * - `cut()` closes the listener too, so every reconnect is refused (also the teardown).
 */
export class TcpProxy {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  private isDown = false;
  port = 0;

  constructor(
    private readonly targetPort: number,
    private readonly targetHost = '127.0.0.1',
  ) {}

  async start(): Promise<void> {
    const server = createServer((client) => {
      client.on('error', () => undefined);
      if (this.isDown) return void client.destroy();
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

  get connections(): number {
    return this.sockets.size;
  }

  down(): void {
    this.isDown = true;
    this.destroySockets();
  }

  up(): void {
    this.isDown = false;
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    const closed = server ? new Promise<void>((r) => server.close(() => r())) : Promise.resolve();
    this.destroySockets();
    await closed;
  }

  private destroySockets(): void {
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
  }
}
