// Runs the bundled smoke edge function in Vercel's edge-runtime (the sandbox `next dev` and
// `vercel dev` use for edge functions): a VM context with only the Web APIs an edge function has.
// Usage: node edge-runtime.mjs <toolchainDir> <bundle.js> <baseUrl> <token> <tag>
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const [toolchain, bundle, baseUrl, token, tag] = process.argv.slice(2);
const require = createRequire(join(toolchain, 'package.json'));
const { EdgeRuntime } = require('edge-runtime');
const version = JSON.parse(
  readFileSync(join(dirname(require.resolve('edge-runtime')), '..', 'package.json'), 'utf8'),
).version;

let result;
try {
  const runtime = new EdgeRuntime({ initialCode: readFileSync(bundle, 'utf8') });
  const response = await runtime.dispatchFetch('http://smoke.local/', {
    method: 'POST',
    body: JSON.stringify({ baseUrl, token, tag }),
  });
  const text = await response.text();
  await response.waitUntil();
  try {
    result = JSON.parse(text);
  } catch {
    result = { ok: false, error: `HTTP ${response.status}: ${text.slice(0, 2000)}` };
  }
} catch (error) {
  result = { ok: false, error: String(error?.stack ?? error) };
}
console.log(`SMOKE_RESULT ${JSON.stringify({ ...result, version })}`);
if (!result.ok) process.exitCode = 1;
