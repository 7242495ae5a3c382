import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSandbox } from 'bfinance-cards/testing';
import { describe, expect, it } from 'vitest';
import { checksum, rowFingerprint } from '../../src/bulk/keys.js';
import { EXIT } from '../../src/cli/exit-codes.js';
import { main } from '../../src/cli/main.js';

async function cli(args: string[], files: Record<string, string> = {}) {
  const sandbox = createSandbox({ seed: 11 });
  const dir = await mkdtemp(join(tmpdir(), 'bulk-cli-'));
  for (const [name, text] of Object.entries(files)) {
    await writeFile(join(dir, name), text.replaceAll('TYPE', sandbox.cardTypeIds.standalone));
  }
  let out = '';
  let err = '';
  const run = async (argv: string[] = args): Promise<number> =>
    main({
      argv: argv.map((a) => a.replace('DIR', dir)),
      env: { BFINANCE_API_TOKEN: sandbox.token, BFINANCE_BASE_URL: sandbox.baseUrl },
      out: (t) => (out += t),
      err: (t) => (err += t),
      fetch: sandbox.fetch,
    });
  return { sandbox, dir, run, output: () => ({ out, err }) };
}

const CSV =
  '\uFEFFref,firstName,lastName,initialBalance,label\r\nE-1,Ada,Lovelace,50,"Travel, EU"\r\nE-2,Grace,"Hop""per",25.50,\r\n';
const ISSUE = ['bulk', 'issue', '--csv', 'DIR/rows.csv', '--journal', 'DIR/batch.journal', '--type', 'TYPE'];

describe('bfinance-cards bulk', () => {
  it('issues the rows of a CSV (BOM, CRLF, quotes) and writes the results beside the journal', async () => {
    const c = await cli(ISSUE, { 'rows.csv': CSV });
    const code = await c.run(ISSUE.map((a) => a.replace('TYPE', c.sandbox.cardTypeIds.standalone)));
    expect(code).toBe(EXIT.ok);
    const cards = c.sandbox.state().cards;
    expect(cards.map((card) => [card.label, card.balance])).toEqual([
      ['Travel, EU', 50],
      [undefined, 25.5],
    ]);
    const results = await readFile(join(c.dir, 'batch.journal.results.csv'), 'utf8');
    expect(results.split('\n')).toEqual([
      'ref,cardId,last4,outcome,error,hint',
      `E-1,${cards[0]?.id},${cards[0]?.last4},applied,,`,
      `E-2,${cards[1]?.id},${cards[1]?.last4},applied,,`,
      '',
    ]);
    expect(c.output().out).toMatch(/applied +2\n/);
  });

  it('validates only with --dry-run, listing bad rows by row, line, field and rule', async () => {
    const csv =
      'ref,firstName,lastName,initialBalance\nE-1,Ada,Lovelace,50\nE-1,Ada,Lovelace,5\nE-3,A,Lovelace,5\n';
    const c = await cli([...ISSUE, '--dry-run'], { 'rows.csv': csv });
    expect(await c.run()).toBe(EXIT.configuration);
    const { err, out } = c.output();
    expect(err).toContain('row 2 (line 3, ref E-1): ref: duplicate');
    expect(err).toContain('row 3 (line 4, ref E-3): firstName: min_length');
    expect(out).toContain('1 valid row(s), 2 invalid; nothing was sent');
    expect(c.sandbox.requestCount()).toBe(0);
  });

  it('sends nothing for invalid rows without --skip-invalid (exit 3), and reports skipped ones (exit 1)', async () => {
    const csv = 'ref,firstName,lastName,initialBalance\nE-1,Ada,Lovelace,50\nE-2,Ada,Lovelace,-5\n';
    const c = await cli(ISSUE, { 'rows.csv': csv });
    const args = ISSUE.map((a) => a.replace('TYPE', c.sandbox.cardTypeIds.standalone));
    expect(await c.run(args)).toBe(EXIT.configuration);
    expect(c.sandbox.requestCount()).toBe(0);
    expect(await c.run([...args, '--skip-invalid'])).toBe(EXIT.refused);
    expect(c.sandbox.state().cards).toHaveLength(1);
  });

  it('refuses an unknown column, a missing token and bad flags', async () => {
    const c = await cli(ISSUE, { 'rows.csv': 'ref,firstname\nE-1,Ada\n', 'ok.csv': CSV });
    expect(await c.run()).toBe(EXIT.configuration);
    expect(c.output().err).toMatch(/Unknown column\(s\) firstname/);
    expect(await c.run(['bulk', 'issue', '--csv', 'x'])).toBe(EXIT.usage);
    expect(await c.run(['bulk', 'mint', '--csv', 'x', '--journal', 'y'])).toBe(EXIT.usage);
    expect(await c.run([...ISSUE, '--concurrency', 'many'])).toBe(EXIT.usage);
    let err = '';
    const noToken = await main({
      argv: ISSUE.slice(0, 6).map((a) => a.replace('DIR', c.dir).replace('rows.csv', 'ok.csv')),
      env: {},
      out: () => undefined,
      err: (t) => (err += t),
    });
    expect(noToken).toBe(EXIT.configuration);
    expect(err).toMatch(/BFINANCE_API_TOKEN is not set/);
  });

  it('exits 6 while another run holds the journal', async () => {
    const c = await cli(ISSUE, { 'rows.csv': CSV });
    const lock = { pid: process.pid, host: hostname(), beat: Date.now(), token: 'other' };
    await writeFile(join(c.dir, 'batch.journal.lock'), JSON.stringify(lock));
    expect(await c.run()).toBe(EXIT.locked);
    expect(c.output().err).toContain(`locked by process ${process.pid}`);
    expect(c.sandbox.requestCount()).toBe(0);
  });

  it('exits 4 when a row is unknown, even with another refused', async () => {
    const csv = 'ref,card,amount\nold,c1,5\ngone,no-such-card,5\n';
    const c = await cli([], { 'rows.csv': csv });
    const line = (record: object): string => `${JSON.stringify(record)}\t${checksum(JSON.stringify(record))}`;
    const old = Date.now() - 31 * 24 * 60 * 60 * 1000;
    await writeFile(
      join(c.dir, 'batch.journal'),
      `${line({ t: 'batch', batch: 'b', op: 'topup', at: old })}\n${line({ t: 'intent', ref: 'old', fp: rowFingerprint({ card: 'c1', amount: '5' }), at: old })}\n`,
    );
    const code = await c.run(['bulk', 'topup', '--csv', 'DIR/rows.csv', '--journal', 'DIR/batch.journal']);
    expect(code).toBe(EXIT.outcomeUnknown);
    const { out } = c.output();
    expect(out).toMatch(/refused +1\n/);
    expect(out).toMatch(/unknown +1 +run the same command again/);
  });

  it('draws a progress bar on a terminal, and writes progress lines otherwise', async () => {
    const { Writable } = await import('node:stream');
    let drawn = '';
    const terminal = Object.assign(
      new Writable({
        write(chunk, _encoding, done) {
          drawn += String(chunk);
          done();
        },
      }),
      { isTTY: true },
    );
    const c = await cli(ISSUE, { 'rows.csv': CSV });
    const args = ISSUE.map((a) => a.replace('DIR', c.dir).replace('TYPE', c.sandbox.cardTypeIds.standalone));
    const env = { BFINANCE_API_TOKEN: c.sandbox.token, BFINANCE_BASE_URL: c.sandbox.baseUrl };
    let err = '';
    const io = { env, out: () => undefined, err: (t: string) => (err += t), fetch: c.sandbox.fetch };
    expect(await main({ ...io, argv: args, terminal })).toBe(EXIT.ok);
    expect(drawn).toContain('2/2 rows | applied 2 refused 0 unknown 0');
    expect(err).not.toContain('progress:');
    expect(
      await main({ ...io, argv: [...args.slice(0, 5), `${c.dir}/other.journal`, ...args.slice(6)] }),
    ).toBe(EXIT.ok);
    expect(err).toContain('progress: 2/2 rows (applied 2, refused 0, unknown 0)');
  });

  it('prints the exit-status table with --help', async () => {
    const c = await cli([]);
    expect(await c.run(['bulk', '--help'])).toBe(EXIT.ok);
    const { out } = c.output();
    expect(out).toContain('Usage: bfinance-cards bulk issue|topup');
    expect(out).toMatch(/ 4 {2}outcome unknown/);
    expect(out).toMatch(/ 6 {2}locked/);
    expect(await c.run(['--help'])).toBe(EXIT.ok);
    expect(c.output().out).toContain('bfinance-cards bulk --help');
  });
});

