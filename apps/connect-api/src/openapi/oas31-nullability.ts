import type { OpenAPIObject } from '@nestjs/swagger';

type Node = Record<string, unknown>;

/**
 * @nestjs/swagger writes `nullable: true` (OpenAPI 3.0) even in a 3.1 document, where the keyword does not
 * exist. Rewrites it the 3.1 way, in place: `type: [t, 'null']`, or `oneOf: [schema, {type: 'null'}]` when the
 * schema has no single type (a `$ref` / `allOf`).
 */
export function toOas31Nullability<T extends OpenAPIObject>(document: T): T {
  visit(document);
  return document;
}

function visit(value: unknown): void {
  if (Array.isArray(value)) {
    value.forEach(visit);
    return;
  }
  if (!value || typeof value !== 'object') return;
  const node = value as Node;
  for (const child of Object.values(node)) visit(child);
  if (node.nullable !== true) return;
  delete node.nullable;
  if (typeof node.type === 'string') {
    node.type = [node.type, 'null'];
    return;
  }
  if (Array.isArray(node.type)) {
    if (!node.type.includes('null')) node.type = [...node.type, 'null'];
    return;
  }
  const inner: Node = {};
  for (const key of ['$ref', 'allOf', 'oneOf', 'anyOf']) {
    if (key in node) {
      inner[key] = node[key];
      delete node[key];
    }
  }
  node.oneOf = [inner, { type: 'null' }];
}
