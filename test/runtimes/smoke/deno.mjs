// Deno, as a Deno user writes it: an `npm:` specifier, resolved from node_modules through the `deno`
// export condition. Runs with network access to the sandbox only, and no env or write access.
// Usage: deno run --allow-net=127.0.0.1:<port> --allow-read=. deno.mjs <baseUrl> <token> <tag>
import * as sdk from 'npm:bfinance-cards';
import * as webhooks from 'npm:bfinance-cards/webhooks';
import { report, runFlow } from './flow.mjs';
import { runReceiver } from './receiver.mjs';

const [baseUrl, token, tag] = Deno.args;
const ok = await report(async () => ({
  runtime: 'deno',
  version: Deno.version.deno,
  checks: [
    ...(await runFlow(sdk, { baseUrl, token, tag, inspect: Deno.inspect })),
    ...(await runReceiver(webhooks)),
  ],
}));
if (!ok) Deno.exitCode = 1;
