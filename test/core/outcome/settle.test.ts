import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReconcileStatus, Reconciliation } from '../../../src/core/outcome/contract.js';
import { reconcileSettled } from '../../../src/core/outcome/settle.js';

// Issue 17 part 3: not-applied needs proof — two reads in a row that say so, a settle window apart.
// One read right after the call (a 404, an empty page) is not proof.

const LONG_AGO = { operation: 'cards.issue', idempotencyKey: 'k', startedAt: 0, endedAt: 1 };

/** A reconciler answering `script` in turn (its last answer from then on), recording when it read. */
function scripted(script: ReconcileStatus[]): { reads: number[]; reconciler: () => Promise<Reconciliation> } {
  const reads: number[] = [];
  return {
    reads,
    reconciler: async () => {
      const status = script[Math.min(reads.length, script.length - 1)] as ReconcileStatus;
      reads.push(Date.now());
      return {
        status,
        operation: 'cards.issue',
        idempotencyKey: 'k',
        summary: `read ${reads.length}: ${status}.`,
        evidence: { reads: ['cards.retrieve'], examined: 0, matches: [], complete: true },
      };
    },
  };
}

describe('reconcileSettled', () => {
  it('reads twice, a settle window apart, before it answers not-applied, even long after the call', async () => {
    const { reads, reconciler } = scripted(['not-applied']);
    const answer = await reconcileSettled(LONG_AGO, { settleMs: 40 }, reconciler);
    expect(answer.status).toBe('not-applied');
    expect(answer.evidence.rounds).toBe(2);
    expect(answer.summary).toContain('Two reads');
    expect(reads).toHaveLength(2);
    expect((reads[1] ?? 0) - (reads[0] ?? 0)).toBeGreaterThanOrEqual(35);
  });

  it('never answers not-applied unless the last two reads both say so (property)', async () => {
    const status = fc.constantFrom<ReconcileStatus>('applied', 'not-applied', 'still-unknown');
    await fc.assert(
      fc.asyncProperty(fc.array(status, { minLength: 1, maxLength: 4 }), async (script) => {
        const { reads, reconciler } = scripted(script);
        const answer = await reconcileSettled(LONG_AGO, { settleMs: 0 }, reconciler);
        const seen = reads.map((_, i) => script[Math.min(i, script.length - 1)]);
        expect(reads.length).toBeLessThanOrEqual(3);
        if (answer.status === 'not-applied') expect(seen.slice(-2)).toEqual(['not-applied', 'not-applied']);
        if (answer.status === 'applied') expect(seen.at(-1)).toBe('applied');
        // An applied read stands at once.
        if (script[0] === 'applied') expect(reads).toHaveLength(1);
        if (script[0] === 'not-applied' && script[1] === 'applied') expect(answer.status).toBe('applied');
      }),
    );
  });

  it('stays still-unknown when the two reads disagree, or when the wait between them is aborted', async () => {
    const disagree = scripted(['not-applied', 'still-unknown']);
    expect((await reconcileSettled(LONG_AGO, { settleMs: 0 }, disagree.reconciler)).status).toBe(
      'still-unknown',
    );
    const controller = new AbortController();
    const aborted = reconcileSettled(
      LONG_AGO,
      { settleMs: 10_000, signal: controller.signal },
      scripted(['not-applied']).reconciler,
    );
    setTimeout(() => controller.abort(), 10);
    const answer = await aborted;
    expect(answer.status).toBe('still-unknown');
    expect(answer.evidence.rounds).toBe(1);
  });
});
