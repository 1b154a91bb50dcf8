'use strict';
/**
 * Transpiles the bench's bare baseline server (TypeScript) and the project files it imports to plain JS in
 * a work dir, with @swc/core, so its cold start (P5) is a plain `node file.js` like the BFF's production
 * bundle and not a start through the on-the-fly compiler.
 */
const fs = require('node:fs');
const path = require('node:path');
const swc = require('@swc/core');

const ROOT = path.join(__dirname, '..', '..', '..');
const ALIASES = { '@app/twelvego-client': 'libs/twelvego-client/src' };

function resolveTs(fromFile, spec) {
  let base;
  const alias = Object.keys(ALIASES).find((a) => spec === a || spec.startsWith(`${a}/`));
  if (alias) base = path.join(ROOT, ALIASES[alias], spec.slice(alias.length));
  else if (spec.startsWith('.')) base = path.resolve(path.dirname(fromFile), spec);
  else return null; // a package
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts')])
    if (fs.existsSync(candidate)) return candidate;
  return null;
}

/** Returns the path of the compiled entry inside `outDir`. */
function compileBaseline(outDir, entry = 'test/bench/baseline-server.main.ts') {
  const queue = [path.join(ROOT, entry)];
  const done = new Set();
  while (queue.length) {
    const file = queue.pop();
    if (done.has(file)) continue;
    done.add(file);
    let code = fs.readFileSync(file, 'utf8');
    // Rewrite project imports to relative .js paths and follow them.
    code = code.replace(/(from\s+|import\s*\(\s*|require\(\s*)(['"])([^'"]+)\2/g, (m, lead, q, spec) => {
      const target = resolveTs(file, spec);
      if (!target) return m;
      queue.push(target);
      let rel = path.relative(path.dirname(file), target).replace(/\.ts$/, '');
      if (!rel.startsWith('.')) rel = `./${rel}`;
      return `${lead}${q}${rel}${q}`;
    });
    const out = swc.transformSync(code, {
      filename: file,
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
      },
      module: { type: 'commonjs' },
    });
    const target = path.join(outDir, path.relative(ROOT, file)).replace(/\.ts$/, '.js');
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, out.code);
  }
  // Packages resolve from the project's node_modules.
  const link = path.join(outDir, 'node_modules');
  if (!fs.existsSync(link)) fs.symlinkSync(path.join(ROOT, 'node_modules'), link, 'dir');
  return path.join(outDir, entry.replace(/\.ts$/, '.js'));
}

module.exports = { compileBaseline };
