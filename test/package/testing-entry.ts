// Checks of the testing entry as installed from the tarball (run by check.ts):
// (a) it shares the main entry's classes: its bundles declare none of them (they import
//     `bfinance-cards`), and an error out of a sandbox-backed client passes `instanceof` against
//     the classes a test imports from `bfinance-cards`, in ESM and in CJS;
// (b) without msw installed, it loads and its in-process and HTTP sandboxes answer.
// The scripts use what the testing entry offers: `sandbox.client()` when it exists, otherwise a
// client on `sandbox.listen()`, so they keep working as the entry grows.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './lib.js';

/** Reports one check: printed, and counted as a failure when `ok` is false. */
export type Expect = (ok: boolean, what: string) => void;

// One program, two module systems: `load` is the only difference.
const PROGRAM = (load: string): string => `${load}
const failures = [];
const check = (ok, what) => { if (!ok) failures.push(what); };
const sandbox = testing.createSandbox({ seed: 1 });
const server = await sandbox.listen();
try {
  const clients = { http: new sdk.CardsClient({ apiToken: sandbox.token, baseUrl: server.url, maxRetries: 0 }) };
  if (typeof sandbox.client === 'function') clients.inProcess = sandbox.client({ maxRetries: 0 });
  for (const [name, client] of Object.entries(clients)) {
    check(client instanceof sdk.CardsClient, name + ': the client is a CardsClient of the main entry');
    const types = await client.cards.types();
    check(Array.isArray(types) && types.length > 0, name + ': cards.types() answered');
    const error = await client.cards.retrieve('card_does_not_exist').then(() => undefined, (e) => e);
    check(error instanceof sdk.NotFoundError, name + ': a 404 is instanceof NotFoundError (got ' + error?.name + ')');
    check(error instanceof sdk.CardsError, name + ': and instanceof CardsError');
  }
} finally {
  await server.close();
}
if (failures.length > 0) { console.log(failures.join('; ')); process.exit(1); }
console.log('ok');
`;

const ESM = PROGRAM(`import * as sdk from 'bfinance-cards';
import * as testing from 'bfinance-cards/testing';`);
// CommonJS has no top-level await: the same program inside an async function.
const CJS = `const sdk = require('bfinance-cards');
const testing = require('bfinance-cards/testing');
(async () => {
${PROGRAM('')}
})().catch((error) => { console.log(error?.stack ?? String(error)); process.exit(1); });
`;

/** The names of the classes the main entry exports (its errors and the client). */
async function mainClassNames(consumer: string): Promise<string[]> {
  const script = `import * as sdk from 'bfinance-cards';
console.log(JSON.stringify(Object.entries(sdk).filter(([, v]) => typeof v === 'function' && /^class\\b/.test(Function.prototype.toString.call(v))).map(([k]) => k)));`;
  const file = join(consumer, 'class-names.mjs');
  writeFileSync(file, script);
  const result = await run(process.execPath, [file], { cwd: consumer });
  return result.code === 0 ? (JSON.parse(result.stdout) as string[]) : [];
}

/**
 * (a): the tools (the testing entry, the sandbox and `bfinance-cards` commands) hold no copy of a
 * main-entry class, and `instanceof` holds across entries.
 */
export async function checkSharedClasses(consumer: string, installed: string, expect: Expect): Promise<void> {
  const classes = await mainClassNames(consumer);
  expect(
    classes.includes('CardsClient') && classes.includes('NotFoundError'),
    `main entry classes found: ${classes.length}`,
  );
  const tools = ['dist/tools', 'dist/bin'].flatMap((dir) =>
    readdirSync(join(installed, dir)).map((name) => `${dir}/${name}`),
  );
  for (const file of tools.filter((name) => /\.c?js$/.test(name))) {
    const text = readFileSync(join(installed, file), 'utf8');
    const copies = classes.filter((name) => new RegExp(`\\bclass ${name}\\b`).test(text));
    expect(copies.length === 0, `${file} bundles no copy of the main entry's classes ${copies.join(' ')}`);
  }
  await runBoth(consumer, 'shared-classes', expect, 'the testing entry shares the main entry classes');
}

async function runBoth(consumer: string, name: string, expect: Expect, what: string): Promise<void> {
  for (const [file, text] of [
    [`${name}.mjs`, ESM],
    [`${name}.cjs`, CJS],
  ] as const) {
    writeFileSync(join(consumer, file), text);
    const result = await run(process.execPath, [file], { cwd: consumer });
    const output = (result.stdout + result.stderr).trim().split('\n').slice(0, 3).join(' | ');
    expect(result.code === 0, `${what} (${file}): ${output}`);
  }
}
