#!/usr/bin/env node
// The bin imports the core modules directly, never index.ts, so it runs without msw installed.
import { createSandboxCore } from './sandbox.js';

const USAGE = `Usage: bfinance-cards-sandbox [--port N] [--seed S] [--token T]

Starts an in-memory bfinance Cards API on http://127.0.0.1 (port 4010 by default, 0 picks a free one).
`;

interface CliOptions {
  port: number;
  seed?: string;
  token?: string;
}

/** Parses the command line; throws a usage message on bad input. */
function parseArgs(argv: readonly string[]): CliOptions | 'help' {
  const options: CliOptions = { port: 4010 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') return 'help';
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split('=', 2) : [arg, undefined];
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`Missing value for ${name}`);
    if (name === '--port') {
      const port = Number(value);
      if (!/^\d+$/.test(value) || port > 65535) throw new Error(`Invalid port: ${value}`);
      options.port = port;
    } else if (name === '--seed') {
      options.seed = value;
    } else if (name === '--token') {
      options.token = value;
    } else {
      throw new Error(`Unknown option: ${name}`);
    }
  }
  return options;
}

async function main(): Promise<void> {
  let options: CliOptions | 'help';
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (options === 'help') {
    process.stdout.write(USAGE);
    return;
  }
  const { core } = createSandboxCore({
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.token !== undefined ? { token: options.token } : {}),
  });
  const server = await core.listen({ port: options.port });
  process.stdout.write(`bfinance sandbox listening on ${server.url}\ntoken: ${core.token}\n`);
  const stop = (): void => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`Sandbox failed to start: ${(error as Error).message}\n`);
  process.exitCode = 1;
});
