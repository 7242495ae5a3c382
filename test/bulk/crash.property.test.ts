import { CardsClient } from 'bfinance-cards';
import { createSandbox, type Sandbox } from 'bfinance-cards/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BulkResult, issueCards, topUpCards } from '../../src/bulk/index.js';
import { type MemoryStore, memoryStore } from './memory-store.js';
import { issueRows } from './rows.js';

/** Thrown at the instant the simulated process dies. */
class Crash extends Error {}

/** Where in a step the process dies: before it, after it, or (journal lines) mid-write. */
type When = 'before' | 'after' | 'torn';

/**
 * One simulated process: a client and a journal store that count every step (each journal
 * append, each request) and die at step `at`. After death nothing more reaches the journal or the
 * sandbox, as after a SIGKILL; a request already forwarded stays applied.
 */
function process_(sandbox: Sandbox, store: MemoryStore, at: number, when: When) {
  let step = 0;
  let dead = false;
  const die = (): never => {
    dead = true;
    throw new Crash('killed');
  };
  const fetch = async (input: string, init: RequestInit): Promise<Response> => {
    if (dead) throw new Crash('dead');
    if (step++ === at && when !== 'after') die();
    const response = await sandbox.fetch(input, init);
    if (step - 1 === at && when === 'after') die();
    return response;
  };
  const journal: MemoryStore = {
    ...store,
    get stored() {
      return store.stored;
    },
    get lock() {
      return store.lock;
    },
    set lock(value) {
      store.lock = value;
    },
    lines: () => (dead ? Promise.reject(new Crash('dead')) : store.lines()),
    dropLast: () => (dead ? Promise.reject(new Crash('dead')) : store.dropLast()),
    readLock: () => (dead ? Promise.reject(new Crash('dead')) : store.readLock()),
    swapLock: (a, b) => (dead ? Promise.reject(new Crash('dead')) : store.swapLock(a, b)),
    async append(lines) {
      if (dead) throw new Crash('dead');
      if (step++ === at) {
        if (when === 'after') await store.append(lines);
        if (when === 'torn') store.stored.push(...lines.map((l) => l.slice(0, Math.max(1, l.length >> 1))));
        die();
      }
      await store.append(lines);
    },
  };
  const client = new CardsClient({ apiToken: sandbox.token, baseUrl: sandbox.baseUrl, fetch, maxRetries: 0 });
  return { client, journal };
}

/** A killed run leaves its lock behind; its heartbeat goes stale, so the next run takes it over. */
function staleLock(store: MemoryStore): void {
  if (store.lock === undefined) return;
  store.lock = JSON.stringify({ ...JSON.parse(store.lock), beat: 0 });
}

const crashes = fc.array(
  fc.record({ at: fc.nat({ max: 40 }), when: fc.constantFrom<When>('before', 'after', 'torn') }),
  { maxLength: 4 },
);

/** Runs the batch once per crash, then until a run ends; the result of the run that ended. */
async function untilDone(
  sandbox: Sandbox,
  store: MemoryStore,
  plan: readonly { at: number; when: When }[],
  run: (client: CardsClient, journal: MemoryStore) => Promise<BulkResult>,
): Promise<BulkResult> {
  for (const { at, when } of plan) {
    const { client, journal } = process_(sandbox, store, at, when);
    try {
      const result = await run(client, journal);
      if (result.unknown === 0) return result;
    } catch (error) {
      if (!(error instanceof Crash)) throw error;
    }
    staleLock(store);
  }
  for (let attempt = 0; ; attempt++) {
    const { client, journal } = process_(sandbox, store, Number.POSITIVE_INFINITY, 'before');
    const result = await run(client, journal);
    if (result.unknown === 0 || attempt > 3) return result;
  }
}

describe('bulk runs killed between any two steps of a row', () => {
  it('issue every card exactly once, and the journal agrees with the sandbox', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 4 }),
        crashes,
        async (n, concurrency, plan) => {
          const sandbox = createSandbox({ seed: 7 });
          const store = memoryStore();
          const rows = issueRows(sandbox.cardTypeIds.standalone, n);
          const result = await untilDone(sandbox, store, plan, (client, journal) =>
            issueCards(client, rows, { journal, concurrency, settleMs: 0, batchId: 'b1' }),
          );
          expect(result.applied).toBe(n);
          const cards = sandbox.state().cards;
          for (const row of result.rows) {
            const issued = cards.filter((c) => c.externalId === `b1.${row.ref}`);
            expect(issued).toHaveLength(1);
            expect(row.cardId).toBe(issued[0]?.id);
            expect(row.last4).toBe(issued[0]?.last4);
          }
          expect(cards).toHaveLength(n);
          expect(sandbox.state().ledger.filter((e) => e.kind === 'issue')).toHaveLength(n);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('fund every card exactly once', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 4 }),
        crashes,
        async (n, concurrency, plan) => {
          const sandbox = createSandbox({ seed: 8 });
          const client = sandbox.client();
          const cards: string[] = [];
          for (let i = 0; i < n; i++) {
            const card = await client.cards.issue({
              model: 'card',
              typeId: sandbox.cardTypeIds.standalone,
              initialBalance: 1,
              firstName: 'Ada',
              lastName: 'Lovelace',
            });
            cards.push(card.id);
          }
          const rows = cards.map((card, i) => ({ ref: `E-${i}`, card, amount: '12.34', note: `pay ${i}` }));
          const store = memoryStore();
          const result = await untilDone(sandbox, store, plan, (c, journal) =>
            topUpCards(c, rows, { journal, concurrency, settleMs: 0 }),
          );
          expect(result.applied).toBe(n);
          const { ledger, cards: after } = sandbox.state();
          for (const card of cards) {
            expect(ledger.filter((e) => e.kind === 'topup' && e.cardId === card)).toHaveLength(1);
            expect(after.find((c) => c.id === card)?.balance).toBe(13.34);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
