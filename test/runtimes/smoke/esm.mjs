// Node and Bun, as an ES module: `import … from 'bfinance-cards'` resolves through the `node` (Node)
// or `bun` (Bun) export condition. Also require()s it, to check that both load the one copy.
// Usage: <runtime> esm.mjs <baseUrl> <token> <tag>
import { createRequire } from 'node:module';
import * as sdk from 'bfinance-cards';
import * as webhooks from 'bfinance-cards/webhooks';
import { checkOneCopy, report, runFlow } from './flow.mjs';
import { runReceiver } from './receiver.mjs';

const [baseUrl, token, tag] = process.argv.slice(2);
const bun = globalThis.Bun;
const inspect = bun ? bun.inspect : (await import('node:util')).inspect;

const ok = await report(async () => {
  const checks = await runFlow(sdk, { baseUrl, token, tag, inspect });
  const cjs = createRequire(import.meta.url)('bfinance-cards');
  checks.push(await checkOneCopy(sdk, cjs, { baseUrl, token, tag }));
  checks.push(...(await runReceiver(webhooks)));
  return { runtime: bun ? 'bun' : 'node', version: bun ? bun.version : process.versions.node, checks };
});
if (!ok) process.exitCode = 1;
