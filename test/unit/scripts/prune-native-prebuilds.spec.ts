import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

const prune = require('../../../scripts/prune-native-prebuilds.js') as {
  platformOf(name: string): { os: string; libc: string | null; arch: string } | null;
  libcOfFile(name: string): string | null;
  abiOfFile(name: string): string | null;
  prune(
    dir: string,
    target: { platform: string; arch: string; libc: string; abi?: string | null },
    options?: { dryRun?: boolean },
  ): { removed: string[]; bytes: number };
  parseArgs(argv: string[]): unknown;
};

const IMAGE = { platform: 'linux', arch: 'x64', libc: 'glibc' };

/** The shapes dd-trace's native packages ship (folder per platform, or one linux folder with libc in the name). */
const TREE = [
  'node_modules/@datadog/native-metrics/index.js',
  'node_modules/@datadog/native-metrics/prebuilds/linuxglibc-x64/node-napi.node',
  'node_modules/@datadog/native-metrics/prebuilds/linuxmusl-x64/node-napi.node',
  'node_modules/@datadog/native-metrics/prebuilds/linuxglibc-arm64/node-napi.node',
  'node_modules/@datadog/native-metrics/prebuilds/darwin-arm64/node-napi.node',
  'node_modules/@datadog/native-metrics/prebuilds/win32-x64/node-napi.node',
  'node_modules/@datadog/pprof/prebuilds/linux-x64/dd_pprof.node.abi127.node',
  'node_modules/@datadog/pprof/prebuilds/linux-x64/dd_pprof.node.abi115.node',
  'node_modules/@datadog/pprof/prebuilds/linux-x64/dd_pprof.musl.node.abi127.node',
  'node_modules/@datadog/native-iast-taint-tracking/prebuilds/linuxglibc-x64/node-127.node',
  'node_modules/@datadog/native-iast-taint-tracking/prebuilds/linuxglibc-x64/node-137.node',
  'node_modules/@datadog/pprof/prebuilds/linux-arm64/dd_pprof.node.abi127.node',
  'node_modules/@datadog/libdatadog-extras/prebuilds/linuxglibc-x64/crashtracker-napi.node',
  'node_modules/@datadog/libdatadog-extras/prebuilds/remote_config/remote_config.js',
  'node_modules/dd-trace/node_modules/@datadog/native-appsec/prebuilds/darwin-x64/node-napi.node',
  'node_modules/dd-trace/node_modules/@datadog/native-appsec/prebuilds/linuxglibc-x64/node-napi.node',
  // Not dd-trace's: other scopes are left alone.
  'node_modules/@other/native/prebuilds/darwin-x64/x.node',
];

