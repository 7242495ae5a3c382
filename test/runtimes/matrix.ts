// `npm run test:runtimes`: runs the packed SDK inside real runtimes, installed from the npm registry
// (see toolchain.ts): Node 20 (the `engines` floor), 22 and 24, Bun, Deno, Cloudflare's workerd
// (through miniflare) and Vercel's edge-runtime. Each loads the package the way a user of that
// runtime does and runs smoke/flow.mjs against the package's own sandbox; a proxy in front of the
// sandbox records which transport each runtime used. Then it bundles a one-call program for the
// edge and checks that no undici and no Node built-in got in. One line per runtime; exit code 1 on
// any failure or when the README's compatibility table does not match this run.
//
//   npm run test:runtimes                     run, and check README.md's table
//   npm run test:runtimes -- --update-readme  run, and rewrite README.md's table from the results
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { bundleEdge, EDGE_CONDITIONS, type EdgePlatform } from '../package/edge-bundle.js';
import { ensureBuilt, installTarball, kb, pack, ROOT, run, tempDir } from '../package/lib.js';
import { currentTable, renderTable, type TableRow, withTable } from './readme-table.js';
import { startSmokeServer } from './sandbox.js';
import { ensureToolchain, NODE_MAJORS, type Toolchain } from './toolchain.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const RUN_TIMEOUT_MS = 90_000;

interface SmokeResult {
  ok: boolean;
  runtime?: string;
  version?: string;
  /** More about the version, e.g. the miniflare that ran workerd. */
  note?: string;
  checks?: string[];
  error?: string;
}

/** One program run inside a runtime. */
interface SmokeRun {
  tag: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
}

/** One runtime: one line of output and one README row. */
interface Job {
  runtime: string;
  loadedAs: string;
  transport: 'undici' | 'fetch';
  /** The runtime part the SDK's User-Agent must show, given the version the program reported. */
  userAgentRuntime: (version: string) => string;
  /** Checks the version the program reported (e.g. the Node major); returns a problem or undefined. */
  checkVersion?: (version: string) => string | undefined;
  /** Why the runs cannot start (a failed bundle); the job then fails with it. */
  blocked?: string | undefined;
  runs: SmokeRun[];
}

interface JobOutcome {
  job: Job;
  ok: boolean;
  version: string;
  note: string | undefined;
  transport: string;
  checks: number;
  problems: string[];
  seconds: number;
}

const log = (line: string): void => console.log(line);

function parseResult(stdout: string): SmokeResult | undefined {
  const line = stdout.split('\n').find((l) => l.startsWith('SMOKE_RESULT '));
  if (!line) return undefined;
  try {
    return JSON.parse(line.slice('SMOKE_RESULT '.length)) as SmokeResult;
  } catch {
    return undefined;
  }
}

/** Installs the packed tarball into a throwaway project with the smoke programs next to it. */
async function prepareConsumer(work: string): Promise<string> {
  const consumer = join(work, 'consumer');
  const { tarball } = await pack(work);
  mkdirSync(consumer);
  await installTarball(consumer, tarball);
  for (const file of readdirSync(join(HERE, 'smoke')))
    copyFileSync(join(HERE, 'smoke', file), join(consumer, file));
  return consumer;
}

/** A bundled smoke program, or why bundling failed (a bundler error is that runtime's failure). */
type Bundle = { path: string; error?: undefined } | { path?: undefined; error: string };

async function bundle(options: Parameters<typeof build>[0] & { outfile: string }): Promise<Bundle> {
  try {
    await build({ ...options, bundle: true, target: 'es2022', logLevel: 'silent' });
    return { path: options.outfile };
  } catch (error) {
    const messages = (error as { errors?: Array<{ text: string }> }).errors?.map((e) => e.text);
    return { error: `bundling failed: ${messages?.join('; ') ?? String(error)}` };
  }
}

