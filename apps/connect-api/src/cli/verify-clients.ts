#!/usr/bin/env node
import 'reflect-metadata';
import { runVerifyClients } from './verify-clients.command';

runVerifyClients(process.argv.slice(2), {
  env: process.env,
  out: (line) => process.stdout.write(`${line}\n`),
}).then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    process.stderr.write(`verify-clients failed: ${(e as Error).message}\n`);
    process.exitCode = 2;
  },
);
