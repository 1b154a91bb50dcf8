/** Where `npm run openapi` writes the document, relative to the repository root. */
export const OPENAPI_EXPORT_PATH = 'docs/openapi.yaml';
