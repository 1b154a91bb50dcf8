'use strict';
/** Self time per function (and per package) of the .cpuprofile files in a directory (`npm run bench -- --profile`). */
const fs = require('node:fs');
const path = require('node:path');

function summarize(dir, top = 30) {
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')) : [];
  if (files.length === 0) return `no .cpuprofile in ${dir}\n`;
  const byFn = new Map();
  const byArea = new Map();
  let total = 0;
  for (const file of files) {
    const profile = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const dt = new Map();
    for (let i = 0; i < profile.samples.length; i++)
      dt.set(profile.samples[i], (dt.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));
    for (const [id, us] of dt) {
      const n = nodes.get(id);
      const cf = n.callFrame;
      const key =
        `${cf.functionName || '(anonymous)'} ${cf.url ? `${cf.url.replace(/^.*\/work\/main\//, '')}:${cf.lineNumber + 1}` : ''}`.trim();
      byFn.set(key, (byFn.get(key) ?? 0) + us);
      const area = cf.url
        ? (/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(cf.url)?.[1] ??
          (cf.url.startsWith('node:')
            ? 'node core'
            : cf.url.includes('dist/')
              ? 'bundle (our code + bundled deps)'
              : 'other'))
        : cf.functionName || '(native)';
      byArea.set(area, (byArea.get(area) ?? 0) + us);
      total += us;
    }
  }
  const pct = (us) => `${((us / total) * 100).toFixed(1).padStart(5)} %`;
  const lines = [
    `CPU profile: ${files.length} file(s), ${(total / 1e6).toFixed(1)} s sampled`,
    '',
    'Self time by area:',
  ];
  for (const [k, v] of [...byArea].sort((a, b) => b[1] - a[1]).slice(0, 12)) lines.push(`  ${pct(v)}  ${k}`);
  lines.push('', `Top ${top} functions by self time:`);
  for (const [k, v] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${pct(v)}  ${k}`);
  return `${lines.join('\n')}\n`;
}

module.exports = { summarize };
if (require.main === module) process.stdout.write(summarize(process.argv[2], Number(process.argv[3] ?? 30)));
