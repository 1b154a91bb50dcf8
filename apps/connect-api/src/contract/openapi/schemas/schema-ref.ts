import type { ReferenceObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/** `{ $ref }` to a named component schema (a primitive of common.schemas.ts or an `@ApiSchema` class). */
export function schemaRef(name: string): ReferenceObject {
  return { $ref: `#/components/schemas/${name}` };
}
