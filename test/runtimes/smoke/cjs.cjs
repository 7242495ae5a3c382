// Node and Bun, as CommonJS: `require('bfinance-cards')`. The shared flow is an ES module, which
// CommonJS loads with import(); the SDK itself comes from require().
// Usage: <runtime> cjs.cjs <baseUrl> <token> <tag>
const sdk = require('bfinance-cards');
const webhooks = require('bfinance-cards/webhooks');
const { inspect } = require('node:util');

const [baseUrl, token, tag] = process.argv.slice(2);

Promise.all([import('./flow.mjs'), import('./receiver.mjs')]).then(
  async ([{ report, runFlow }, { runReceiver }]) => {
    const bun = globalThis.Bun;
    const ok = await report(async () => ({
      runtime: bun ? 'bun' : 'node',
      version: bun ? bun.version : process.versions.node,
      checks: [
        ...(await runFlow(sdk, { baseUrl, token, tag, inspect: bun ? bun.inspect : inspect })),
        ...(await runReceiver(webhooks)),
      ],
    }));
    if (!ok) process.exitCode = 1;
  },
);
