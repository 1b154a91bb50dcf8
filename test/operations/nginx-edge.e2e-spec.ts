import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { AppConfig } from '../../apps/connect-api/src/platform/config/app-config';
import { REPO_ROOT } from '../support/local-env';

const CONF = join(REPO_ROOT, 'docker', 'nginx', 'fleet.conf');
const conf = readFileSync(CONF, 'utf8');

function nginxBinary(): string | undefined {
  for (const bin of [process.env.NGINX_BIN, 'nginx', '/usr/sbin/nginx'].filter(Boolean) as string[])
    if (spawnSync(bin, ['-v'], { stdio: 'ignore' }).status === 0) return bin;
  return undefined;
}

/** Seconds of an nginx directive like `proxy_read_timeout 95s;`. */
function seconds(directive: string): number {
  const m = new RegExp(`^\\s*${directive}\\s+(\\d+)s;`, 'm').exec(conf);
  if (!m) throw new Error(`${directive} missing from ${CONF}`);
  return Number(m[1]);
}

/** The compose `fleet` profile's edge (docker/nginx/fleet.conf). */
describe('fleet edge proxy config', () => {
  const defaults = new AppConfig();

  it('is health-aware, retries only connection errors, and passes the request id through', () => {
    expect(conf).toMatch(/server bff-api:3000 max_fails=\d+ fail_timeout=\d+s;/);
    expect(conf).toMatch(/^\s*proxy_next_upstream error timeout;/m);
    expect(conf).not.toMatch(/proxy_next_upstream[^;]*(non_idempotent|http_50\d)/);
    expect(conf).toMatch(/proxy_set_header X-Request-Id \$edge_request_id;/);
    expect(conf).toMatch(/default \$http_x_request_id;/);
  });

  it('times out after the BFF and closes idle upstream connections before it does', () => {
    expect(seconds('proxy_read_timeout') * 1000).toBeGreaterThan(defaults.SERVER_REQUEST_TIMEOUT_MS);
    expect(seconds('proxy_send_timeout') * 1000).toBeGreaterThan(defaults.SERVER_REQUEST_TIMEOUT_MS);
    expect(seconds('keepalive_timeout') * 1000).toBeLessThan(defaults.SERVER_KEEPALIVE_TIMEOUT_MS);
    const body = /client_max_body_size (\d+)m;/.exec(conf);
    expect(Number(body?.[1]) * 1024 * 1024).toBeGreaterThanOrEqual(defaults.BOOKING_BODY_LIMIT_BYTES);
  });

  it('is mounted by the compose fleet profile in front of two api replicas and one worker', () => {
    const compose = parseYaml(readFileSync(join(REPO_ROOT, 'docker', 'compose.yaml'), 'utf8')) as {
      services: Record<
        string,
        {
          profiles?: string[];
          volumes?: string[];
          deploy?: { replicas?: number };
          environment?: Record<string, string>;
        }
      >;
    };
    const { edge, 'bff-api': api, 'bff-worker': worker } = compose.services;
    expect(edge.profiles).toEqual(['fleet']);
    expect(edge.volumes).toContain('./nginx/fleet.conf:/etc/nginx/conf.d/default.conf:ro');
    expect(api.deploy?.replicas).toBe(2);
    expect(api.environment?.ROLE).toBe('api');
    expect(worker.environment?.ROLE).toBe('worker');
  });

  it('passes `nginx -t` (upstream names resolved to 127.0.0.1) when an nginx binary is installed', () => {
    const bin = nginxBinary();
    if (!bin) return; // .ci/run installs nginx; without it only the static checks above apply
    const dir = mkdtempSync(join(tmpdir(), 'tc-nginx-'));
    try {
      writeFileSync(join(dir, 'fleet.conf'), conf.replace(/\bbff-api:3000\b/g, '127.0.0.1:3000'));
      writeFileSync(
        join(dir, 'nginx.conf'),
        [
          'pid nginx.pid;',
          'error_log stderr;',
          'events {}',
          'http {',
          '  access_log off;',
          `  client_body_temp_path ${dir}/body;`,
          `  proxy_temp_path ${dir}/proxy;`,
          `  fastcgi_temp_path ${dir}/fastcgi;`,
          `  uwsgi_temp_path ${dir}/uwsgi;`,
          `  scgi_temp_path ${dir}/scgi;`,
          `  include ${dir}/fleet.conf;`,
          '}',
          '',
        ].join('\n'),
      );
      const r = spawnSync(bin, ['-t', '-p', dir, '-c', join(dir, 'nginx.conf')], { encoding: 'utf8' });
      expect({ status: r.status, output: r.stderr }).toMatchObject({ status: 0 });
      expect(r.stderr).toContain('test is successful');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
