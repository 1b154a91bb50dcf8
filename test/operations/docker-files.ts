import { cpSync, existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';

/**
 * Just enough of the Dockerfile and .dockerignore formats to check them and to replay the image build
 * without a Docker engine (test/operations/docker*.e2e-spec.ts).
 */

export interface DockerInstruction {
  keyword: string;
  args: string;
  line: number;
}

export interface DockerStage {
  name?: string;
  from: string;
  instructions: DockerInstruction[];
}

export interface ParsedDockerfile {
  /** ARGs declared before the first FROM (usable in FROM lines only). */
  globalArgs: Record<string, string>;
  stages: DockerStage[];
}

/** Logical lines: continuations joined, comments and parser directives dropped. */
function logicalLines(text: string): Array<{ text: string; line: number }> {
  const out: Array<{ text: string; line: number }> = [];
  let buffer = '';
  let start = 0;
  text.split(/\r?\n/).forEach((raw, i) => {
    const trimmed = raw.trim();
    if (trimmed.startsWith('#') || (buffer === '' && trimmed === '')) return;
    if (buffer === '') start = i + 1;
    if (trimmed.endsWith('\\')) {
      buffer += `${trimmed.slice(0, -1).trim()} `;
      return;
    }
    buffer += trimmed;
    out.push({ text: buffer.trim(), line: start });
    buffer = '';
  });
  if (buffer.trim() !== '') out.push({ text: buffer.trim(), line: start });
  return out;
}

export function parseDockerfile(text: string): ParsedDockerfile {
  const parsed: ParsedDockerfile = { globalArgs: {}, stages: [] };
  for (const { text: line, line: number } of logicalLines(text)) {
    const m = /^(\S+)\s*(.*)$/.exec(line)!;
    const keyword = m[1].toUpperCase();
    const args = m[2];
    if (keyword === 'FROM') {
      const tokens = args.split(/\s+/).filter((t) => !t.startsWith('--'));
      const asIndex = tokens.findIndex((t) => t.toUpperCase() === 'AS');
      parsed.stages.push({
        from: tokens[0],
        name: asIndex > 0 ? tokens[asIndex + 1] : undefined,
        instructions: [],
      });
    } else if (parsed.stages.length === 0) {
      if (keyword === 'ARG') Object.assign(parsed.globalArgs, parseAssignments(args));
    } else {
      parsed.stages[parsed.stages.length - 1].instructions.push({ keyword, args, line: number });
    }
  }
  return parsed;
}

/** `A=1 B="two words"` (also the legacy `ENV A value` form). */
export function parseAssignments(args: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!/^[A-Za-z_][A-Za-z0-9_]*=/.test(args)) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:\s+(.*))?$/.exec(args.trim());
    if (m) out[m[1]] = m[2] ?? '';
    return out;
  }
  for (const m of args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("(?:[^"\\]|\\.)*"|'[^']*'|\S*)/g)) {
    const raw = m[2];
    out[m[1]] = /^["']/.test(raw) ? raw.slice(1, -1) : raw;
  }
  return out;
}

function substitute(value: string, scope: Record<string, string>): string {
  return value.replace(
    /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (_, a, dflt, b) => {
      const name = a ?? b;
      return scope[name] ?? dflt ?? '';
    },
  );
}

export function stageByName(df: ParsedDockerfile, name: string): DockerStage {
  const stage = df.stages.find((s) => s.name === name);
  if (!stage) throw new Error(`no stage named ${name}`);
  return stage;
}

/** The stage and the stages it is built FROM, base first. */
export function stageChain(df: ParsedDockerfile, name: string): DockerStage[] {
  const chain: DockerStage[] = [];
  let stage: DockerStage | undefined = stageByName(df, name);
  while (stage) {
    chain.unshift(stage);
    const parent: string = stage.from;
    stage = df.stages.find((s) => s.name === parent);
  }
  return chain;
}

