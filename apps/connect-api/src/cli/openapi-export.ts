import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { stringify } from 'yaml';
import { AppModule } from '../app.module';
import { buildOpenApiDocument } from '../openapi-document.builder';
import { loadAppConfig } from '../platform/config/load-app-config';
import { createRootLogger } from '../platform/logging/create-logger';
import { SecretScrubber } from '../platform/logging/redaction';
import { PlatformModule } from '../platform/platform.module';

@Module({})
class OpenApiExportRootModule {}

/**
 * The document `/docs-json` serves, built from the same modules without starting anything: Nest's preview
 * mode resolves the module graph and the controllers' metadata but instantiates no provider, so no Redis,
 * queue or 12go connection is opened. Only the configuration (a value provider) is read.
 */
export async function buildServedOpenApiDocument(
  env: Record<string, string | undefined> = {},
): Promise<OpenAPIObject> {
  const config = loadAppConfig(env);
  const scrubber = new SecretScrubber();
  const logger = createRootLogger(config, scrubber);
  const root: DynamicModule = {
    module: OpenApiExportRootModule,
    imports: [PlatformModule.forRoot({ config, scrubber, logger }), AppModule],
  };
  const app = await NestFactory.create(root, new FastifyAdapter({ logger: false }), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  try {
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}

/** `docs/openapi.yaml`: the served JSON document as YAML, keys in the served order. */
export function renderOpenApiYaml(document: unknown): string {
  return stringify(document, { lineWidth: 0, aliasDuplicateObjects: false });
}
