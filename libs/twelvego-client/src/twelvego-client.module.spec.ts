import { Injectable, Module } from '@nestjs/common';
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

  it('rejects a missing or relative base URL at startup', async () => {
    const build = Test.createTestingModule({
      imports: [TwelveGoClientModule.registerAsync({ useFactory: () => ({ baseUrl: '/relative' }) })],
    }).compile();
    await expect(build).rejects.toThrow('baseUrl must be an absolute http(s) URL');
  });
});