/** Bundles the Worker and the edge function as wrangler and Next.js would. */
async function bundleSmokePrograms(consumer: string): Promise<{ worker: Bundle; edge: Bundle }> {
  const worker = await bundle({
    entryPoints: [join(consumer, 'worker.mjs')],
    outfile: join(consumer, 'worker.bundle.mjs'),
    format: 'esm',
    platform: 'neutral',
    mainFields: ['browser', 'module', 'main'],
    conditions: [...EDGE_CONDITIONS.workerd],
  });
  const edge = await bundle({
    entryPoints: [join(consumer, 'edge.mjs')],
    outfile: join(consumer, 'edge.bundle.js'),
    format: 'iife',
    platform: 'browser',
    conditions: [...EDGE_CONDITIONS['edge-light']],
  });
  return { worker, edge };
}

function defineJobs(
  toolchain: Toolchain,
  consumer: string,
  bundles: { worker: Bundle; edge: Bundle },
  server: { url: string; token: string; port: number },
): Job[] {
  const args = (tag: string): string[] => [server.url, server.token, tag];
  const quiet = { NO_COLOR: '1' };
  const nodeJobs: Job[] = NODE_MAJORS.map((major) => ({
    runtime: 'Node.js',
    loadedAs: '`import` and `require` (`node` condition); one copy for both',
    transport: 'undici',
    userAgentRuntime: (version) => `node/${version}`,
    checkVersion: (version) =>
      version.split('.')[0] === major ? undefined : `expected Node ${major}, ran ${version}`,
    runs: [
      {
        tag: `node${major}-esm`,
        command: toolchain.node[major],
        args: ['esm.mjs', ...args(`node${major}-esm`)],
      },
      {
        tag: `node${major}-cjs`,
        command: toolchain.node[major],
        args: ['cjs.cjs', ...args(`node${major}-cjs`)],
      },
    ],
  }));
  const bunEnv = { ...quiet, BUN_RUNTIME_TRANSPILER_CACHE_PATH: '0', DO_NOT_TRACK: '1' };
  return [
    ...nodeJobs,
    {
      runtime: 'Bun',
      loadedAs: '`import` and `require` (`bun` condition); one copy for both',
      transport: 'fetch',
      userAgentRuntime: (version) => `bun/${version}`,
      runs: [
        {
          tag: 'bun-esm',
          command: toolchain.bun,
          args: ['--no-install', 'esm.mjs', ...args('bun-esm')],
          env: bunEnv,
        },
        {
          tag: 'bun-cjs',
          command: toolchain.bun,
          args: ['--no-install', 'cjs.cjs', ...args('bun-cjs')],
          env: bunEnv,
        },
      ],
    },
    {
      runtime: 'Deno',
      loadedAs: "`import 'npm:bfinance-cards'` (`deno` condition), only net and read permissions",
      transport: 'fetch',
      userAgentRuntime: (version) => `deno/${version}`,
      runs: [
        {
          tag: 'deno',
          command: toolchain.deno,
          args: [
            'run',
            '--no-prompt',
            '--no-lock',
            `--allow-net=127.0.0.1:${server.port}`,
            '--allow-read=.',
            'deno.mjs',
            ...args('deno'),
          ],
          env: { ...quiet, DENO_DIR: join(consumer, '.deno'), DENO_NO_UPDATE_CHECK: '1' },
        },
      ],
    },
    {
      runtime: 'Cloudflare workerd',
      loadedAs: 'Worker module bundled with the `workerd` condition, no `nodejs_compat`',
      transport: 'fetch',
      userAgentRuntime: () => 'workerd',
      blocked: bundles.worker.error,
      runs: [
        {
          tag: 'workerd',
          command: toolchain.node['24'],
          args: [
            join(HERE, 'hosts', 'workerd.mjs'),
            toolchain.dir,
            bundles.worker.path ?? '',
            ...args('workerd'),
          ],
        },
      ],
    },
    {
      runtime: 'Vercel edge-runtime',
      loadedAs: 'edge function bundled with the `edge-light` condition',
      transport: 'fetch',
      userAgentRuntime: () => 'edge-light',
      blocked: bundles.edge.error,
      runs: [
        {
          tag: 'edge-runtime',
          command: process.execPath,
          args: [
            join(HERE, 'hosts', 'edge-runtime.mjs'),
            toolchain.dir,
            bundles.edge.path ?? '',
            ...args('edge-runtime'),
          ],
        },
      ],
    },
  ];
}

