import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CardsClient, ResponseValidationError } from 'bfinance-cards';
import { createSandbox } from 'bfinance-cards/testing';
import { describe, expect, it } from 'vitest';
import {
  type BulkProgress,
  BulkRowsError,
  fileJournal,
  issueCards,
  JournalLockedError,
  topUpCards,
} from '../../src/bulk/index.js';
import { checksum, rowFingerprint } from '../../src/bulk/keys.js';
import { memoryStore } from './memory-store.js';

const DAY = 24 * 60 * 60 * 1000;

function setup(rows = 3) {
  const sandbox = createSandbox({ seed: 3 });
  const client = sandbox.client({ maxRetries: 0 });
  const issueRows = Array.from({ length: rows }, (_, i) => ({
    ref: `E-${i + 1}`,
    model: 'card' as const,
    typeId: sandbox.cardTypeIds.standalone,
    initialBalance: 5,
    firstName: 'Ada',
    lastName: 'Lovelace',
  }));
  return { sandbox, client, issueRows };
}

/** A journal line as the journal writes it. */
const line = (record: object): string => {
  const json = JSON.stringify(record);
  return `${json}\t${checksum(json)}`;
};

describe('rows are validated before the first request', () => {
  it('lists every bad row by number, field and rule, and sends nothing', async () => {
    const { sandbox, client, issueRows } = setup();
    const rows = [
      issueRows[0],
      { ...issueRows[1], ref: 'E-1' },
      { ...issueRows[2], ref: 'has space' },
      { ...issueRows[2], ref: 'E-4', initialBalance: '1.234' },
      { ...issueRows[2], ref: 'E-5', firstName: undefined },
    ] as never[];
    const error = await issueCards(client, rows, { journal: memoryStore() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BulkRowsError);
    const issues = (error as BulkRowsError).issues.map((i) => [i.row, i.field, i.rule]);
    expect(issues).toEqual([
      [2, 'ref', 'duplicate'],
      [3, 'ref', 'format'],
      [4, 'initialBalance', 'max_decimals'],
      [5, 'firstName', 'min_length'],
    ]);
    expect(sandbox.requestCount()).toBe(0);
  });

  it('sends only the valid rows when asked to skip the others', async () => {
    const { sandbox, client, issueRows } = setup();
    const rows = [issueRows[0], { ...issueRows[1], initialBalance: -1 }] as never[];
    const result = await issueCards(client, rows, { journal: memoryStore(), skipInvalid: true });
    expect(result.rows.map((r) => r.outcome)).toEqual(['applied', 'invalid']);
    expect(result.invalid).toBe(1);
    expect(sandbox.state().cards).toHaveLength(1);
  });

  it('refuses two rows that would issue under one externalId', async () => {
    const { client, issueRows } = setup(2);
    const rows = issueRows.map((r) => ({ ...r, externalId: 'same' }));
    const error = (await issueCards(client, rows, { journal: memoryStore() }).catch(
      (e) => e,
    )) as BulkRowsError;
    expect(error.issues.map((i) => [i.row, i.field, i.rule])).toEqual([[2, 'externalId', 'duplicate']]);
  });
});

describe('a re-run of the same rows and journal', () => {
  it('skips applied rows, reports refused ones, and sends those again only when asked', async () => {
    const { sandbox, client } = setup();
    const card = (
      await client.cards.issue({
        model: 'card',
        typeId: sandbox.cardTypeIds.standalone,
        initialBalance: 1,
        firstName: 'Ada',
        lastName: 'Lovelace',
      })
    ).id;
    const rows = [
      { ref: 'ok', card, amount: 5 },
      { ref: 'gone', card: 'no-such-card', amount: 5 },
    ];
    const journal = memoryStore();
    const first = await topUpCards(client, rows, { journal });
    expect(first.rows.map((r) => [r.outcome, r.error])).toEqual([
      ['applied', undefined],
      ['refused', 'NotFoundError'],
    ]);
    expect(first.rows[1]?.hint).toBeTruthy();
    const requests = sandbox.requestCount();
    const second = await topUpCards(client, rows, { journal });
    expect(second.rows.map((r) => [r.outcome, r.fromJournal])).toEqual([
      ['applied', true],
      ['refused', true],
    ]);
    expect(sandbox.requestCount()).toBe(requests);
    const third = await topUpCards(client, rows, { journal, retryRefused: true });
    expect(third.rows[1]).toMatchObject({ outcome: 'refused', fromJournal: false });
    expect(sandbox.requestCount()).toBe(requests + 1);
    expect(sandbox.state().ledger.filter((e) => e.kind === 'topup')).toHaveLength(1);
  });

  it('refuses a row whose fields changed since its intent, and sends nothing for it', async () => {
    const { sandbox, client, issueRows } = setup(1);
    const journal = memoryStore();
    await issueCards(client, issueRows, { journal });
    const changed = [{ ...issueRows[0], initialBalance: 50 }] as never[];
    const result = await issueCards(client, changed, { journal });
    expect(result.rows[0]).toMatchObject({ outcome: 'refused', error: 'ValidationError' });
    expect(result.rows[0]?.hint).toMatch(/changed/);
    expect(sandbox.state().cards).toHaveLength(1);
  });

  it('finds a card issued before a crash by its externalId instead of issuing another', async () => {
    const { sandbox, client, issueRows } = setup(1);
    const row = issueRows[0] as (typeof issueRows)[number];
    const { ref, ...fields } = row;
    const card = await client.cards.issue({ ...fields, externalId: `b1.${ref}` });
    const journal = memoryStore();
    journal.stored.push(
      line({ t: 'batch', batch: 'b1', op: 'issue', at: Date.now() }),
      line({ t: 'intent', ref, fp: rowFingerprint(fields), at: Date.now() }),
    );
    const result = await issueCards(client, [row], { journal, settleMs: 0 });
    expect(result.rows[0]).toMatchObject({ outcome: 'applied', cardId: card.id, last4: card.last4 });
    expect(sandbox.state().cards).toHaveLength(1);
  });

  it('finds a budget card issued before a crash the same way', async () => {
    const { sandbox, client } = setup(0);
    const row = {
      ref: 'B-1',
      model: 'budget' as const,
      typeId: sandbox.cardTypeIds.budget,
      budgetId: sandbox.budgetIds[0] as string,
      firstName: 'Ada',
      lastName: 'Lovelace',
    };
    const { ref, ...fields } = row;
    const card = await client.cards.issue({ ...fields, externalId: `b2.${ref}` });
    const journal = memoryStore();
    journal.stored.push(
      line({ t: 'batch', batch: 'b2', op: 'issue', at: Date.now() }),
      line({ t: 'intent', ref, fp: rowFingerprint(fields), at: Date.now() }),
    );
    const result = await issueCards(client, [row], { journal, settleMs: 0 });
    expect(result.rows[0]).toMatchObject({ outcome: 'applied', cardId: card.id });
    expect(sandbox.state().cards).toHaveLength(1);
    const fresh = await issueCards(client, [{ ...row, ref: 'B-2' }], { journal, settleMs: 0 });
    expect(fresh.rows[0]?.outcome).toBe('applied');
    expect(sandbox.state().cards.map((c) => c.externalId)).toEqual(['b2.B-1', 'b2.B-2']);
  });

  it('reports a top-up intent older than 30 days unknown and sends nothing', async () => {
    const { sandbox, client } = setup(0);
    const row = { ref: 'old', card: 'c1', amount: 5 };
    const { ref, ...fields } = row;
    const journal = memoryStore();
    journal.stored.push(
      line({ t: 'batch', batch: 'b1', op: 'topup', at: Date.now() - 40 * DAY }),
      line({ t: 'intent', ref, fp: rowFingerprint(fields), at: Date.now() - 31 * DAY }),
    );
    const result = await topUpCards(client, [row], { journal });
    expect(result.rows[0]).toMatchObject({ outcome: 'unknown', error: 'OutcomeUnknownError' });
    expect(result.rows[0]?.hint).toMatch(/30 days/);
    expect(sandbox.requestCount()).toBe(0);
  });
});

describe('a caller-chosen externalId', () => {
  it('is used as given, and a row whose externalId already names a card is refused unsent', async () => {
    const { sandbox, client, issueRows } = setup(2);
    const [first, second] = issueRows as [(typeof issueRows)[number], (typeof issueRows)[number]];
    const { ref: _ref, ...fields } = first;
    const taken = await client.cards.issue({ ...fields, externalId: 'emp-2' });
    const rows = [
      { ...first, externalId: 'emp-1' },
      { ...second, externalId: 'emp-2' },
    ];
    const result = await issueCards(client, rows, { journal: memoryStore() });
    expect(result.rows.map((r) => r.outcome)).toEqual(['applied', 'refused']);
    expect(result.rows[1]?.hint).toContain(taken.id);
    expect(sandbox.state().cards.map((c) => c.externalId)).toEqual(['emp-2', 'emp-1']);
  });
});

describe('answers the sandbox never gives', () => {
  it('counts a confirmed call whose answer failed the schema applied, and an unreadable one unknown', async () => {
    let calls = 0;
    const client = {
      cards: {
        issue: async () => {
          calls++;
          throw new ResponseValidationError('bad data', {
            status: 200,
            issues: [],
            applied: calls === 1,
            resourceId: calls === 1 ? 'card-9' : undefined,
            hint: 'h',
          });
        },
      },
    } as unknown as CardsClient;
    const rows = ['A', 'B'].map((ref) => ({
      ref,
      model: 'card' as const,
      typeId: 't',
      initialBalance: 5,
      firstName: 'Ada',
      lastName: 'Lovelace',
    }));
    const result = await issueCards(client, rows, { journal: memoryStore(), concurrency: 1 });
    expect(result.rows.map((r) => [r.outcome, r.cardId, r.error])).toEqual([
      ['applied', 'card-9', undefined],
      ['unknown', undefined, 'ResponseValidationError'],
    ]);
    expect(calls).toBe(2);
  });
});

describe('the journal', () => {
  it('drops a torn last line with a message, and stops at a damaged line elsewhere naming it', async () => {
    const { sandbox, client, issueRows } = setup(2);
    const path = join(await mkdtemp(join(tmpdir(), 'bulk-')), 'j');
    await issueCards(client, issueRows, { journal: path });
    const text = await readFile(path, 'utf8');
    await writeFile(path, `${text}{"t":"intent","ref":"E-`);
    const messages: string[] = [];
    const again = await issueCards(client, issueRows, { journal: path, onMessage: (m) => messages.push(m) });
    expect(again.rows.every((r) => r.fromJournal && r.outcome === 'applied')).toBe(true);
    expect(messages.join('\n')).toMatch(/torn last line \(line 6\)/);
    expect(await readFile(path, 'utf8')).toBe(text);
    const lines = text.split('\n');
    lines[2] = (lines[2] as string).replace('E-', 'X-');
    await writeFile(path, lines.join('\n'));
    const requests = sandbox.requestCount();
    const error = await issueCards(client, issueRows, { journal: path }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ValidationError', field: 'journal', rule: 'corrupt' });
    expect((error as Error).message).toMatch(/Line 3 /);
    expect(sandbox.requestCount()).toBe(requests);
  });

  it('belongs to one operation and batch', async () => {
    const { client, issueRows } = setup(1);
    const journal = memoryStore();
    const { batchId } = await issueCards(client, issueRows, { journal });
    await expect(topUpCards(client, [], { journal })).rejects.toMatchObject({ rule: 'operation' });
    await expect(issueCards(client, issueRows, { journal, batchId: 'other' })).rejects.toMatchObject({
      rule: 'batch',
    });
    expect((await issueCards(client, issueRows, { journal, batchId })).applied).toBe(1);
  });
});

describe('the run lock', () => {
  it('refuses a second run while the first holds the lock, and takes over a stale one', async () => {
    const { client, issueRows } = setup(1);
    const journal = memoryStore();
    const live = { pid: process.pid, host: 'elsewhere', beat: Date.now(), token: 't' };
    journal.lock = JSON.stringify(live);
    const error = await issueCards(client, issueRows, { journal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JournalLockedError);
    expect((error as JournalLockedError).holder).toMatchObject({ pid: process.pid, host: 'elsewhere' });
    journal.lock = JSON.stringify({ ...live, beat: Date.now() - 60_000 });
    const messages: string[] = [];
    const result = await issueCards(client, issueRows, { journal, onMessage: (m) => messages.push(m) });
    expect(result.applied).toBe(1);
    expect(messages.join('\n')).toMatch(
      /took over the lock of process \d+ on elsewhere: its heartbeat is 60 s old/,
    );
    expect(journal.lock).toBeUndefined();
  });

  it('takes over a file lock whose process is gone', async () => {
    const { client, issueRows } = setup(1);
    const path = join(await mkdtemp(join(tmpdir(), 'bulk-')), 'j');
    const store = fileJournal(path);
    const { spawnSync } = await import('node:child_process');
    const gone = spawnSync(process.execPath, [
      '-e',
      'process.stdout.write(String(process.pid))',
    ]).stdout.toString();
    const { hostname } = await import('node:os');
    await store.swapLock(
      undefined,
      JSON.stringify({ pid: Number(gone), host: hostname(), beat: Date.now(), token: 'x' }),
    );
    const messages: string[] = [];
    const result = await issueCards(client, issueRows, { journal: path, onMessage: (m) => messages.push(m) });
    expect(result.applied).toBe(1);
    expect(messages.join('\n')).toMatch(new RegExp(`process ${gone} is gone`));
    expect(await store.readLock()).toBeUndefined();
  });
});

describe('running', () => {
  it('pauses every worker for a rate limit and sends the row again', async () => {
    const { sandbox, client, issueRows } = setup(4);
    sandbox.faults.next('status-429', { retryAfter: '1', match: { method: 'POST' } });
    const messages: string[] = [];
    const result = await issueCards(client, issueRows, {
      journal: memoryStore(),
      onMessage: (m) => messages.push(m),
    });
    expect(result.applied).toBe(4);
    expect(messages.join('\n')).toMatch(/rate limited: every worker pauses for 1 s/);
    expect(sandbox.state().cards).toHaveLength(4);
  });

  it('stops on the signal: rows in flight finish and are journalled, the rest are not run', async () => {
    const { sandbox, client, issueRows } = setup(5);
    const stop = new AbortController();
    const journal = memoryStore();
    const result = await issueCards(client, issueRows, {
      journal,
      concurrency: 1,
      signal: stop.signal,
      onProgress: () => stop.abort(),
    });
    expect(result.rows.map((r) => r.outcome)).toEqual([
      'applied',
      'not-run',
      'not-run',
      'not-run',
      'not-run',
    ]);
    expect(result.interrupted).toBe(true);
    expect(journal.stored.filter((l) => l.includes('"t":"outcome"'))).toHaveLength(1);
    const rest = await issueCards(client, issueRows, { journal });
    expect(rest.applied).toBe(5);
    expect(sandbox.state().cards).toHaveLength(5);
  });

  it('reports progress after each row, up to the total', async () => {
    const { client, issueRows } = setup(6);
    const seen: BulkProgress[] = [];
    await issueCards(client, issueRows, {
      journal: memoryStore(),
      concurrency: 2,
      onProgress: (p) => seen.push(p),
    });
    expect(seen.map((p) => p.done)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(seen.at(-1)).toMatchObject({ total: 6, applied: 6, refused: 0, unknown: 0, etaMs: 0 });
  });

  it('never puts card data in the result, the journal or a message', async () => {
    const { client, issueRows } = setup(2);
    const journal = memoryStore();
    const messages: string[] = [];
    const result = await issueCards(client, issueRows, { journal, onMessage: (m) => messages.push(m) });
    const output = [JSON.stringify(result), journal.stored.join('\n'), messages.join('\n')].join('\n');
    for (const row of result.rows) {
      const secrets = await client.cards.sensitive(row.cardId as string);
      const pan = secrets.number.reveal().replace(/\s/g, '');
      expect(pan).toMatch(/^\d{16}$/);
      expect(output.replace(/\s/g, '')).not.toContain(pan);
      // The CVC and expiry are short: looked for standing alone, not inside an id or a timestamp.
      for (const value of [secrets.cvc.reveal(), secrets.expiry.reveal()]) {
        expect(value.length).toBeGreaterThan(2);
        expect(output).not.toMatch(new RegExp(`(?<![0-9A-Za-z])${value}(?![0-9A-Za-z])`));
      }
    }
  });
});