/** The ENV a container of `target` starts with (ARG defaults substituted; ARGs are per stage, ENV inherits). */
export function stageEnv(df: ParsedDockerfile, target: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const stage of stageChain(df, target)) {
    const args: Record<string, string> = {};
    for (const ins of stage.instructions) {
      if (ins.keyword === 'ARG') {
        for (const [k, v] of Object.entries(parseAssignments(ins.args)))
          args[k] = substitute(v, { ...args, ...env });
      } else if (ins.keyword === 'ENV') {
        const scope = { ...args, ...env };
        for (const [k, v] of Object.entries(parseAssignments(ins.args))) env[k] = substitute(v, scope);
      }
    }
  }
  return env;
}

/** The last value of an exec-form (JSON array) instruction such as CMD or ENTRYPOINT along the chain. */
export function stageExec(
  df: ParsedDockerfile,
  target: string,
  keyword: 'CMD' | 'ENTRYPOINT',
): string[] | undefined {
  let found: string[] | undefined;
  for (const stage of stageChain(df, target))
    for (const ins of stage.instructions)
      if (ins.keyword === keyword) found = JSON.parse(ins.args) as string[];
  return found;
}

export interface CopyInstruction {
  from?: string;
  sources: string[];
  dest: string;
  line: number;
}

export function copies(stage: DockerStage): CopyInstruction[] {
  return stage.instructions
    .filter((i) => i.keyword === 'COPY' || i.keyword === 'ADD')
    .map((i) => {
      const tokens = i.args.startsWith('[') ? (JSON.parse(i.args) as string[]) : i.args.split(/\s+/);
      const flags = tokens.filter((t) => t.startsWith('--'));
      const paths = tokens.filter((t) => !t.startsWith('--'));
      const from = flags.find((f) => f.startsWith('--from='))?.slice('--from='.length);
      return { from, sources: paths.slice(0, -1), dest: paths[paths.length - 1], line: i.line };
    });
}

/** `.dockerignore` rules (Go filepath.Match plus `**`, `!` exceptions; last matching rule wins). */
export class DockerIgnore {
  private readonly rules: Array<{ re: RegExp; negate: boolean }>;

  constructor(text: string) {
    this.rules = text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#'))
      .map((l) => {
        const negate = l.startsWith('!');
        const pattern = (negate ? l.slice(1) : l).replace(/^\/+/, '').replace(/\/+$/, '');
        return { re: globToRegExp(pattern), negate };
      });
  }

  static load(root: string): DockerIgnore {
    const file = join(root, '.dockerignore');
    return new DockerIgnore(existsSync(file) ? readFileSync(file, 'utf8') : '');
  }

  /** True when the path (relative to the context, `/`-separated) is left out of the build context. */
  ignores(path: string): boolean {
    const parts = path.split('/').filter((p) => p !== '' && p !== '.');
    let ignored = false;
    for (const rule of this.rules) {
      for (let n = 1; n <= parts.length; n++) {
        if (rule.re.test(parts.slice(0, n).join('/'))) {
          ignored = !rule.negate;
          break;
        }
      }
    }
    return ignored;
  }
}

function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      re += '.*';
      i++;
      if (glob[i + 1] === '/') i++;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/**
 * Replays one `COPY <src>… <dest>` from the build context into `workdir` (the stage's WORKDIR on disk),
 * leaving out what .dockerignore excludes, as the Docker builder does.
 */
export function replayCopy(
  copy: CopyInstruction,
  context: string,
  workdir: string,
  ignore: DockerIgnore,
): void {
  const destIsDir = copy.dest.endsWith('/') || copy.sources.length > 1;
  for (const source of copy.sources) {
    const from = join(context, source);
    const target = destIsDir ? join(workdir, copy.dest, basename(source)) : join(workdir, copy.dest);
    cpSync(from, target, {
      recursive: statSync(from).isDirectory(),
      filter: (path) => !ignore.ignores(relative(context, path).split('\\').join('/')),
    });
  }
}
