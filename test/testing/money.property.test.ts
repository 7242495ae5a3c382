import type { SandboxSnapshot } from 'bfinance-cards/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localSandbox } from './support.js';

const cents = (n: number): number => Math.round(n * 100);

type Op =
  | { kind: 'issue'; currency: 'USD' | 'EUR'; amount: number; key: string | null }
  | { kind: 'reissue' | 'topup' | 'withdraw'; card: number; amount: number; key: string | null }
  | { kind: 'budget-topup'; amount: number; key: string | null }
  | { kind: 'spend' | 'refund'; card: number; amount: number }
  | { kind: 'freeze' | 'delete' | 'expire'; card: number };

const amount = fc.integer({ min: 1, max: 150_000 }).map((c) => c / 100);
const key = fc.option(fc.constantFrom('k1', 'k2', 'k3', 'k4'), { nil: null });
const card = fc.nat({ max: 20 });

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('issue' as const),
    currency: fc.constantFrom('USD' as const, 'EUR' as const),
    amount,
    key,
  }),
  fc.record({
    kind: fc.constantFrom('reissue' as const, 'topup' as const, 'withdraw' as const),
    card,
    amount,
    key,
  }),
  fc.record({ kind: fc.constant('budget-topup' as const), amount, key }),
  fc.record({ kind: fc.constantFrom('spend' as const, 'refund' as const), card, amount }),
  fc.record({ kind: fc.constantFrom('freeze' as const, 'delete' as const, 'expire' as const), card }),
);

/** Everything the organization owns, per currency, in cents. */
function holdings(state: SandboxSnapshot): Record<string, number> {
  const out: Record<string, number> = {
    USD: cents(state.organizationBalance.usd ?? 0),
    EUR: cents(state.organizationBalance.eur ?? 0),
  };
  for (const c of state.cards) out[c.currency] = (out[c.currency] ?? 0) + cents(c.balance);
  for (const b of state.budgets) out[b.currency] = (out[b.currency] ?? 0) + cents(b.balance);
  return out;
}

/** Net effect of merchant activity per currency, in cents, from the ledger. */
function merchantFlow(state: SandboxSnapshot): Record<string, number> {
  const out: Record<string, number> = { USD: 0, EUR: 0 };
  for (const e of state.ledger) {
    if (e.kind === 'spend') out[e.currency] = (out[e.currency] ?? 0) - cents(e.amount);
    if (e.kind === 'refund') out[e.currency] = (out[e.currency] ?? 0) + cents(e.amount);
  }
  return out;
}

describe('sandbox money conservation', () => {
  it('keeps organization + cards + budgets equal to the start minus net spend', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), fc.boolean(), async (ops, honor) => {
        const { sandbox, call } = localSandbox({
          organizationBalance: { usd: 3000, eur: 1500 },
          honorIdempotencyKey: honor,
          cardTypes: [
            { id: 'usd', name: 'USD', cardCurrency: 'USD', model: 'card' },
            { id: 'eur', name: 'EUR', cardCurrency: 'EUR', model: 'card' },
            { id: 'budget', name: 'Budget', cardCurrency: 'USD', model: 'budget' },
          ],
          budgets: [{ id: 'b1', balance: 500 }],
        });
        const start = holdings(sandbox.state());
        await call('POST', '/budget-cards/issue', {
          typeId: 'budget',
          budgetId: 'b1',
          firstName: 'Grace',
          lastName: 'Hopper',
        });
        const pick = (n: number): string | undefined => {
          const cards = sandbox.state().cards;
          return cards[n % Math.max(cards.length, 1)]?.id;
        };
        const headers = (k: string | null): Record<string, string> =>
          k === null ? {} : { 'idempotency-key': k };

        for (const o of ops) {
          switch (o.kind) {
            case 'issue': {
              const typeId = o.currency === 'USD' ? 'usd' : 'eur';
              const body = { typeId, initialBalance: o.amount, firstName: 'Ada', lastName: 'Lovelace' };
              await call('POST', '/cards/issue', body, headers(o.key));
              break;
            }
            case 'budget-topup':
              await call('POST', '/budgets/b1/topup', { amount: o.amount }, headers(o.key));
              break;
            case 'reissue': {
              const id = pick(o.card);
              if (id)
                await call(
                  'POST',
                  '/cards/reissue',
                  { cardId: id, initialBalance: o.amount },
                  headers(o.key),
                );
              break;
            }
            case 'topup':
            case 'withdraw': {
              const id = pick(o.card);
              if (id) await call('POST', `/cards/${id}/${o.kind}`, { amount: o.amount }, headers(o.key));
              break;
            }
            case 'spend':
            case 'refund': {
              const id = pick(o.card);
              if (id)
                sandbox.transactions.add(id, {
                  amount: o.amount,
                  type: o.kind === 'refund' ? 'refund' : 'purchase',
                });
              break;
            }
            case 'freeze': {
              const id = pick(o.card);
              if (id) await call('POST', `/cards/${id}/freeze`);
              break;
            }
            case 'delete': {
              const id = pick(o.card);
              if (id) await call('DELETE', `/cards/${id}/delete`);
              break;
            }
            case 'expire': {
              const id = pick(o.card);
              if (id && sandbox.state().cards.find((c) => c.id === id)?.status !== 'deleted')
                sandbox.cards.expire(id);
              break;
            }
          }
          const state = sandbox.state();
          const now = holdings(state);
          const flow = merchantFlow(state);
          for (const currency of ['USD', 'EUR']) {
            expect(now[currency]).toBe((start[currency] ?? 0) + (flow[currency] ?? 0));
          }
          for (const c of state.cards) expect(c.balance).toBeGreaterThanOrEqual(0);
          expect(state.organizationBalance.usd).toBeGreaterThanOrEqual(0);
          expect(state.organizationBalance.eur).toBeGreaterThanOrEqual(0);
          if (honor) {
            const perKey = new Map<string, number>();
            for (const e of state.ledger) {
              // bfinance documents de-duplication for card top-ups and withdrawals only.
              if (e.idempotencyKey !== undefined && (e.kind === 'topup' || e.kind === 'withdraw')) {
                perKey.set(e.idempotencyKey, (perKey.get(e.idempotencyKey) ?? 0) + 1);
              }
            }
            for (const count of perKey.values()) expect(count).toBe(1);
          }
        }
      }),
      { seed: 42, numRuns: 50 },
    );
  });
});
