// `npm run size`: gzip size budgets of one-call programs as users bundle them (part of `npm test`):
// the edge program through CardsClient and through Cards alone, and the Node program as it stands
// once imported (the undici chunk is a separate file loaded on the first request). Budgets live in
// size-budgets.json; `npm run size -- --update` re-baselines them at the measured size plus 10%,
// never above a budget's `max`; a `target` is printed beside it (issue #18's goals).
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { bundleEdge, EDGE_CONDITIONS, type EdgePlatform, ONE_CALL } from './edge-bundle.js';
import { ensureBuilt, kb, ROOT, tempDir } from './lib.js';

/** One budget: gzip bytes allowed, and the measurement it was set from. */
interface Budget {
  budget: number;
  baseline: number;
  /** A ceiling no re-baseline may raise the budget above. */
  max?: number;
  /** Where the size should get to (issue #18); printed, not enforced, until the budget reaches it. */
  target?: number;
}

type BudgetName = 'edge-bundle' | 'edge-bundle-cards' | 'node-program';

interface Measurement {
  name: BudgetName;
  label: string;
  bytes: number;
  gzip: number;
}

const BUDGET_FILE = join(ROOT, 'test/package/size-budgets.json');
const HEADROOM = 1.1;

async function nodeProgram(dir: string): Promise<Measurement> {
  const result = await build({
    stdin: { contents: ONE_CALL.client, resolveDir: dir, loader: 'js' },
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    platform: 'node',
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return {
    name: 'node-program',
    label: 'Node program, one call through CardsClient, on import (minified)',
    bytes: code.byteLength,
    gzip: gzipSync(code, { level: 9 }).byteLength,
  };
}

async function measure(): Promise<{ measurements: Measurement[]; problems: string[] }> {
  // A throwaway node_modules whose bfinance-cards is this repository, so the bundler goes through
  // the package's exports map exactly as it would in a user's project.
  const dir = tempDir('size');
  try {
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(ROOT, join(dir, 'node_modules', 'bfinance-cards'), 'dir');
    const measurements: Measurement[] = [];
    const problems: string[] = [];
    for (const program of ['client', 'cards'] as const) {
      for (const platform of Object.keys(EDGE_CONDITIONS) as EdgePlatform[]) {
        const report = await bundleEdge(dir, platform, program);
        problems.push(...report.problems.map((problem) => `edge bundle (${platform}): ${problem}`));
        measurements.push({
          name: program === 'client' ? 'edge-bundle' : 'edge-bundle-cards',
          label: `edge program, one call through ${program === 'client' ? 'CardsClient' : 'Cards alone'} (${platform}, minified)`,
          bytes: report.bytes,
          gzip: report.gzip,
        });
      }
    }
    measurements.push(await nodeProgram(dir));
    return { measurements, problems };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function readBudgets(): Partial<Record<BudgetName, Budget>> {
  return JSON.parse(readFileSync(BUDGET_FILE, 'utf8')) as Partial<Record<BudgetName, Budget>>;
}

function writeBudgets(measurements: Measurement[]): void {
  const largest = new Map<BudgetName, number>();
  for (const m of measurements) largest.set(m.name, Math.max(largest.get(m.name) ?? 0, m.gzip));
  const budgets: Record<string, unknown> = {
    $comment:
      'Gzip bytes. budget = baseline (measured when set) + 10%, never above max; a target is printed, not enforced. Re-baseline with `npm run size -- --update`.',
  };
  const before = readBudgets();
  for (const [name, gzip] of largest) {
    const max = before[name]?.max;
    const budget = Math.ceil(gzip * HEADROOM);
    const target = before[name]?.target;
    budgets[name] = {
      budget: max === undefined ? budget : Math.min(budget, max),
      baseline: gzip,
      max,
      target,
    };
  }
  writeFileSync(BUDGET_FILE, `${JSON.stringify(budgets, null, 2)}\n`);
}

async function main(): Promise<void> {
  await ensureBuilt();
  const { measurements, problems } = await measure();
  const update = process.argv.includes('--update');
  if (update) writeBudgets(measurements);
  const budgets = readBudgets();
  for (const m of measurements) {
    const budget = budgets[m.name]?.budget;
    const verdict = budget === undefined ? 'NO BUDGET' : m.gzip <= budget ? 'ok' : 'OVER BUDGET';
    const target = budgets[m.name]?.target;
    const goal = target === undefined ? '' : `, target ${kb(target)}${m.gzip <= target ? ' (met)' : ''}`;
    const limit = budget === undefined ? '' : `, budget ${kb(budget)}${goal}`;
    console.log(`${verdict.padEnd(11)} ${m.label}: ${kb(m.bytes)}, ${kb(m.gzip)} gzip${limit}`);
    if (budget === undefined) problems.push(`${m.name} has no budget in ${BUDGET_FILE}`);
    else if (m.gzip > budget) {
      problems.push(`${m.label} is ${kb(m.gzip)} gzip, over its ${kb(budget)} budget`);
    }
  }
  if (update) console.log(`budgets re-baselined in ${BUDGET_FILE}`);
  if (problems.length > 0) {
    for (const problem of problems) console.error(`size: ${problem}`);
    console.error(
      'If the growth is intended, re-baseline with `npm run size -- --update` and say why in the PR.',
    );
    process.exitCode = 1;
  }
}

await main();
