#!/usr/bin/env node
import { runKeygen } from './keygen.command';

process.exitCode = runKeygen(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`));
