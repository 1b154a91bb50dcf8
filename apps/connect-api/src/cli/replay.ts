#!/usr/bin/env node
import { runReplay } from '../migration/replay/replay.command';

runReplay(process.argv.slice(2), { out: (line) => process.stdout.write(`${line}\n`) }).then(
  (code) => (process.exitCode = code),
  (e: Error) => {
    process.stdout.write(`replay failed: ${e.message}\n`);
    process.exitCode = 2;
  },
);
