import type { TestContext } from 'vitest';

/**
 * `npm run test:reliability` sets RELIABILITY_FULL=1 for the full sizes of each suite; `npm
 * test` runs the same suites smaller. RELIABILITY_SEED replays a run (every suite prints its seed
 * when it fails).
 */
export const FULL = process.env.RELIABILITY_FULL === '1';

/** The base seed of every suite; each suite derives its own streams from it. */
export const SEED = Number(process.env.RELIABILITY_SEED ?? 20_251_127);

/** Picks the full or the fast size. */
export function size(full: number, fast: number): number {
  return FULL ? full : fast;
}

/** mulberry32 over a seed and a stream name: deterministic, independent streams. */
export function rng(seed: number, stream = ''): () => number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < stream.length; i++) h = Math.imul(h ^ stream.charCodeAt(i), 0x01000193);
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** What a suite reports to the summary table (`npm run test:reliability`). */
export interface SuiteStats {
  /** Suite name, e.g. `1 fault matrix`. */
  suite: string;
  /** Cases, runs or operations checked. */
  cases: number;
  /** Faults injected (requests or connections spoiled on purpose). */
  faults: number;
  /** Logical operations by outcome; empty for suites that run no operations. */
  outcomes: { success: number; failed: number; unknown: number };
  /** Ledger entries applied twice for one idempotency key. Must be 0. */
  duplicates: number;
  /** Operations that ended in no state, or an outcome-unknown that reconcile() got wrong. Must be 0. */
  lost: number;
  /** Canary secrets found in logs, errors, results or stdio. Must be 0. */
  canaryHits: number;
  /** Wall-clock time of the suite. */
  elapsedMs: number;
}

declare module 'vitest' {
  interface TaskMeta {
    reliability?: SuiteStats;
  }
}

/** Fresh stats for a suite. */
export function newStats(suite: string): SuiteStats {
  return {
    suite,
    cases: 0,
    faults: 0,
    outcomes: { success: 0, failed: 0, unknown: 0 },
    duplicates: 0,
    lost: 0,
    canaryHits: 0,
    elapsedMs: 0,
  };
}

/** Hands a suite's stats to the summary reporter (it reads them from the test's metadata). */
export function report(context: TestContext, stats: SuiteStats): void {
  context.task.meta.reliability = { ...stats, outcomes: { ...stats.outcomes } };
}

/** Runs `work` over `items` with at most `limit` in flight; resolves when all have settled. */
export async function pool<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
