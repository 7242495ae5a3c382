// Runs the bundled smoke Worker in workerd through miniflare, with the compatibility date of the
// pinned workerd and no compatibility flags (so no `nodejs_compat`). Miniflare needs Node >= 22, so
// the matrix runs this file with the toolchain's Node 24.
// Usage: node workerd.mjs <toolchainDir> <bundle.mjs> <baseUrl> <token> <tag>
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const [toolchain, bundle, baseUrl, token, tag] = process.argv.slice(2);
const require = createRequire(join(toolchain, 'package.json'));
const { Miniflare } = require('miniflare');
const miniflareVersion = require('miniflare/package.json').version;
const workerdVersion = JSON.parse(
  readFileSync(join(dirname(require.resolve('workerd')), '..', 'package.json'), 'utf8'),
).version;
// workerd 1.YYYYMMDD.N supports compatibility dates up to YYYY-MM-DD.
const [, date] = /^1\.(\d{8})\./.exec(workerdVersion);
const compatibilityDate = `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6)}`;

const mf = new Miniflare({ modules: true, script: readFileSync(bundle, 'utf8'), compatibilityDate });
let result;
try {
  const response = await mf.dispatchFetch('http://smoke.local/', {
    method: 'POST',
    body: JSON.stringify({ baseUrl, token, tag }),
  });
  const text = await response.text();
  try {
    result = JSON.parse(text);
  } catch {
    result = { ok: false, error: `HTTP ${response.status}: ${text.slice(0, 2000)}` };
  }
} catch (error) {
  result = { ok: false, error: String(error?.stack ?? error) };
} finally {
  await mf.dispose();
}
const note = `miniflare ${miniflareVersion}, compatibility date ${compatibilityDate}`;
console.log(`SMOKE_RESULT ${JSON.stringify({ ...result, version: workerdVersion, note })}`);
if (!result.ok) process.exitCode = 1;
