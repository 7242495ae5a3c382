import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
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

describe('examples run against the sandbox', () => {
  it('covers every scenario the README lists', () => {
    expect(examples.sort()).toEqual([
      'budget-cards.ts',
      'disputes.ts',
      'error-handling.ts',
      'funds.ts',
      'issue-card-flow.ts',
      'pins.ts',
      'quickstart.ts',
      'reconcile.ts',
      'serverless-handler.ts',
    ]);
  });

  it.each(examples)('%s exits 0 and prints no full card number', async (name) => {
    const env = { ...process.env, BFINANCE_API_TOKEN: '', BFINANCE_BASE_URL: '' };
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', `examples/${name}`], {
      cwd: root,
      env: { ...env, TSX_TSCONFIG_PATH: 'examples/tsconfig.json' },
      timeout: 60_000,
    });
    expect(stdout.length).toBeGreaterThan(0);
    expect(fullPans(stdout + stderr)).toEqual([]);
    expect(stderr).not.toMatch(/Error/);
  });
});