describe('the bfinance-cards executable, bulk', () => {
  it('stops cleanly on Ctrl-C: rows in flight are journalled, exit 5, and the next run finishes', async () => {
    const { spawn } = await import('node:child_process');
    const { fileURLToPath } = await import('node:url');
    const sandbox = createSandbox({ seed: 12, latencyMs: 30 });
    const server = await sandbox.listen();
    const dir = await mkdtemp(join(tmpdir(), 'bulk-sigint-'));
    const rows = Array.from({ length: 30 }, (_, i) => `E-${i},Ada,Lovelace,5`).join('\n');
    await writeFile(join(dir, 'rows.csv'), `ref,firstName,lastName,initialBalance\n${rows}\n`);
    const args = [
      'bulk',
      'issue',
      '--csv',
      join(dir, 'rows.csv'),
      '--journal',
      join(dir, 'j'),
      '--type',
      sandbox.cardTypeIds.standalone,
      '--concurrency',
      '1',
    ];
    const start = () =>
      spawn(process.execPath, ['--import', 'tsx', 'src/doctor/bin.ts', ...args], {
        cwd: fileURLToPath(new URL('../../', import.meta.url)),
        env: { ...process.env, BFINANCE_API_TOKEN: sandbox.token, BFINANCE_BASE_URL: server.url },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    const exit = (child: ReturnType<typeof start>) =>
      new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
    try {
      const child = start();
      const exited = exit(child);
      while (
        ((await readFile(join(dir, 'j'), 'utf8').catch(() => '')).match(/"t":"outcome"/g) ?? []).length < 2
      ) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      child.kill('SIGINT');
      expect(await exited).toBe(EXIT.interrupted);
      const results = await readFile(join(dir, 'j.results.csv'), 'utf8');
      expect(results).toMatch(/,not-run,/);
      const journal = await readFile(join(dir, 'j'), 'utf8');
      expect((journal.match(/"t":"intent"/g) ?? []).length).toBe(
        (journal.match(/"t":"outcome"/g) ?? []).length,
      );
      expect(await exit(start())).toBe(EXIT.ok);
      expect(sandbox.state().cards).toHaveLength(30);
    } finally {
      await server.close();
    }
  }, 60_000);
});
