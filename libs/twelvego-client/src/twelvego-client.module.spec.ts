import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { TwelveGoClientModule } from './twelvego-client.module';
import { TwelveGoClient } from './twelvego.client';

@Injectable()
class FakeConfig {
  readonly baseUrl = 'http://127.0.0.1:9';
}
@Module({ providers: [FakeConfig], exports: [FakeConfig] })
class FakeConfigModule {}

@Injectable()
class Consumer {
  constructor(readonly client: TwelveGoClient) {}
}
@Module({ providers: [Consumer] })
class FeatureModule {}

describe('TwelveGoClientModule.registerAsync', () => {
  it('builds one global client from injected config, usable by other modules', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        TwelveGoClientModule.registerAsync({
          imports: [FakeConfigModule],
          inject: [FakeConfig],
          useFactory: (config: FakeConfig) => ({ baseUrl: config.baseUrl }),
        }),
        FeatureModule,
      ],
    }).compile();
    await moduleRef.init();
    const client = moduleRef.get(TwelveGoClient);
    expect(client).toBeInstanceOf(TwelveGoClient);
    expect(moduleRef.get(Consumer).client).toBe(client);
    expect(client.getBreakerStates().search).toBe('closed');
    await moduleRef.close();
  });

  it('app shutdown leaves the client working for background work other modules await in their own shutdown hooks', async () => {
    // e.g. a flow answered 202 whose completion the app waits for on SIGTERM: its 12go call must finish.
    const server = createServer((req, res) => {
      req.resume();
      setTimeout(() => res.end('{"cart":[]}'), 150);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    @Injectable()
    class BackgroundWork implements OnApplicationShutdown {
      pending?: Promise<string>;
      constructor(private readonly client: TwelveGoClient) {}
      start() {
        this.pending = this.client.getCartDetails({ apiKey: 'k' }, 'c1').then(
          () => 'answered',
          (e: { kind?: string }) => String(e.kind),
        );
      }
      async onApplicationShutdown() {
        await this.pending;
      }
    }
    @Module({ providers: [BackgroundWork] })
    class BackgroundModule {}
    const moduleRef = await Test.createTestingModule({
      imports: [TwelveGoClientModule.registerAsync({ useFactory: () => ({ baseUrl }) }), BackgroundModule],
    }).compile();
    await moduleRef.init();
    const work = moduleRef.get(BackgroundWork);
    work.start();
    await new Promise((r) => setTimeout(r, 30));
    await moduleRef.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    expect(await work.pending).toBe('answered');
  });

  it('rejects a missing or relative base URL at startup', async () => {
    const build = Test.createTestingModule({
      imports: [TwelveGoClientModule.registerAsync({ useFactory: () => ({ baseUrl: '/relative' }) })],
    }).compile();
    await expect(build).rejects.toThrow('baseUrl must be an absolute http(s) URL');
  });
});
