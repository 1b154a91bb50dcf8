import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';

export const REPO_ROOT = join(__dirname, '..', '..');

/** config/local.env as an object, with repo-relative paths made absolute. */
export function readLocalEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of readFileSync(join(REPO_ROOT, 'config', 'local.env'), 'utf8').split(/\r?\n/)) {
    const m = /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (m) env[m[1]] = m[2];
  }
  if (env.CLIENTS_CONFIG_PATH && !isAbsolute(env.CLIENTS_CONFIG_PATH))
    env.CLIENTS_CONFIG_PATH = join(REPO_ROOT, env.CLIENTS_CONFIG_PATH);
  return env;
}
