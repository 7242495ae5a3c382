// `npm run test:package` (part of `npm test`): packs the package as `npm publish` would, checks
// what is in the tarball, installs it into a throwaway folder and uses it from there like a user:
// `import` and `require` on Node, the sandbox bin, the testing entry sharing the main entry's
// classes and working without msw, and TypeScript with moduleResolution node16 (ESM and CJS
// files), bundler and node10, with msw installed and without it.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { devDependencyVersion, ensureBuilt, installTarball, pack, ROOT, run, tempDir } from './lib.js';
import { reach } from './reach.js';
import { checkSharedClasses } from './testing-entry.js';

/** What the tarball may hold besides `dist/**`; the `<entry>/package.json` files are explained in check 1. */
const ALLOWED_FILES = new Set([
  'README.md',
  'LICENSE',
  'package.json',
  ...['testing', 'cards', 'customers', 'pins', 'funds', 'status', 'disputes', 'bulk', 'webhooks', 'feed'].map(
    (entry) => `${entry}/package.json`,
  ),
]);

interface Manifest {
  name: string;
  version: string;
  main?: string;
  module?: string;
  types?: string;
  bin?: Record<string, string>;
  exports: unknown;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

const failures: string[] = [];
function expect(ok: boolean, what: string): void {
  console.log(`${ok ? 'ok  ' : 'FAIL'}  ${what}`);
  if (!ok) failures.push(what);
}

/** Every file path an exports map (or main/module/types/bin) points at. */
function referencedFiles(manifest: Manifest): string[] {
  const found = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string') {
      if (value.startsWith('./')) found.add(value.slice(2));
    } else if (value && typeof value === 'object') {
      for (const child of Object.values(value)) walk(child);
    }
  };
  walk(manifest.exports);
  for (const field of [
    manifest.main,
    manifest.module,
    manifest.types,
    ...Object.values(manifest.bin ?? {}),
  ]) {
    if (field) found.add(field.replace(/^\.\//, ''));
  }
  return [...found].sort();
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

// One file per TypeScript setup. It uses the main entry and the testing entry, and expects one
// type error (a standalone card without initialBalance), which only happens when the real types
// (not `any`) were found.
const TYPE_TEST = `import { CardsClient, isCardsError, NotFoundError, type Card, type IssueCardParams } from 'bfinance-cards';
import { Cards } from 'bfinance-cards/cards';
import { Funds } from 'bfinance-cards/funds';
import { createSandbox, type Sandbox } from 'bfinance-cards/testing';

const client = new CardsClient({ apiToken: 'token', baseUrl: 'http://127.0.0.1:4010/external/api' });
const params: IssueCardParams = { model: 'card', typeId: 't', initialBalance: 10, firstName: 'Ada', lastName: 'Lovelace' };
// @ts-expect-error a standalone card needs an initialBalance
const missingBalance: IssueCardParams = { model: 'card', typeId: 't', firstName: 'Ada', lastName: 'Lovelace' };

export async function lastFour(id: string): Promise<string | undefined> {
  const card: Card = await client.cards.retrieve(id);
  return card.last4;
}

export function isNotFound(error: unknown): boolean {
  return error instanceof NotFoundError || (isCardsError(error) && error.name === 'NotFoundError');
}

const sandbox: Sandbox = createSandbox({ seed: 1 });
// Each entry's class is the client's resource, and takes the client's options.
const cards: Cards = client.cards;
const funds: Funds = new Funds({ apiToken: 'token', maxRetries: 1 });
// @ts-expect-error a resource class takes CardsClient's options only
new Cards({ apiTokn: 'token' });
export const used = [params, missingBalance, sandbox.token, cards, funds];
`;

// Appended where msw is installed: the handlers go to msw's setupServer as they are.
const MSW_TYPE_TEST = `import { setupServer } from 'msw/node';
export const server = setupServer(...(await sandbox.handlers()));
`;

// A user's usual settings. skipLibCheck is on (the `tsc --init` default) except in the first setup,
// which type-checks the package's declaration files themselves.
const STRICT = {
  strict: true,
  noEmit: true,
  target: 'es2022',
  esModuleInterop: true,
  skipLibCheck: true,
  types: ['node'],
};

/** Throwaway tsconfig files, one per moduleResolution a user may have. */
interface TsSetup {
  name: string;
  file: string;
  options: Record<string, unknown>;
  code?: string;
}
const TS_SETUPS: TsSetup[] = [
  {
    name: 'moduleResolution node16, an ES module (.mts), declaration files checked too, msw handlers',
    file: 'esm.mts',
    options: { ...STRICT, module: 'node16', moduleResolution: 'node16', skipLibCheck: false },
    code: TYPE_TEST + MSW_TYPE_TEST,
  },
  {
    name: 'moduleResolution node16, a CommonJS module (.cts)',
    file: 'cjs.cts',
    options: { ...STRICT, module: 'node16', moduleResolution: 'node16' },
  },
  {
    name: 'moduleResolution bundler',
    file: 'bundler.ts',
    options: { ...STRICT, module: 'esnext', moduleResolution: 'bundler', lib: ['es2022', 'dom'] },
  },
  {
    name: 'moduleResolution node10 (through testing/package.json for the testing entry)',
    file: 'node10.ts',
    options: { ...STRICT, module: 'commonjs', moduleResolution: 'node10', ignoreDeprecations: '5.0' },
  },
];

/** A strict project without msw (an optional peer): the declaration files must not need it. */
const NO_MSW_TS_SETUPS: TsSetup[] = [
  {
    name: 'moduleResolution node16 (.mts), declaration files checked, msw not installed',
    file: 'esm.mts',
    options: { ...STRICT, module: 'node16', moduleResolution: 'node16', skipLibCheck: false },
  },
  {
    name: 'moduleResolution bundler, declaration files checked, msw not installed',
    file: 'bundler.ts',
    options: { ...STRICT, module: 'esnext', moduleResolution: 'bundler', skipLibCheck: false },
  },
];

const ESM_SMOKE = `import * as sdk from 'bfinance-cards';
import { createSandbox } from 'bfinance-cards/testing';
const version = process.argv[2];
if (typeof sdk.CardsClient !== 'function' || sdk.VERSION !== version) throw new Error('import: wrong exports');
if (typeof createSandbox !== 'function') throw new Error('import: no createSandbox');
if (!sdk.isCardsError(new sdk.NotFoundError('Card not found', { status: 404, hint: 'Check the card id.' }))) {
  throw new Error('import: isCardsError');
}
// Each resource entry shares the root entry's engine: the client's resource is the entry's class,
// and an error thrown through a class alone is the root's error class.
const entries = { cards: 'Cards', customers: 'Customers', pins: 'Pins', funds: 'Funds', status: 'Status', disputes: 'Disputes' };
const sandbox = createSandbox({ seed: 1 });
const client = new sdk.CardsClient({ apiToken: 't' });
for (const [name, className] of Object.entries(entries)) {
  const Entry = (await import('bfinance-cards/' + name))[className];
  if (!(client[name] instanceof Entry)) throw new Error('import: client.' + name + ' is not the entry class');
}
const { Cards } = await import('bfinance-cards/cards');
const cards = new Cards({ apiToken: sandbox.token, baseUrl: sandbox.baseUrl, fetch: sandbox.fetch });
const missing = await cards.retrieve('no-such-card').catch((error) => error);
if (!(missing instanceof sdk.NotFoundError)) throw new Error('import: an error from Cards is not the root NotFoundError');
console.log('esm ok');
`;

const CJS_SMOKE = `const sdk = require('bfinance-cards');
const { createSandbox } = require('bfinance-cards/testing');
const version = process.argv[2];
if (typeof sdk.CardsClient !== 'function' || sdk.VERSION !== version) throw new Error('require: wrong exports');
if (typeof createSandbox !== 'function') throw new Error('require: no createSandbox');
const entries = { cards: 'Cards', customers: 'Customers', pins: 'Pins', funds: 'Funds', status: 'Status', disputes: 'Disputes' };
const client = new sdk.CardsClient({ apiToken: 't' });
for (const [name, className] of Object.entries(entries)) {
  const Entry = require('bfinance-cards/' + name)[className];
  if (!(client[name] instanceof Entry)) throw new Error('require: client.' + name + ' is not the entry class');
}
const sandbox = createSandbox({ seed: 1 });
const { Cards } = require('bfinance-cards/cards');
const cards = new Cards({ apiToken: sandbox.token, baseUrl: sandbox.baseUrl, fetch: sandbox.fetch });
cards.retrieve('no-such-card').then(
  () => { throw new Error('require: no error'); },
  (error) => {
    if (!(error instanceof sdk.NotFoundError)) throw new Error('require: an error from Cards is not the root NotFoundError');
    console.log('cjs ok');
  },
);
`;

// A project without msw (the testing entry's optional peer): the in-process and HTTP sandboxes work,
// and only sandbox.handlers() needs msw.
const NO_MSW_SMOKE = `import { existsSync } from 'node:fs';
import { NotFoundError } from 'bfinance-cards';
import { createSandbox } from 'bfinance-cards/testing';
if (existsSync('node_modules/msw')) throw new Error('msw is installed here');
const sandbox = createSandbox({ seed: 1 });
const client = sandbox.client();
if ((await client.cards.types()).length !== 3) throw new Error('in-process sandbox');
const missing = await client.cards.retrieve('no-such-card').catch((error) => error);
const server = await sandbox.listen();
const res = await fetch(server.url + '/balance', { headers: { authorization: 'Bearer ' + sandbox.token } });
await server.close();
if (res.status !== 200) throw new Error('HTTP sandbox');
const handlers = await sandbox.handlers().then(() => 'loaded', () => 'needs msw');
if (handlers !== 'needs msw') throw new Error('handlers() without msw');
if (!(missing instanceof NotFoundError)) throw new Error('an error from sandbox.client() is not an instance of the main entry class');
console.log('no-msw ok');
`;

async function main(): Promise<void> {
  await ensureBuilt();
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
  const work = tempDir('package');
  try {
    // 1. The tarball: dist, the docs and the manifest. <entry>/package.json are the extra files:
    //    TypeScript's node10 resolution (and other tools without exports support) reads them for
    //    `bfinance-cards/<entry>`; they only point into dist.
    const { tarball, files } = await pack(work);
    console.log(`packed ${relative(work, tarball)}: ${files.length} files`);
    const unexpected = files.filter((file) => !file.startsWith('dist/') && !ALLOWED_FILES.has(file));
    expect(
      unexpected.length === 0,
      `only dist, README, LICENSE and package.json packed ${unexpected.join(' ')}`,
    );
    for (const file of ['README.md', 'LICENSE', 'package.json']) {
      expect(files.includes(file), `${file} is packed`);
    }
    const maps = files.filter((file) => file.endsWith('.map'));
    expect(maps.length === 0, `no source maps packed ${maps.join(' ')}`);
    const missing = referencedFiles(manifest).filter((file) => !files.includes(file));
    expect(missing.length === 0, `every file package.json points at is packed ${missing.join(' ')}`);
    const read = (file: string): string | undefined =>
      files.includes(file) ? readFileSync(join(ROOT, file), 'utf8') : undefined;
    const reached = reach(referencedFiles(manifest), read, manifest.name);
    const stray = files.filter((file) => file.startsWith('dist/') && !reached.files.has(file));
    expect(stray.length === 0, `every packed dist file is reached from package.json ${stray.join(' ')}`);
    // A runtime dependency is a package the built code loads; a bundled one is not.
    const peers = Object.keys(manifest.peerDependencies ?? {});
    const loaded = [...reached.packages].filter((name) => !peers.includes(name)).sort();
    const declared = Object.keys(manifest.dependencies ?? {}).sort();
    expect(
      JSON.stringify(loaded) === JSON.stringify(declared),
      `dependencies are exactly the packages the built code loads (loaded: ${loaded.join(', ') || 'none'}; declared: ${declared.join(', ') || 'none'})`,
    );
    // The bundled undici request path is the locked undici, so a security fix shows in review.
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { version?: string }>;
    };
    const locked = lock.packages['node_modules/undici']?.version;
    const bundled = /undici (\S+) request path/.exec(read('dist/undici/request.cjs') ?? '')?.[1];
    expect(
      locked !== undefined && bundled === locked,
      `dist/undici/request.cjs bundles the locked undici (${bundled} vs ${locked})`,
    );

    // 2. Installed like a user installs it, with msw (the testing entry's optional peer) and the
    //    @types/node the project uses.
    const consumer = join(work, 'consumer');
    rmSync(consumer, { recursive: true, force: true });
    mkdirSync(consumer);
    await installTarball(consumer, tarball, [
      `msw@${devDependencyVersion('msw')}`,
      `@types/node@${devDependencyVersion('@types/node')}`,
    ]);
    const installed = join(consumer, 'node_modules', manifest.name);
    const leaks: string[] = [];
    const absolute = [ROOT.replace(/\/$/, ''), 'file:///', 'sourceMappingURL'];
    for (const file of filesUnder(installed)) {
      const text = readFileSync(file, 'utf8');
      const hit = absolute.find((needle) => text.includes(needle));
      if (hit) leaks.push(`${relative(installed, file)} (${hit})`);
      if (statSync(file).size === 0) leaks.push(`${relative(installed, file)} is empty`);
    }
    expect(
      leaks.length === 0,
      `no absolute build paths or source map links in the package ${leaks.join(', ')}`,
    );

    // 3. Node: import and require, as installed.
    writeFileSync(join(consumer, 'smoke.mjs'), ESM_SMOKE);
    writeFileSync(join(consumer, 'smoke.cjs'), CJS_SMOKE);
    for (const file of ['smoke.mjs', 'smoke.cjs']) {
      const result = await run(process.execPath, [file, manifest.version], { cwd: consumer });
      expect(result.code === 0, `node ${file}: ${(result.stdout + result.stderr).trim()}`);
    }
    for (const [name, usage] of [
      ['bfinance-cards-sandbox', 'Usage: bfinance-cards-sandbox'],
      ['bfinance-cards', 'Usage: bfinance-cards doctor'],
    ] as const) {
      const bin = manifest.bin?.[name];
      expect(bin !== undefined, `package.json declares the ${name} bin`);
      if (!bin) continue;
      const result = await run(process.execPath, [join(installed, bin), '--help'], { cwd: consumer });
      expect(result.code === 0 && result.stdout.includes(usage), `the ${name} bin runs`);
    }

    // 4. The testing entry: one copy of the SDK's classes (testing-entry.ts); no msw needed: step 6.
    await checkSharedClasses(consumer, installed, expect);

    // 5. TypeScript, one throwaway tsconfig per module resolution, two compilers at a time.
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const compile = async (project: string, setup: TsSetup): Promise<() => void> => {
      const dir = join(project, setup.file.replace(/\.\w+$/, ''));
      mkdirSync(dir);
      writeFileSync(join(dir, setup.file), setup.code ?? TYPE_TEST);
      writeFileSync(
        join(dir, 'tsconfig.json'),
        JSON.stringify({ compilerOptions: setup.options, files: [setup.file] }, null, 2),
      );
      const result = await run(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json')], { cwd: dir });
      return () =>
        expect(result.code === 0, `types with ${setup.name} ${(result.stdout + result.stderr).trim()}`);
    };
    for (let i = 0; i < TS_SETUPS.length; i += 2) {
      const pair = TS_SETUPS.slice(i, i + 2).map((setup) => compile(consumer, setup));
      for (const report of await Promise.all(pair)) report();
    }

    // 6. Without msw installed: node, then TypeScript.
    const bare = join(work, 'no-msw');
    mkdirSync(bare);
    await installTarball(bare, tarball, [`@types/node@${devDependencyVersion('@types/node')}`]);
    writeFileSync(join(bare, 'no-msw.mjs'), NO_MSW_SMOKE);
    const bareRun = await run(process.execPath, ['no-msw.mjs'], { cwd: bare });
    expect(
      bareRun.code === 0 && bareRun.stdout.includes('no-msw ok'),
      `the testing entry without msw installed: ${(bareRun.stdout + bareRun.stderr).trim()}`,
    );
    const bareTypes = NO_MSW_TS_SETUPS.map((setup) => compile(bare, setup));
    for (const report of await Promise.all(bareTypes)) report();
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  if (failures.length > 0) {
    console.error(`\n${failures.length} package check(s) failed`);
    process.exitCode = 1;
  }
}

await main();
