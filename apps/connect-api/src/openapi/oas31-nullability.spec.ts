import type { OpenAPIObject } from '@nestjs/swagger';
import { toOas31Nullability } from './oas31-nullability';

function doc(schemas: Record<string, unknown>): OpenAPIObject {
  return {
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths: {},
    components: { schemas },
  } as OpenAPIObject;
}

describe('toOas31Nullability', () => {
  it('turns nullable scalars and arrays into type lists', () => {
    const out = toOas31Nullability(
      doc({
        A: {
          type: 'object',
          properties: {
            s: { type: 'string', format: 'uri', nullable: true },
            list: { type: 'array', items: { type: 'string' }, nullable: true },
            plain: { type: 'integer' },
          },
        },
      }),
    );
    expect(out.components!.schemas!.A).toEqual({
      type: 'object',
      properties: {
        s: { type: ['string', 'null'], format: 'uri' },
        list: { type: ['array', 'null'], items: { type: 'string' } },
        plain: { type: 'integer' },
      },
    });
  });

  it('wraps a nullable reference in oneOf with null and keeps its description', () => {
    const out = toOas31Nullability(
      doc({
        B: {
          properties: {
            r: { allOf: [{ $ref: '#/components/schemas/X' }], description: 'd', nullable: true },
          },
        },
      }),
    );
    expect((out.components!.schemas!.B as { properties: Record<string, unknown> }).properties.r).toEqual({
      description: 'd',
      oneOf: [{ allOf: [{ $ref: '#/components/schemas/X' }] }, { type: 'null' }],
    });
  });

  it('does not duplicate null in a type list and leaves non-nullable schemas alone', () => {
    const out = toOas31Nullability(
      doc({ C: { type: ['string', 'null'], nullable: true }, D: { type: 'string', nullable: false } }),
    );
    expect(out.components!.schemas).toEqual({
      C: { type: ['string', 'null'] },
      D: { type: 'string', nullable: false },
    });
  });
});
