#!/usr/bin/env node
// The `bfinance-cards` executable: runs main() with the process's arguments, environment and streams.
import { main } from './cli.js';

main({
  argv: process.argv.slice(2),
  env: process.env,
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
}).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.stderr.write('bfinance-cards doctor failed unexpectedly.\n');
    process.exitCode = 1;
  },
);
