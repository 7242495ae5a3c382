import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSandbox, type SandboxFaultKind } from 'bfinance-cards/testing';
import { parse } from 'csv-parse/sync';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BATCH = 'kill-test';

/** Faults on POST requests (issue, top-up): lost after apply, refused before, rate limited. */
const FAULTS: readonly SandboxFaultKind[] = [
  'reset-after-apply',
  'reset-after-apply',
  'truncated-body',
  'status-500',
  'status-503',
  'reset-before-apply',
];

/** What a killed-and-rerun batch left: the sandbox's word and the command's. */
export interface KillRun {
  exitCodes: (number | null)[];
  kills: number;
  faults: number;
  /** Rows whose card the ledger shows issued (or funded) other than exactly once. */
  notOnce: string[];
  /** Rows where the journal or the results CSV disagree with the ledger. */
  disagree: string[];
  rows: number;
}

/** Seeded random numbers (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const count = (text: string, needle: string): number => text.split(needle).length - 1;

/**
 * Runs `bfinance-cards bulk <operation>` over `n` rows against the HTTP sandbox with faults,
 * kills it with SIGKILL at `kills` random moments (a random number of journal lines into the
 * run), then runs it again until it exits 0, and compares the ledger with the journal and results.
 */
export async function killAndRerun(
  operation: 'issue' | 'topup',
  n: number,
  kills: number,
  seed: number,
): Promise<KillRun> {
  const rand = random(seed);
  const sandbox = createSandbox({ seed, organizationBalance: { usd: 10_000_000 } });
  const server = await sandbox.listen();
  const dir = await mkdtemp(join(tmpdir(), 'bulk-kill-'));
  const csv = join(dir, 'rows.csv');
  const journal = join(dir, 'batch.journal');
  const refs = Array.from({ length: n }, (_, i) => `E-${1000 + i}`);
  const amounts = refs.map((_, i) => `${(i % 40) + 2}.25`);
  const cards: string[] = [];
  if (operation === 'topup') {
    const client = sandbox.client();
    for (const ref of refs) {
      const card = await client.cards.issue({
        model: 'card',
        typeId: sandbox.cardTypeIds.standalone,
        initialBalance: 1,
        firstName: 'Ada',
        lastName: ref,
      });
      cards.push(card.id);
    }
    await writeFile(
      csv,
      `ref,card,amount,note\n${refs.map((r, i) => `${r},${cards[i]},${amounts[i]},pay ${r}`).join('\n')}\n`,
    );
  } else {
    await writeFile(
      csv,
      `ref,firstName,lastName,initialBalance\n${refs.map((r, i) => `${r},Ada,Lovelace ${r},${amounts[i]}`).join('\n')}\n`,
    );
  }
  let faults = 0;
  const injector = setInterval(() => {
    if (faults >= Math.max(4, n / 8)) return;
    const kind =
      rand() < 0.08 ? 'status-429' : (FAULTS[Math.floor(rand() * FAULTS.length)] as SandboxFaultKind);
    sandbox.faults.next(kind, {
      match: { method: 'POST' },
      ...(kind === 'status-429' ? { times: 3, retryAfter: '1' } : {}),
    });
    faults++;
  }, 25);
  const exitCodes: (number | null)[] = [];
  let killed = 0;
  try {
    for (let run = 0; run < kills + 8; run++) {
      const child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          'src/doctor/bin.ts',
          'bulk',
          operation,
          '--csv',
          csv,
          '--journal',
          journal,
          '--batch',
          BATCH,
          '--settle-ms',
          '20',
          '--concurrency',
          '8',
          ...(operation === 'issue' ? ['--type', sandbox.cardTypeIds.standalone] : []),
        ],
        {
          cwd: ROOT,
          env: { ...process.env, BFINANCE_API_TOKEN: sandbox.token, BFINANCE_BASE_URL: server.url },
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
      if (killed < kills) {
        const before = await readFile(journal, 'utf8').catch(() => '');
        const remaining = n - count(before, '"o":"applied"');
        const target = count(before, '\n') + 1 + Math.floor(rand() * Math.max(1, remaining));
        if (await killWhen(child, journal, target, exited)) killed++;
      }
      const code = await exited;
      exitCodes.push(code);
      if (code === 0) break;
      if (code !== null && code !== 4 && code !== 6) {
        const results = await readFile(`${journal}.results.csv`, 'utf8').catch(() => '');
        const open = results.split('\n').filter((l) => /,(refused|unknown|invalid),/.test(l));
        throw new Error(`bulk exited ${code}: ${stderr}\n${open.slice(0, 5).join('\n')}`);
      }
    }
  } finally {
    clearInterval(injector);
    await server.close();
  }
  return {
    exitCodes,
    kills: killed,
    faults,
    rows: n,
    ...(await compare(operation, sandbox.state(), refs, cards, amounts, journal)),
  };
}

/** Kills the child once the journal has `target` lines; false when it exited first. */
async function killWhen(
  child: ChildProcess,
  journal: string,
  target: number,
  exited: Promise<unknown>,
): Promise<boolean> {
  let done = false;
  void exited.then(() => (done = true));
  while (!done) {
    const text = await readFile(journal, 'utf8').catch(() => '');
    if (count(text, '\n') >= target) return child.kill('SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 3));
  }
  return false;
}

async function compare(
  operation: 'issue' | 'topup',
  state: ReturnType<ReturnType<typeof createSandbox>['state']>,
  refs: readonly string[],
  cards: readonly string[],
  amounts: readonly string[],
  journal: string,
): Promise<{ notOnce: string[]; disagree: string[] }> {
  const lines = (await readFile(journal, 'utf8')).split('\n').filter((l) => l !== '');
  const last = new Map<string, { o: string; card?: string; last4?: string }>();
  for (const line of lines) {
    const record = JSON.parse(line.slice(0, line.lastIndexOf('\t'))) as { t: string; ref: string; o: string };
    if (record.t === 'outcome') last.set(record.ref, record);
  }
  const results = parse(await readFile(`${journal}.results.csv`, 'utf8'), { columns: true }) as Record<
    string,
    string
  >[];
  const byRef = new Map(results.map((r) => [r.ref, r]));
  const notOnce: string[] = [];
  const disagree: string[] = [];
  refs.forEach((ref, i) => {
    let card: { id: string; last4: string } | undefined;
    if (operation === 'issue') {
      const issued = state.cards.filter((c) => c.externalId === `${BATCH}.${ref}`);
      const entries = state.ledger.filter((e) => e.kind === 'issue' && e.cardId === issued[0]?.id);
      if (issued.length !== 1 || entries.length !== 1 || entries[0]?.amount !== Number(amounts[i]))
        notOnce.push(ref);
      card = issued[0];
    } else {
      const funded = state.ledger.filter((e) => e.kind === 'topup' && e.cardId === cards[i]);
      if (funded.length !== 1 || funded[0]?.amount !== Number(amounts[i])) notOnce.push(ref);
      card = { id: cards[i] as string, last4: '' };
    }
    const j = last.get(ref);
    const r = byRef.get(ref);
    const last4 = operation === 'issue' ? card?.last4 : undefined;
    if (j?.o !== 'applied' || j.card !== card?.id || j.last4 !== last4) disagree.push(`${ref} journal`);
    if (r?.outcome !== 'applied' || r.cardId !== card?.id || r.last4 !== (last4 ?? ''))
      disagree.push(`${ref} results`);
  });
  if (results.length !== refs.length) disagree.push('results row count');
  return { notOnce, disagree };
}
