#!/usr/bin/env node
// The bin imports the core modules directly, never index.ts, so it loads neither msw nor the client.
import { parseArgs } from 'node:util';
import type { SandboxOptions } from './options.js';
import { apiRouteTable, controlRouteTable, programTable } from './route-table.js';
import { createSandboxCore } from './sandbox.js';
import type { SandboxCardTypeIds } from './state-setup.js';

const DEFAULT_PORT = 4010;
/** The banner's last line: everything above it is printed once the server listens. */
const LAST_LINE = 'Ctrl-C stops the sandbox.';

/** `--help`; the program ids are known only when a seed fixes them. */
function usage(ids: Readonly<SandboxCardTypeIds> | undefined): string {
  return `Usage: bfinance-cards-sandbox [options]

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
  -h, --help           this text (with --seed S, it shows that seed's program ids)

Card programs to issue with (typeId; random on every start unless --seed is given; the start
banner, GET /cards/types and GET /__sandbox/state show them):
${programTable(ids, '(random)')}

API routes under /external/api (bearer token; JSON body fields and their types, amounts are numbers):
${apiRouteTable()}

Control routes (same bearer token; what bfinance or a cardholder would do):
${controlRouteTable()}

Example:
  curl -s -X POST -H 'authorization: Bearer sandbox_test_token' \\
    http://127.0.0.1:${DEFAULT_PORT}/external/api/cards/issue \\
    -d '{"typeId":"TYPE_ID","initialBalance":10,"firstName":"Ada","lastName":"Lovelace"}'
  curl -s -X POST -H 'authorization: Bearer sandbox_test_token' \\
    http://127.0.0.1:${DEFAULT_PORT}/__sandbox/customers/CUSTOMER_ID/verify -d '{"status":"active"}'
`;
}

interface CliOptions {
  help: boolean;
  port: number;
  sandbox: SandboxOptions;
}

/** Parses the command line; throws a usage message on bad input. */
function parse(argv: string[]): CliOptions {
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
  let port = DEFAULT_PORT;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!/^\d+$/.test(values.port) || port > 65535) throw new Error(`Invalid port: ${values.port}`);
  }
  if (values.token === '') throw new Error('The token must not be empty');
  return {
    help: values.help === true,
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
  let options: CliOptions;
  try {
    options = parse(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${usage(undefined)}`);
    process.exitCode = 2;
    return;
  }
  const { core } = createSandboxCore(options.sandbox);
  if (options.help) {
    process.stdout.write(usage(options.sandbox.seed !== undefined ? core.cardTypeIds : undefined));
    return;
  }
  const server = await core.listen({ port: options.port });
  const rules = [
    options.sandbox.quirks === false ? 'no quirks' : 'quirks on',
    ...(options.sandbox.autoVerify ? ['auto-verify'] : []),
    ...(options.sandbox.strictIssuance ? ['strict issuance'] : []),
  ];
  const budgets = core
    .state()
    .budgets.map((b) => `  ${b.id.padEnd(25)} ${b.name}, ${b.balance} ${b.currency}`);
  process.stdout.write(
    [
      `bfinance sandbox listening on ${server.url}`,
      `token: ${core.token}`,
      `control routes: ${server.controlUrl} (${rules.join(', ')}; listed below)`,
      '',
      'Card programs to issue with (typeId):',
      programTable(core.cardTypeIds),
      'Budgets (budgetId):',
      ...budgets,
      '',
      `API routes under ${server.url}:`,
      apiRouteTable(options.sandbox.quirks ?? true),
      '',
      `Control routes under ${server.controlUrl}:`,
      controlRouteTable(),
      '',
      LAST_LINE,
      '',
    ].join('\n'),
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
