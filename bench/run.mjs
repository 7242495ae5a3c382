// `npm run bench`: runs every benchmark script in its own process against the built dist, prints
// one table and writes bench/results/latest.json. It asserts nothing about speed (machines are
// noisy); the targets are judged by reading the ratios.
//
//   node bench/run.mjs            full run (≈ 3–5 minutes on 2 cores)
//   node bench/run.mjs --smoke    tiny N, checks every script still runs and the result shape;
//                                 writes bench/results/smoke.json.tmp instead of latest.json
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { arch, cpus, platform, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fmt, parseArgs, ROOT } from './lib/common.mjs';

const args = parseArgs();
const SMOKE = args.smoke === true;

const SCRIPTS = {
  requests: { file: 'requests.mjs', gc: true, full: [], smoke: ['--n=30', '--runs=2', '--warmup=5'] },
  validation: {
    file: 'validation.mjs',
    gc: false,
    full: [],
    smoke: ['--n=500', '--requests=20', '--runs=1'],
  },
  coldStart: { file: 'cold-start.mjs', gc: false, full: ['--rounds=15'], smoke: ['--rounds=1'] },
  bundle: { file: 'bundle.mjs', gc: false, full: [], smoke: [] },
  memory: { file: 'memory.mjs', gc: true, full: [], smoke: ['--n=50', '--rounds=2', '--warmup=5'] },
  memoryUndici: {
    file: 'memory.mjs',
    gc: true,
    full: ['--client=undici'],
    smoke: ['--client=undici', '--n=50', '--rounds=2', '--warmup=5'],
  },
};

for (const built of ['dist/lib/index.js', 'dist/node/index.cjs', 'dist/undici/request.cjs']) {
  if (!existsSync(join(ROOT, built))) throw new Error(`${built} is missing: run \`npm run build\` first`);
}

