#!/usr/bin/env node
// The `bfinance-cards` executable: runs main() with the process's arguments, environment and streams.
import { EXIT } from '../cli/exit-codes.js';
import { main } from '../cli/main.js';
import { installRequire } from '../cli/require-shim.js';

installRequire();

const argv = process.argv.slice(2);
const stop = new AbortController();
// doctor only reads, so stopping mid-run leaves nothing half-done; the status says it was cut short.
// bulk stops cleanly on the first signal (rows in flight finish and are journalled), at once on the second.
const interrupt = (): void => {
  if (argv[0] === 'bulk' && !stop.signal.aborted) {
    process.stderr.write(
      'bfinance-cards: stopping; rows in flight finish and are journalled (again to quit now).\n',
    );
    stop.abort();
    return;
  }
  process.stderr.write('bfinance-cards: interrupted.\n');
  process.exit(EXIT.interrupted);
};
process.on('SIGINT', interrupt);
if (argv[0] === 'bulk') process.on('SIGTERM', interrupt);

main({
  argv,
  env: process.env,
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  signal: stop.signal,
  terminal: process.stderr,
}).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.stderr.write(`bfinance-cards ${argv[0] ?? ''} failed unexpectedly.\n`);
    process.exitCode = EXIT.refused;
  },
);