async function runJob(
  job: Job,
  consumer: string,
  userAgents: (tag: string) => string[],
): Promise<JobOutcome> {
  const started = Date.now();
  const problems: string[] = [];
  let version = '?';
  let note: string | undefined;
  let checks = 0;
  const transports = new Set<string>();
  if (job.blocked) problems.push(job.blocked);
  for (const smoke of job.blocked ? [] : job.runs) {
    const result = await run(smoke.command, smoke.args, {
      cwd: consumer,
      env: { ...process.env, ...smoke.env },
      timeoutMs: RUN_TIMEOUT_MS,
    });
    const parsed = parseResult(result.stdout);
    if (result.timedOut) problems.push(`${smoke.tag}: timed out after ${RUN_TIMEOUT_MS / 1000} s`);
    if (!parsed) {
      problems.push(`${smoke.tag}: no result (exit ${result.code})\n${result.stdout}${result.stderr}`.trim());
      continue;
    }
    if (!parsed.ok || result.code !== 0) {
      problems.push(`${smoke.tag}: ${parsed.error ?? `exit ${result.code}`}`);
      continue;
    }
    version = parsed.version ?? version;
    note = parsed.note ?? note;
    checks += parsed.checks?.length ?? 0;
    const versionProblem = job.checkVersion?.(version);
    if (versionProblem) problems.push(`${smoke.tag}: ${versionProblem}`);
    const agents = userAgents(smoke.tag);
    if (agents.length === 0) problems.push(`${smoke.tag}: no request reached the sandbox`);
    for (const agent of agents) {
      const match = /\(([^;)]+); ([^)]+)\)/.exec(agent);
      transports.add(match?.[2] ?? '?');
      const expected = job.userAgentRuntime(version);
      if (match?.[1] !== expected)
        problems.push(`${smoke.tag}: User-Agent names ${match?.[1]}, expected ${expected}`);
      if (match?.[2] !== job.transport) {
        problems.push(`${smoke.tag}: used ${match?.[2]}, expected the ${job.transport} transport`);
      }
    }
  }
  const seconds = (Date.now() - started) / 1000;
  const transport = [...transports].join('+') || '?';
  return {
    job,
    ok: problems.length === 0,
    version,
    note,
    transport,
    checks,
    problems: [...new Set(problems)],
    seconds,
  };
}

/** Runs `tasks` with at most `limit` at a time; the promises come back in the tasks' order. */
function pool<T>(tasks: ReadonlyArray<() => Promise<T>>, limit: number): Array<Promise<T>> {
  const settle: Array<{ resolve: (value: T) => void; reject: (error: unknown) => void }> = [];
  const results = tasks.map(
    () =>
      new Promise<T>((resolve, reject) => {
        settle.push({ resolve, reject });
      }),
  );
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const i = next++;
      const task = tasks[i];
      const handlers = settle[i];
      if (!task || !handlers) continue;
      await task().then(handlers.resolve, handlers.reject);
    }
  };
  for (let i = 0; i < Math.min(limit, tasks.length); i++) void worker();
  return results;
}

function line(ok: boolean, what: string, transport: string, detail: string): string {
  return `${ok ? 'pass' : 'FAIL'}  ${what.padEnd(36)} ${transport.padEnd(7)} ${detail}`;
}

