#!/usr/bin/env node
// The bin imports the core modules directly, never index.ts, so it loads neither msw nor the client.
import { parseArgs } from 'node:util';
import { CONTROL_ROUTES } from './control-routes.js';
import type { SandboxOptions } from './options.js';
import { createSandboxCore } from './sandbox.js';

const DEFAULT_PORT = 4010;

const routes = CONTROL_ROUTES.map(
  (r) => `  ${`${r.method} /__sandbox${r.path}`.padEnd(40)} ${r.summary}`,
).join('\n');

const USAGE = `Usage: bfinance-cards-sandbox [options]

Starts an in-memory bfinance Cards API on http://127.0.0.1:<port>/external/api.

Options:
  --port N             TCP port on 127.0.0.1 (default ${DEFAULT_PORT}; 0 picks a free one)
  --seed S             deterministic ids, card numbers and codes
  --token T            the bearer token to accept (default sandbox_test_token)
  --auto-verify        verify new customers and grant access requests without a control call
  --quirks             reproduce bfinance's wire quirks (the default)
  --no-quirks          answer without the quirks (correct spellings, real HTTP statuses)
  --strict-issuance    POST /cards/issue as the API reference reads: externalId, firstName and
                       lastName required, initialBalance an integer
  -h, --help           this text

Control routes (same bearer token; what bfinance or a cardholder would do):
${routes}

Example:
  curl -s -X POST -H 'authorization: Bearer sandbox_test_token' \\
    http://127.0.0.1:${DEFAULT_PORT}/__sandbox/customers/CUSTOMER_ID/verify -d '{"status":"active"}'
`;

interface CliOptions {
  port: number;
  sandbox: SandboxOptions;
}

/** Parses the command line; throws a usage message on bad input. */
function parse(argv: string[]): CliOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    allowNegative: true,
    options: {
      port: { type: 'string' },
      seed: { type: 'string' },
      token: { type: 'string' },
      'auto-verify': { type: 'boolean' },
      quirks: { type: 'boolean' },
      'strict-issuance': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  let port = DEFAULT_PORT;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!/^\d+$/.test(values.port) || port > 65535) throw new Error(`Invalid port: ${values.port}`);
  }
  if (values.token === '') throw new Error('The token must not be empty');
  return {
    port,
    sandbox: {
      ...(values.seed !== undefined ? { seed: values.seed } : {}),
      ...(values.token !== undefined ? { token: values.token } : {}),
      ...(values['auto-verify'] !== undefined ? { autoVerify: values['auto-verify'] } : {}),
      ...(values.quirks !== undefined ? { quirks: values.quirks } : {}),
      ...(values['strict-issuance'] !== undefined ? { strictIssuance: values['strict-issuance'] } : {}),
    },
  };
}

async function main(): Promise<void> {
  let options: CliOptions | 'help';
  try {
    options = parse(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (options === 'help') {
    process.stdout.write(USAGE);
    return;
  }
  const { core } = createSandboxCore(options.sandbox);
  const server = await core.listen({ port: options.port });
  const rules = [
    options.sandbox.quirks === false ? 'no quirks' : 'quirks on',
    ...(options.sandbox.autoVerify ? ['auto-verify'] : []),
    ...(options.sandbox.strictIssuance ? ['strict issuance'] : []),
  ];
  process.stdout.write(
    `bfinance sandbox listening on ${server.url}\ntoken: ${core.token}\ncontrol routes: ${server.controlUrl} (${rules.join(', ')}; --help lists them)\n`,
  );
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
