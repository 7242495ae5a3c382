import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { isLuhnValid } from '../src/core/luhn.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const examples = readdirSync(new URL('../examples', import.meta.url)).filter(
  (name) => name.endsWith('.ts') && name !== 'connect.ts',
);

/** Every 13–19 digit run (spaces or dashes allowed) that is a valid card number. */
function fullPans(text: string): string[] {
  return [...text.matchAll(/\d(?:[ -]?\d){12,18}/g)]
    .map((m) => m[0].replace(/[ -]/g, ''))
    .filter((digits) => isLuhnValid(digits));
}

/** The first line of every example that connects through examples/connect.ts, on the in-process sandbox. */
const IN_PROCESS = 'SANDBOX: the in-process sandbox (no network, no token): test cards, no real money';
const connects = (name: string): boolean =>
  readFileSync(new URL(`../examples/${name}`, import.meta.url), 'utf8').includes("from './connect.js'");

/** Clears every variable that selects where the examples connect. */
const NO_SELECTION = {
  BFINANCE_API_TOKEN: '',
  BFINANCE_BASE_URL: '',
  BFINANCE_LIVE: '',
  BFINANCE_SANDBOX_URL: '',
};

function runExample(name: string, vars: Record<string, string>): Promise<{ stdout: string; stderr: string }> {
  return run(process.execPath, ['--import', 'tsx', `examples/${name}`], {
    cwd: root,
    env: { ...process.env, ...NO_SELECTION, ...vars, TSX_TSCONFIG_PATH: 'examples/tsconfig.json' },
    timeout: 60_000,
  });
}

describe('examples choose the live API only when asked', () => {
  it('stay on the sandbox with a token in the environment but no BFINANCE_LIVE, and say so', async () => {
    const { stdout } = await runExample('pins.ts', {
      BFINANCE_API_TOKEN: 'a-real-looking-token',
      BFINANCE_BASE_URL: 'https://business.bfinance.app/external/api',
    });
    expect(stdout.split('\n').slice(0, 2)).toEqual([
      IN_PROCESS,
      'BFINANCE_API_TOKEN is set, BFINANCE_LIVE is not: using the sandbox',
    ]);
    expect(stdout).toMatch(/PIN set/);
  });

  it('refuse BFINANCE_LIVE=1 without a token, before any request', async () => {
    await expect(runExample('pins.ts', { BFINANCE_LIVE: '1' })).rejects.toThrow(
      /BFINANCE_LIVE=1 needs BFINANCE_API_TOKEN/,
    );
  });

  it('announce the live API on the first line of output', async () => {
    // A refused port on 127.0.0.1 stands in for the live API: the announcement comes before the call.
    const failed = await runExample('pins.ts', {
      BFINANCE_LIVE: '1',
      BFINANCE_API_TOKEN: 'live-token',
      BFINANCE_BASE_URL: 'http://127.0.0.1:9/external/api',
    }).catch((error: { stdout: string }) => error);
    expect(String(failed.stdout).split('\n')[0]).toBe(
      'LIVE: the bfinance API at http://127.0.0.1:9/external/api (BFINANCE_LIVE=1): real cards, real money',
    );
  });
});

describe('examples run against the sandbox', () => {
  it('covers every scenario the README lists', () => {
    expect(examples.sort()).toEqual([
      'budget-cards.ts',
      'bulk-issue.ts',
      'disputes.ts',
      'error-handling.ts',
      'first-call.ts',
      'funds.ts',
      'issue-card-flow.ts',
      'logging-and-audit.ts',
      'never-miss-a-transaction.ts',
      'one-resource.ts',
      'pins.ts',
      'quickstart.ts',
      'reconcile.ts',
      'serverless-handler.ts',
      'testing.ts',
    ]);
  });

  it.each(examples)('%s exits 0 and prints no full card number', async (name) => {
    const env = { ...process.env, ...NO_SELECTION };
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', `examples/${name}`], {
      cwd: root,
      env: { ...env, TSX_TSCONFIG_PATH: 'examples/tsconfig.json' },
      timeout: 60_000,
    });
    expect(stdout.length).toBeGreaterThan(0);
    // Where it runs comes first (quickstart.ts and testing.ts build their sandbox in plain sight).
    if (connects(name)) expect(stdout.split('\n')[0]).toBe(IN_PROCESS);
    expect(fullPans(stdout + stderr)).toEqual([]);
    expect(stderr).not.toMatch(/Error/);
  });
});