async function main(): Promise<void> {
  const updateReadme = process.argv.includes('--update-readme');
  const started = Date.now();
  await ensureBuilt();
  const work = tempDir('runtimes');
  let failed = false;
  try {
    const [toolchain, consumer] = await Promise.all([ensureToolchain(log), prepareConsumer(work)]);
    const bundles = await bundleSmokePrograms(consumer);
    const bin = JSON.parse(
      readFileSync(join(consumer, 'node_modules/bfinance-cards/package.json'), 'utf8'),
    ) as {
      bin: Record<string, string>;
    };
    const binPath = join(consumer, 'node_modules/bfinance-cards', Object.values(bin.bin)[0] ?? '');
    const server = await startSmokeServer(binPath, consumer);
    const rows: TableRow[] = [];
    try {
      const jobs = defineJobs(toolchain, consumer, bundles, server);
      console.log(`\nbfinance-cards in ${jobs.length} runtimes (sandbox behind ${server.url})\n`);
      const outcomes = pool(
        jobs.map((job) => () => runJob(job, consumer, server.userAgents)),
        2,
      );
      for (const pending of outcomes) {
        const outcome = await pending;
        const { job } = outcome;
        const note = outcome.note ? `${outcome.note}; ` : '';
        const detail = `${note}${job.loadedAs}; ${outcome.checks} checks, ${outcome.seconds.toFixed(1)} s`;
        console.log(line(outcome.ok, `${job.runtime} ${outcome.version}`, outcome.transport, detail));
        for (const problem of outcome.problems) console.log(`      ${problem.replace(/\n/g, '\n      ')}`);
        failed ||= !outcome.ok;
        rows.push({
          runtime: job.runtime,
          version: outcome.note ? `${outcome.version} (${outcome.note})` : outcome.version,
          loadedAs: job.loadedAs,
          transport: outcome.transport,
          result: outcome.ok ? 'pass' : 'fail',
        });
      }
    } finally {
      await server.close();
    }

    // Edge bundles of a one-call program, from the installed package.
    for (const platform of Object.keys(EDGE_CONDITIONS) as EdgePlatform[]) {
      const report = await bundleEdge(consumer, platform);
      const ok = report.problems.length === 0;
      const sizes = `${kb(report.bytes)} minified, ${kb(report.gzip)} gzip; no undici, no node: import, no polyfill`;
      console.log(line(ok, `edge bundle (${platform} conditions)`, '-', ok ? sizes : 'see below'));
      for (const problem of report.problems) console.log(`      ${problem}`);
      failed ||= !ok;
    }

    // Node 20 is the floor: the matrix's Node 20 must be exactly what `engines` promises.
    const engines = (
      JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } }
    ).engines.node;
    const floor = toolchain.versions.node20;
    const enginesOk = engines === `>=${floor}`;
    console.log(line(enginesOk, `engines.node ${engines}`, '-', `the matrix's Node 20 is ${floor}`));
    failed ||= !enginesOk;

    // The README's table must be this run's.
    const readmePath = join(ROOT, 'README.md');
    const table = renderTable(rows);
    const readme = readFileSync(readmePath, 'utf8');
    const current = currentTable(readme);
    if (failed) {
      console.log('\nREADME.md left alone: the run failed.');
    } else if (current === table) {
      console.log('\nREADME.md compatibility table matches this run.');
    } else if (updateReadme) {
      writeFileSync(readmePath, withTable(readFileSync(readmePath, 'utf8'), table));
      console.log('\nREADME.md compatibility table rewritten from this run.');
    } else {
      failed = true;
      console.log(
        current === undefined
          ? '\nFAIL  README.md has no <!-- runtimes:start --> … <!-- runtimes:end --> block.'
          : `\nFAIL  README.md's compatibility table is stale. Run \`npm run test:runtimes -- --update-readme\`. This run:${table}`,
      );
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  console.log(
    `\n${failed ? 'FAILED' : 'all runtimes pass'} in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  if (failed) process.exitCode = 1;
}

await main();