describe('scripts/prune-native-prebuilds.js', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'tc-prune-'));
    for (const file of TREE) {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), 'x'.repeat(100));
    }
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const left = () => TREE.filter((f) => existsSync(join(root, f)));

  it('keeps linux x64 glibc (and non-platform folders), drops every other platform of @datadog packages', () => {
    const { removed, bytes } = prune.prune(join(root, 'node_modules'), IMAGE);
    expect(left()).toEqual([
      'node_modules/@datadog/native-metrics/index.js',
      'node_modules/@datadog/native-metrics/prebuilds/linuxglibc-x64/node-napi.node',
      'node_modules/@datadog/pprof/prebuilds/linux-x64/dd_pprof.node.abi127.node',
      'node_modules/@datadog/pprof/prebuilds/linux-x64/dd_pprof.node.abi115.node',
      'node_modules/@datadog/native-iast-taint-tracking/prebuilds/linuxglibc-x64/node-127.node',
      'node_modules/@datadog/native-iast-taint-tracking/prebuilds/linuxglibc-x64/node-137.node',
      'node_modules/@datadog/libdatadog-extras/prebuilds/linuxglibc-x64/crashtracker-napi.node',
      'node_modules/@datadog/libdatadog-extras/prebuilds/remote_config/remote_config.js',
      'node_modules/dd-trace/node_modules/@datadog/native-appsec/prebuilds/linuxglibc-x64/node-napi.node',
      'node_modules/@other/native/prebuilds/darwin-x64/x.node',
    ]);
    expect(removed.map((p) => relative(root, p)).sort()).toEqual(
      [
        'node_modules/@datadog/native-metrics/prebuilds/linuxmusl-x64',
        'node_modules/@datadog/native-metrics/prebuilds/linuxglibc-arm64',
        'node_modules/@datadog/native-metrics/prebuilds/darwin-arm64',
        'node_modules/@datadog/native-metrics/prebuilds/win32-x64',
        'node_modules/@datadog/pprof/prebuilds/linux-x64/dd_pprof.musl.node.abi127.node',
        'node_modules/@datadog/pprof/prebuilds/linux-arm64',
        'node_modules/dd-trace/node_modules/@datadog/native-appsec/prebuilds/darwin-x64',
      ].sort(),
    );
    expect(bytes).toBe(700);
  });

  it('with an ABI, keeps only that ABI of ABI-specific builds (N-API builds stay)', () => {
    prune.prune(join(root, 'node_modules'), { ...IMAGE, abi: '127' });
    expect(left().filter((f) => f.endsWith('.node'))).toEqual([
      'node_modules/@datadog/native-metrics/prebuilds/linuxglibc-x64/node-napi.node',
      'node_modules/@datadog/pprof/prebuilds/linux-x64/dd_pprof.node.abi127.node',
      'node_modules/@datadog/native-iast-taint-tracking/prebuilds/linuxglibc-x64/node-127.node',
      'node_modules/@datadog/libdatadog-extras/prebuilds/linuxglibc-x64/crashtracker-napi.node',
      'node_modules/dd-trace/node_modules/@datadog/native-appsec/prebuilds/linuxglibc-x64/node-napi.node',
      'node_modules/@other/native/prebuilds/darwin-x64/x.node',
    ]);
    expect((prune.parseArgs(['nm', '--abi=current']) as { target: { abi: string } }).target.abi).toBe(
      process.versions.modules,
    );
  });

  it('keeps the platform it is told to keep (musl arm64)', () => {
    prune.prune(join(root, 'node_modules'), { platform: 'linux', arch: 'arm64', libc: 'musl' });
    expect(left()).toEqual(
      expect.arrayContaining([
        'node_modules/@datadog/libdatadog-extras/prebuilds/remote_config/remote_config.js',
      ]),
    );
    // In a folder shared by both libcs, a file that names no libc is kept (it may serve either).
    expect(left().filter((f) => f.includes('/prebuilds/') && !f.includes('remote_config'))).toEqual([
      'node_modules/@datadog/pprof/prebuilds/linux-arm64/dd_pprof.node.abi127.node',
      'node_modules/@other/native/prebuilds/darwin-x64/x.node',
    ]);
  });

  it('--dry-run lists without deleting', () => {
    const { removed } = prune.prune(join(root, 'node_modules'), IMAGE, { dryRun: true });
    expect(removed.length).toBe(7);
    expect(left()).toEqual(TREE);
  });

  it('reads platform folder and file names', () => {
    expect(prune.platformOf('linuxglibc-x64')).toEqual({ os: 'linux', libc: 'glibc', arch: 'x64' });
    expect(prune.platformOf('linux-arm64')).toEqual({ os: 'linux', libc: null, arch: 'arm64' });
    expect(prune.platformOf('win32-x64')).toEqual({ os: 'win32', libc: null, arch: 'x64' });
    expect(prune.platformOf('remote_config')).toBeNull();
    expect(prune.platformOf('library-config')).toBeNull();
    expect(prune.libcOfFile('dd_pprof.musl.node.abi127.node')).toBe('musl');
    expect(prune.libcOfFile('node.napi.glibc.node')).toBe('glibc');
    expect(prune.libcOfFile('dd_pprof.node.abi127.node')).toBeNull();
    expect(prune.abiOfFile('dd_pprof.musl.node.abi127.node')).toBe('127');
    expect(prune.abiOfFile('node-137.node')).toBe('137');
    expect(prune.abiOfFile('node-napi.node')).toBeNull();
    expect(prune.abiOfFile('crashtracker-napi.node')).toBeNull();
  });

  it('refuses a missing directory argument and unknown flags', () => {
    expect(() => prune.parseArgs([])).toThrow(/usage/);
    expect(() => prune.parseArgs(['node_modules', '--force'])).toThrow(/unknown argument/);
  });
});
