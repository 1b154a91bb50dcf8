import type { OpenAPIObject } from '@nestjs/swagger';
import type { ParameterObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/**
 * Renames the `{path}` segment @nestjs/swagger derives from a wildcard route (`*`) to the contract's name, in
 * the path key and in the operation's path parameters. `renames` maps the generated path key → parameter name.
 */
export function nameWildcardPathParams(
  document: OpenAPIObject,
  renames: Record<string, string>,
): OpenAPIObject {
  const paths: OpenAPIObject['paths'] = {};
  for (const [key, item] of Object.entries(document.paths)) {
    const name = renames[key];
    if (!name) {
      paths[key] = item;
      continue;
    }
    for (const operation of Object.values(item)) {
      if (!operation || typeof operation !== 'object' || !('responses' in operation)) continue;
      const params = (operation.parameters ?? []) as ParameterObject[];
      // The explorer may list the wildcard as `path` or `*`; the decorator documents the contract's name.
      operation.parameters = params.filter(
        (p) => !(p.in === 'path' && (p.name === 'path' || p.name === '*')),
      );
    }
    paths[key.replace(/\{path\}$/, `{${name}}`)] = item;
  }
  return { ...document, paths };
}