const started = Date.now();
const tmp = join(tmpdir(), `bfinance-bench-${process.pid}`);
mkdirSync(tmp, { recursive: true });
const results = {};
try {
  for (const [name, script] of Object.entries(SCRIPTS)) {
    const out = join(tmp, `${name}.json`);
    const argv = [
      ...(script.gc ? ['--expose-gc'] : []),
      join(ROOT, 'bench', script.file),
      ...(SMOKE ? script.smoke : script.full),
      `--json=${out}`,
    ];
    const t0 = Date.now();
    const run = spawnSync(process.execPath, argv, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    if (run.status !== 0) throw new Error(`bench/${script.file} failed (exit ${run.status})`);
    results[name] = { ...JSON.parse(readFileSync(out, 'utf8')), seconds: (Date.now() - t0) / 1000 };
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

checkShape(results);
const seconds = (Date.now() - started) / 1000;
const machine = {
  node: process.version,
  platform: `${platform()} ${arch()}`,
  cpus: cpus().length,
  cpu: cpus()[0]?.model ?? 'unknown',
};
const table = render(results, machine, seconds);
process.stdout.write(`\n${table}\n`);

const file = join(ROOT, 'bench', 'results', SMOKE ? 'smoke.json.tmp' : 'latest.json');
mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
writeFileSync(
  file,
  `${JSON.stringify({ date: new Date().toISOString(), version, machine, seconds, smoke: SMOKE, table, results }, null, 2)}\n`,
);
process.stdout.write(`\nwrote ${file.slice(ROOT.length)} in ${seconds.toFixed(0)} s\n`);

/** Fails (exit 1) when a script's output lost a field the table reads: what the smoke run checks. */
function checkShape(r) {
  const summaryOk = (s) => s && ['median', 'min', 'max'].every((k) => Number.isFinite(s[k]));
  const problems = [];
  const need = (ok, what) => {
    if (!ok) problems.push(what);
  };
  for (const op of ['cards.retrieve', 'funds.topUp']) {
    const modes = r.requests?.results?.[op] ?? {};
    need(Object.keys(modes).length === 2, `requests: ${op} has two modes`);
    for (const [mode, entry] of Object.entries(modes)) {
      for (const v of ['sdk', 'undici', 'fetch']) {
        need(summaryOk(entry[v]?.cpuUs) && summaryOk(entry[v]?.rps), `requests: ${op} ${mode} ${v}`);
      }
      for (const k of ['sdkCpu', 'fetchCpu', 'sdkRps', 'fetchRps']) {
        need(summaryOk(entry.ratios?.[k]), `requests: ${op} ${mode} ratio ${k}`);
      }
    }
  }
  need(summaryOk(r.validation?.results?.['card (cards.retrieve)']?.cpuUs), 'validation: card');
  for (const mode of ['sequential', '16 in flight']) {
    need(summaryOk(r.validation?.results?.inSitu?.[mode]?.parseCpuUs), `validation: in situ ${mode}`);
  }
  for (const k of ['sdk import + construct (ESM)', 'sdk first response', 'fetch first response']) {
    need(summaryOk(r.coldStart?.results?.[k]?.netMs), `cold start: ${k}`);
    need(summaryOk(r.coldStart?.results?.[k]?.wallMs), `cold start: ${k} wall`);
  }
  need(Number.isFinite(r.bundle?.results?.['edge program (workerd, edge-light)']?.gzip), 'bundle: edge');
  need(Number.isFinite(r.bundle?.results?.['node program (loaded on import)']?.gzip), 'bundle: node');
  for (const m of ['memory', 'memoryUndici']) {
    need(Number.isFinite(r[m]?.results?.heapRetainedMedianMb), `${m}: heap retained`);
    need(Number.isFinite(r[m]?.results?.rssGrowthFirstRoundMb), `${m}: RSS growth`);
  }
  if (problems.length > 0) {
    process.stderr.write(`bench results are missing fields:\n  ${problems.join('\n  ')}\n`);
    process.exit(1);
  }
}

/** The one table: Markdown, so it pastes into the README and release notes as is. */
function render(r, m, totalSeconds) {
  const req = r.requests.results;
  const rp = r.requests.params;
  const lines = [];
  const row = (...cells) => lines.push(`| ${cells.join(' | ')} |`);
  // kB = 1000 bytes, as `npm run size` prints them, so the two never disagree by the unit.
  const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
  const ratio = (s) => `${s.median.toFixed(2)}× (${s.min.toFixed(2)}–${s.max.toFixed(2)})`;
  // A smoke run's tiny N cannot meet a target, so it shows measured values only.
  const target = (text) => (SMOKE ? '' : ` (${text})`);

  lines.push(
    `bfinance-cards ${SMOKE ? 'SMOKE run (tiny N: measured values only, the targets apply to full runs, `npm run bench`)' : 'benchmark'}: Node ${m.node}, ${m.platform}, ${m.cpus} CPUs (${m.cpu}); ${totalSeconds.toFixed(0)} s`,
    '',
    `Per-request client CPU, µs: median (min–max) of ${rp.runs} runs × ${rp.n} requests, clients interleaved; ratios paired run by run against raw undici.request.`,
    '',
  );
  row(
    'operation',
    'mode',
    'CardsClient',
    'undici.request',
    'fetch',
    `CPU ratio${target('target ≤ 1.30×')}`,
    `req/s ratio${target('target ≥ 0.80×')}`,
  );
  row('---', '---', '---', '---', '---', '---', '---');
  for (const [op, modes] of Object.entries(req)) {
    for (const [mode, e] of Object.entries(modes)) {
      row(
        op,
        mode,
        fmt(e.sdk.cpuUs),
        fmt(e.undici.cpuUs),
        fmt(e.fetch.cpuUs),
        ratio(e.ratios.sdkCpu),
        ratio(e.ratios.sdkRps),
      );
    }
  }
  const card = r.validation.results['card (cards.retrieve)'].cpuUs;
  const json = r.validation.results['JSON.parse of the card body (for scale)'].cpuUs;
  const inSitu = r.validation.results.inSitu;
  const share = (us, mode) => `${((100 * us) / req['cards.retrieve'][mode].sdk.cpuUs.median).toFixed(1)}%`;
  lines.push(
    '',
    `Validation${target('target < 10% of the per-request CPU')}: schema parse of a card response, µs, and its share of the CardsClient cards.retrieve CPU above.`,
    '',
  );
  row(
    'mode',
    'isolated (tight loop)',
    'in situ (amid requests, paired)',
    'share, isolated',
    'share, in situ',
  );
  row('---', '---', '---', '---', '---');
  for (const mode of Object.keys(inSitu)) {
    const situ = inSitu[mode].parseCpuUs;
    row(mode, fmt(card, 2), fmt(situ, 2), share(card.median, mode), share(situ.median, mode));
  }
  lines.push(
    '',
    `JSON.parse of the same body, isolated: ${json.median.toFixed(2)} µs (raw clients pay it too).`,
  );
  lines.push(
    '',
    `Cold start, fresh processes, ${r.coldStart.params.rounds} rounds: ms from the script's first line until done (net of Node's own start-up), and wall ms from spawn to exit (Node's start-up and teardown included; \`node -e 0\` alone: ${r.coldStart.results.comparisons.baselineWallMs} ms).`,
    '',
  );
  row('process', 'net ms', 'wall ms', ...(SMOKE ? [] : ['target']));
  row('---', '---', '---', ...(SMOKE ? [] : ['---']));
  const targets = {
    'sdk import + construct (ESM)': '≤ 20 ms',
    'sdk first response': '≤ fetch first response',
  };
  for (const [name, v] of Object.entries(r.coldStart.results)) {
    if (name === 'baseline' || name === 'comparisons') continue;
    row(name, fmt(v.netMs), fmt(v.wallMs), ...(SMOKE ? [] : [targets[name] ?? '']));
  }
  const cmp = r.coldStart.results.comparisons;
  lines.push(
    '',
    `Paired per round: sdk first response − fetch first response ${fmt(cmp['sdk first response − fetch first response'])} ms; − undici first response ${fmt(cmp['sdk first response − undici first response'])} ms.`,
    '',
    `Bundles (esbuild ${r.bundle.params.esbuild}, minified, gzip -9) of a program that constructs the client and retrieves one card:`,
    '',
  );
  row('bundle', 'minified', 'gzip');
  row('---', '---', '---');
  const b = r.bundle.results;
  for (const name of [
    'edge program (workerd, edge-light)',
    'edge program, Cards alone (bfinance-cards/cards)',
    'edge program, entry chunk of a splitting bundler',
    'edge program, Cards alone, entry chunk of a splitting bundler',
    'node program (loaded on import)',
    'node program (after the first request)',
  ]) {
    row(name, kb(b[name].bytes), kb(b[name].gzip));
  }
  const budgets = JSON.parse(readFileSync(join(ROOT, 'test', 'package', 'size-budgets.json'), 'utf8'));
  lines.push(
    '',
    `Size budgets, gzip (\`npm run size\`, test/package/size-budgets.json): edge program ${kb(budgets['edge-bundle'].budget)} (target ${kb(budgets['edge-bundle'].target)}), Cards alone ${kb(budgets['edge-bundle-cards'].budget)} (target ${kb(budgets['edge-bundle-cards'].target)}), Node program ${kb(budgets['node-program'].budget)}.`,
    '',
    `The response reader and drift check (src/core/reader.ts, drift.ts) are ${kb(b.readerInEdgeProgram.minifiedBytes)} (${(100 * b.readerInEdgeProgram.shareOfMinified).toFixed(0)}%) of the minified edge program.`,
    '',
    `Memory, ${r.memory.params.rounds} rounds × (${r.memory.params.n} cards.retrieve + ${Math.ceil(r.memory.params.n / 10)} funds.topUp) after ${r.memory.params.warmup} warm-up calls; heap after a full GC:`,
    '',
  );
  row('client', 'heap retained per round, MB', 'RSS growth, first round, MB', 'RSS growth, all rounds, MB');
  row('---', '---', '---', '---');
  for (const [name, key] of [
    [`CardsClient${target('targets < 1 MB, < 10 MB')}`, 'memory'],
    ['raw undici.request (control)', 'memoryUndici'],
  ]) {
    const mem = r[key].results;
    row(name, mem.heapRetainedPerRoundMb.join(', '), mem.rssGrowthFirstRoundMb, mem.rssGrowthMb);
  }
  return lines.join('\n');
}
