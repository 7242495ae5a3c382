#!/usr/bin/env node
// The `bfinance-cards` executable: runs main() with the process's arguments, environment and streams.
import { EXIT } from '../cli/exit-codes.js';
import { main } from './cli.js';

// doctor only reads, so stopping mid-run leaves nothing half-done; the status says it was cut short.
process.once('SIGINT', () => {
  process.stderr.write('bfinance-cards: interrupted.\n');
  process.exit(EXIT.interrupted);
});

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
    process.exitCode = EXIT.refused;
  },
);
