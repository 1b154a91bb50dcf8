import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export class CatalogFetchError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'CatalogFetchError';
  }
}

/**
 * Reads the catalogue JSON from `CATALOG_URL`: an http(s) URL (the sandbox's `/__sandbox/catalog` or a 12go
 * export) or a `file:` URL. Errors never include the URL's query (it may carry a token).
 */
export async function fetchCatalog(url: string, timeoutMs: number): Promise<unknown> {
  if (url.startsWith('file:')) {
    const text = await readFile(fileURLToPath(url), 'utf8').catch((e: NodeJS.ErrnoException) => {
      throw new CatalogFetchError(`catalogue file unreadable (${e.code ?? 'error'})`);
    });
    return parseJson(text);
  }
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (e) {
    const reason =
      (e as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : 'connection failed';
    throw new CatalogFetchError(`catalogue ${reason} (${safeUrl(url)})`);
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new CatalogFetchError(
      `catalogue answered HTTP ${response.status} (${safeUrl(url)})`,
      response.status,
    );
  }
  return parseJson(await response.text());
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new CatalogFetchError('catalogue is not valid JSON');
  }
}

function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return 'invalid URL';
  }
}
