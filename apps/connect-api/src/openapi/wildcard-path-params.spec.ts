import type { OpenAPIObject } from '@nestjs/swagger';
import { nameWildcardPathParams } from './wildcard-path-params';

describe('nameWildcardPathParams', () => {
  const document = {
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths: {
      '/v1/{client_id}/itineraries/{path}': {
        get: {
          parameters: [
            { name: 'itinerary_id', in: 'path', required: true },
            { name: 'path', in: 'path', required: true },
            { name: 'client_id', in: 'path', required: true },
          ],
          responses: {},
        },
      },
      '/v1/{client_id}/seats': {
        post: { parameters: [{ name: 'client_id', in: 'path', required: true }], responses: {} },
      },
    },
  } as unknown as OpenAPIObject;

  it('renames the wildcard segment and drops the generated wildcard parameter', () => {
    const out = nameWildcardPathParams(structuredClone(document), {
      '/v1/{client_id}/itineraries/{path}': 'itinerary_id',
    });
    expect(Object.keys(out.paths).sort()).toEqual([
      '/v1/{client_id}/itineraries/{itinerary_id}',
      '/v1/{client_id}/seats',
    ]);
    const params = out.paths['/v1/{client_id}/itineraries/{itinerary_id}'].get!.parameters as Array<{
      name: string;
    }>;
    expect(params.map((p) => p.name)).toEqual(['itinerary_id', 'client_id']);
    expect(out.paths['/v1/{client_id}/seats']).toEqual(document.paths['/v1/{client_id}/seats']);
  });

  it('leaves a document without the listed paths unchanged', () => {
    expect(nameWildcardPathParams(structuredClone(document), {})).toEqual(document);
  });
});
