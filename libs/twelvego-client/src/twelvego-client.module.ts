import { Module, type DynamicModule, type FactoryProvider, type ModuleMetadata } from '@nestjs/common';
import type { TwelveGoClientOptions } from './twelvego-client.options';
import { TWELVEGO_CLIENT_OPTIONS } from './twelvego-client.tokens';
import { TwelveGoClient } from './twelvego.client';

export interface TwelveGoClientModuleAsyncOptions {
  imports?: ModuleMetadata['imports'];
  inject?: FactoryProvider['inject'];
  /** Nest's own factory type: receives the `inject` tokens' values, returns the options (or a promise). */
  useFactory: FactoryProvider<TwelveGoClientOptions | Promise<TwelveGoClientOptions>>['useFactory'];
  /**
   * Global by default: register once (in AppModule) so every feature shares one client — one connection
   * pool and one set of circuit breakers per instance.
   */
  global?: boolean;
}

@Module({})
export class TwelveGoClientModule {
  static registerAsync(options: TwelveGoClientModuleAsyncOptions): DynamicModule {
    return {
      module: TwelveGoClientModule,
      global: options.global ?? true,
      imports: options.imports ?? [],
      providers: [
        { provide: TWELVEGO_CLIENT_OPTIONS, useFactory: options.useFactory, inject: options.inject ?? [] },
        TwelveGoClient,
      ],
      exports: [TwelveGoClient],
    };
  }
}
