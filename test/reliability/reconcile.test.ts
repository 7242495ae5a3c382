import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CallWindow } from '../../src/core/outcome/contract.js';
import { reconcileSettled } from '../../src/core/outcome/settle.js';
import {
  CardStateError,
  type IssuedCard,
  OutcomeUnknownError,
  type ReconcileOptions,
  type Reconciliation,
} from '../../src/index.js';
import type { MovementEntry } from '../../src/resources/movement-match.js';
import { findMovement } from '../../src/resources/movement-search.js';
import type { SandboxFaultKind } from '../../src/testing/index.js';
import { SEED } from './config.js';
import {
  appliedUnder,
  type ClientRig,
  issueCard,
  type Rig,
  rigClient,
  SHIPPING,
  settle,
  startRig,
} from './harness.js';

// Node's default sender (undici), as the package's Node build (dist/node) does.
vi.mock('../../src/core/http/default-sender.js', () => import('../../src/core/http/default-sender.node.js'));

// reconcile() for every create/move operation, convergence of state calls retried after they were
// applied, and retryUnknownOutcomes both ways. All against the sandbox over HTTP.

const FAST: ReconcileOptions = { clockSkewMs: 0, settleMs: 300 };

let rig: Rig;
let c: ClientRig;
let restoreStdio: () => void;

beforeAll(async () => {
  rig = await startRig({ seed: SEED });
  // No re-sends, so that every fault after the request left ends in an OutcomeUnknownError to settle.
  c = rigClient(rig, { timeoutMs: 300, retryUnknownOutcomes: false });
  restoreStdio = rig.scanner.captureStdio();
});

afterAll(async () => {
  restoreStdio();
  await c.close();
  await rig.close();
  expect(rig.scanner.hits).toEqual([]);
});

function fault(kind: SandboxFaultKind, method: string, path: string, times = 1): void {
  rig.sandbox.faults.next(kind, { match: { method, path }, times });
}

async function unknown(call: () => Promise<unknown>): Promise<OutcomeUnknownError> {
  const out = await settle(call);
  expect(out.ok).toBe(false);
  const error = (out as { error: unknown }).error;
  expect(error).toBeInstanceOf(OutcomeUnknownError);
  rig.scanner.scanValue('outcome unknown', error);
  return error as OutcomeUnknownError;
}

async function reconciled(
  error: OutcomeUnknownError,
  options: ReconcileOptions = FAST,
): Promise<Reconciliation> {
  const answer = await error.reconcile(options);
  rig.scanner.scanValue('reconciliation', answer);
  return answer;
}

describe('reconcile() settles each create/move operation from public reads', () => {
  let card: IssuedCard;
  beforeAll(async () => {
    card = await issueCard(rig, c.client, 200);
  });

  it('funds.topUp: applied, with the transaction as evidence; not-applied when the request was dropped', async () => {
    fault('reset-after-apply', 'POST', `/cards/${card.id}/topup`);
    const applied = await unknown(() => c.client.funds.topUp(card, { amount: 42.1, note: 'order 1001' }));
    expect(applied).toMatchObject({
      cardId: card.id,
      amount: 42.1,
      note: 'order 1001',
      operation: 'funds.topUp',
    });
    // This client re-sends nothing (retryUnknownOutcomes: false), so the hint does not offer resend().
    expect(applied.hint).toContain('error.reconcile()');
    expect(applied.hint).not.toContain('error.resend()');
    const yes = await reconciled(applied);
    expect(yes.status).toBe('applied');
    expect(yes.idempotencyKey).toBe(applied.idempotencyKey);
    expect(yes.evidence.matches).toEqual([
      expect.objectContaining({ kind: 'transaction', type: 'topup', amount: 42.1, note: 'order 1001' }),
    ]);
    expect(yes.evidence.balance?.value).toBe(242.1);
    expect(yes.evidence.reads).toEqual(['cards.transactions', 'cards.retrieve']);

    fault('reset-before-apply', 'POST', `/cards/${card.id}/topup`);
    const dropped = await unknown(() => c.client.funds.topUp(card, { amount: 42.1, note: 'order 1002' }));
    const started = Date.now();
    const no = await reconciled(dropped);
    expect(no.status).toBe('not-applied');
    expect(no.evidence.complete).toBe(true);
    // It waited for the call to settle before saying so.
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    expect(appliedUnder(rig.sandbox, dropped.idempotencyKey)).toBe(0);
  });

  it('funds.topUp: two look-alike top-ups without notes are still-unknown, not guessed', async () => {
    const twin = await issueCard(rig, c.client, 100);
    await c.client.funds.topUp(twin, { amount: 5 });
    fault('reset-after-apply', 'POST', `/cards/${twin.id}/topup`);
    const error = await unknown(() => c.client.funds.topUp(twin, { amount: 5 }));
    const answer = await reconciled(error, { settleMs: 0 });
    expect(answer.status).toBe('still-unknown');
    expect(answer.evidence.matches).toHaveLength(2);
    expect(answer.summary).toContain('unique note');
  });

  it('funds.withdraw: still-unknown when listed (no note tells it apart), not-applied when dropped', async () => {
    fault('hang-after-apply', 'POST', `/cards/${card.id}/withdraw`);
    const applied = await unknown(() => c.client.funds.withdraw(card, { amount: 17.5 }));
    // A withdrawal takes no note, so its movement cannot be told from another of the same amount.
    const seen = await reconciled(applied);
    expect(seen.status).toBe('still-unknown');
    expect(seen.summary).toContain('takes no note');
    fault('status-502', 'POST', `/cards/${card.id}/withdraw`);
    const dropped = await unknown(() => c.client.funds.withdraw(card, { amount: 17.5 }));
    expect((await reconciled(dropped)).status).toBe('not-applied');
  });

  it('funds.topUpBudget: still-unknown while the budget lists no top-up at all or lists one without a note, not-applied when dropped', async () => {
    const budgetId = rig.sandbox.budgetIds[0] ?? '';
    fault('status-500', 'POST', `/budgets/${budgetId}/topup`);
    const first = await unknown(() => c.client.funds.topUpBudget(budgetId, { amount: 300 }));
    expect(first).toMatchObject({ budgetId, amount: 300 });
    expect(first.hint).toContain("budget's transactions");
    const blind = await reconciled(first);
    expect(blind.status).toBe('still-unknown');
    expect(blind.summary).toContain('no top-ups or withdrawals');

    fault('reset-after-apply', 'POST', `/budgets/${budgetId}/topup`);
    const applied = await unknown(() => c.client.funds.topUpBudget(budgetId, { amount: 300 }));
    // A budget top-up takes no note either: the listed movement could be another caller's.
    expect((await reconciled(applied)).status).toBe('still-unknown');
    fault('status-503', 'POST', `/budgets/${budgetId}/topup`);
    const dropped = await unknown(() => c.client.funds.topUpBudget(budgetId, { amount: 301 }));
    expect((await reconciled(dropped)).status).toBe('not-applied');
  });

  it('cards.issue: found by externalId when issued, not found when dropped, still-unknown without one', async () => {
    const issue = (externalId?: string) =>
      c.client.cards.issue({
        model: 'card',
        typeId: rig.sandbox.cardTypeIds.standalone,
        initialBalance: 10,
        firstName: 'Grace',
        lastName: 'Hopper',
        ...(externalId ? { externalId } : {}),
      });
    fault('reset-after-apply', 'POST', '/cards/issue');
    const applied = await unknown(() => issue('emp-4711'));
    expect(applied).toMatchObject({ externalId: 'emp-4711', amount: 10 });
    const yes = await reconciled(applied);
    expect(yes.status).toBe('applied');
    expect(yes.evidence.matches[0]).toMatchObject({ kind: 'card', status: 'active' });

    fault('reset-before-apply', 'POST', '/cards/issue');
    expect((await reconciled(await unknown(() => issue('emp-4712')))).status).toBe('not-applied');

    fault('reset-after-apply', 'POST', '/cards/issue');
    const anonymous = await unknown(() => issue());
    expect(anonymous.hint).toContain('Pass an externalId');
    expect((await reconciled(anonymous)).status).toBe('still-unknown');
  });

  it('status.delete: applied once the card reads deleted', async () => {
    const doomed = await issueCard(rig, c.client, 1);
    await c.client.funds.withdraw(doomed, { amount: 1 });
    fault('status-500', 'DELETE', `/cards/${doomed.id}/delete`);
    const dropped = await unknown(() => c.client.status.delete(doomed));
    expect((await reconciled(dropped)).status).toBe('not-applied');
    fault('reset-after-apply', 'DELETE', `/cards/${doomed.id}/delete`);
    const applied = await unknown(() => c.client.status.delete(doomed));
    expect(applied.hint).toContain('reads the card');
    expect((await reconciled(applied)).status).toBe('applied');
  });

  it('customers.delete and customers.requestAccess: settled by reading the customer', async () => {
    const created = await c.client.customers.create({
      type: 'individual',
      firstName: 'Alan',
      lastName: 'Turing',
    });
    rig.sandbox.customers.verify(created.id);
    fault('reset-after-apply', 'POST', `/customers/${created.id}/request`);
    const request = await unknown(() =>
      c.client.customers.requestAccess(created.id, {
        accessType: 'cards',
        cardType: rig.sandbox.cardTypeIds.verified,
      }),
    );
    expect(request.customerId).toBe(created.id);
    expect((await reconciled(request)).status).toBe('applied');

    fault('status-504', 'DELETE', `/customers/${created.id}`);
    expect((await reconciled(await unknown(() => c.client.customers.delete(created.id)))).status).toBe(
      'not-applied',
    );
    fault('reset-after-apply', 'DELETE', `/customers/${created.id}`);
    expect((await reconciled(await unknown(() => c.client.customers.delete(created.id)))).status).toBe(
      'applied',
    );
  });

  it('says so when no public read can settle the call, with an operation-specific hint', async () => {
    fault('reset-after-apply', 'POST', '/customers');
    const customer = await unknown(() => c.client.customers.create({ type: 'individual' }));
    expect(customer.hint).toContain('No API read lists customers');
    expect(customer.hint).not.toMatch(/card list|read the card/);
    expect((await reconciled(customer)).status).toBe('still-unknown');

    const target = await issueCard(rig, c.client, 50);
    const charge = rig.sandbox.transactions.add(target.id, { amount: 9.99, merchant: 'Streaming Co' });
    fault('reset-after-apply', 'POST', '/disputes');
    const dispute = await unknown(() =>
      c.client.disputes.create({
        cardId: target,
        transactionId: charge.transactionId,
        textEvidence: 'Charged twice for one order on the same day.',
      }),
    );
    expect(dispute.hint).toContain('No API read lists disputes');
    expect((await reconciled(dispute)).status).toBe('still-unknown');

    fault('reset-after-apply', 'POST', '/cards/reissue');
    const reissue = await unknown(() => c.client.cards.reissue(target, { initialBalance: 5 }));
    expect(reissue.hint).toContain('reissue');
    expect((await reconciled(reissue)).status).toBe('still-unknown');
  });

  it('keeps the reconciler private: the error serialises to its fields and inspects without the transport', async () => {
    fault('reset-after-apply', 'POST', `/cards/${card.id}/topup`);
    const error = await unknown(() =>
      c.client.funds.topUp(card, { amount: 3.3, note: `card ${'4111 1111 1111 1111'}` }),
    );
    const json = JSON.parse(JSON.stringify(error)) as Record<string, unknown>;
    expect(Object.keys(json).sort()).toEqual(
      [
        'amount',
        'attempts',
        'cardId',
        'endedAt',
        'hint',
        'idempotencyKey',
        'message',
        'name',
        'note',
        'operation',
        'startedAt',
      ].sort(),
    );
    // The note went through redaction: a card number in it is masked.
    expect(json.note).toBe('card •••• 1111');
    expect(Date.parse(json.endedAt as string)).toBeGreaterThanOrEqual(Date.parse(json.startedAt as string));
  });
});

describe('state calls retried after they were applied converge on success', () => {
  it('status.unfreeze: "Card is not frozen" on the retry, the card reads active: success', async () => {
    const card = await issueCard(rig, c.client, 10);
    await c.client.status.freeze(card);
    fault('reset-after-apply', 'POST', `/cards/${card.id}/unfreeze`);
    await expect(c.client.status.unfreeze(card)).resolves.toEqual({
      message: 'Card is active (a read confirmed it after a retried request).',
    });
    expect(rig.sandbox.state().cards.find((x) => x.id === card.id)?.status).toBe('active');
  });

  it('a refusal on the first attempt stays a refusal: nothing was sent before it', async () => {
    const card = await issueCard(rig, c.client, 10);
    await c.client.status.freeze(card);
    await expect(c.client.status.freeze(card)).rejects.toBeInstanceOf(CardStateError);
    // Also after a retry whose earlier attempt provably did not apply (429 is refused before processing).
    fault('status-429', 'POST', `/cards/${card.id}/freeze`);
    await expect(c.client.status.freeze(card)).rejects.toBeInstanceOf(CardStateError);
  });

  it('disputes.cancel: "Dispute is not pending" on the retry, the dispute reads cancelled: success', async () => {
    const card = await issueCard(rig, c.client, 50);
    const charge = rig.sandbox.transactions.add(card.id, { amount: 20, merchant: 'Books' });
    const dispute = await c.client.disputes.create({
      cardId: card,
      transactionId: charge.transactionId,
      textEvidence: 'The order never arrived and the merchant does not answer.',
    });
    fault('hang-after-apply', 'POST', `/disputes/${dispute.id}/cancel`);
    await expect(c.client.disputes.cancel(dispute.id)).resolves.toMatchObject({
      id: dispute.id,
      status: 'cancelled',
    });
  });

  it('cards.physical.activate: "already activated" on the retry is success; the code never shows', async () => {
    const card = await issueCard(rig, c.client, 10);
    await c.client.cards.physical.order(card, SHIPPING);
    const code = rig.sandbox.cards.activationCode(card.id) ?? '';
    rig.scanner.addCode(code);
    fault('reset-after-apply', 'POST', `/physical-cards/${card.id}/activate`);
    await expect(c.client.cards.physical.activate(card, code)).resolves.toEqual({
      message: 'Physical card is active (the server said so after a retried request).',
    });
    expect(rig.sandbox.state().cards.find((x) => x.id === card.id)?.physical).toBe('activated');
  });
});

describe('retryUnknownOutcomes', () => {
  it('false: a dropped answer is an OutcomeUnknownError, never a second send', async () => {
    const card = await issueCard(rig, c.client, 10);
    fault('reset-after-apply', 'POST', `/cards/${card.id}/topup`);
    const error = await unknown(() => c.client.funds.topUp(card, { amount: 2 }));
    expect(c.attemptsOf('POST', `/cards/${card.id}/topup`)).toHaveLength(1);
    expect(appliedUnder(rig.sandbox, error.idempotencyKey)).toBe(1);
  });

  it.each([
    ['the default', undefined],
    ['true', true],
  ] as const)(
    '%s, against a server that de-duplicates: a top-up re-sent with the same key, applied once, success',
    async (_name, retryUnknownOutcomes) => {
      const retrying = rigClient(rig, {
        timeoutMs: 300,
        ...(retryUnknownOutcomes === undefined ? {} : { retryUnknownOutcomes }),
      });
      try {
        const card = await issueCard(rig, retrying.client, 10);
        fault('reset-after-apply', 'POST', `/cards/${card.id}/topup`);
        await expect(
          retrying.client.funds.topUp(
            card,
            { amount: 2 },
            { idempotencyKey: `ruo-on-${String(retryUnknownOutcomes)}` },
          ),
        ).resolves.toEqual({
          message: 'Card has been topped up',
        });
        const key = `ruo-on-${String(retryUnknownOutcomes)}`;
        expect(retrying.attemptsOf('POST', `/cards/${card.id}/topup`).map((a) => a.key)).toEqual([key, key]);
        expect(appliedUnder(rig.sandbox, key)).toBe(1);
      } finally {
        await retrying.close();
      }
    },
  );

  it('re-sends against a server that ignores the key move the money twice: such a server needs false', async () => {
    const careless = await startRig({ seed: SEED, honorIdempotencyKey: false });
    const retrying = rigClient(careless, { timeoutMs: 300 });
    const careful = rigClient(careless, { timeoutMs: 300, retryUnknownOutcomes: false });
    try {
      const card = await issueCard(careless, careful.client, 10);
      careless.sandbox.faults.next('reset-after-apply', {
        match: { method: 'POST', path: `/cards/${card.id}/topup` },
      });
      await retrying.client.funds.topUp(card, { amount: 2 }, { idempotencyKey: 'ruo-off-1' });
      expect(appliedUnder(careless.sandbox, 'ruo-off-1')).toBe(2);

      careless.sandbox.faults.next('reset-after-apply', {
        match: { method: 'POST', path: `/cards/${card.id}/topup` },
      });
      const error = await settle(() =>
        careful.client.funds.topUp(card, { amount: 2 }, { idempotencyKey: 'ruo-off-2' }),
      );
      expect(error.ok).toBe(false);
      expect(appliedUnder(careless.sandbox, 'ruo-off-2')).toBe(1);
    } finally {
      await retrying.close();
      await careful.close();
      await careless.close();
    }
  });
});

describe('the reconciliation rules', () => {
  const call: CallWindow = { operation: 'funds.topUp', idempotencyKey: 'k', startedAt: 0, endedAt: 0 };
  const entry = (id: string, at: number, extra: Partial<MovementEntry> = {}): MovementEntry => ({
    id,
    amount: 10,
    type: 'topup',
    date: new Date(at).toISOString(),
    note: null,
    ...extra,
  });

  it('waits for a late application instead of answering not-applied too early', async () => {
    const endedAt = Date.now();
    const window = { ...call, startedAt: endedAt - 100, endedAt };
    let applied = false;
    setTimeout(() => {
      applied = true;
    }, 50);
    const answer = await reconcileSettled(window, { settleMs: 150 }, async () => ({
      status: applied ? 'applied' : 'not-applied',
      operation: 'funds.topUp',
      idempotencyKey: 'k',
      summary: '',
      evidence: { reads: [], examined: 0, matches: [], complete: true },
    }));
    expect(answer.status).toBe('applied');
  });

  it('reads an oldest-first listing to its end rather than stopping at the first old entry', async () => {
    const now = Date.now();
    const pages: MovementEntry[][] = [
      Array.from({ length: 50 }, (_, i) => entry(`old${i}`, now - 100_000 + i, { amount: 1 })),
      [entry('new', now, { amount: 10, note: 'order 7' })],
    ];
    const answer = await findMovement(
      { ...call, startedAt: now - 10, endedAt: now + 10 },
      { clockSkewMs: 0 },
      { operation: 'cards.transactions', page: async (n) => ({ items: pages[n - 1] ?? [] }) },
      { kind: 'topup', amount: 10, note: 'order 7', redactNote: (t) => t },
    );
    expect(answer.status).toBe('applied');
  });

  it('treats a listing with no funding at all as blind, and undated look-alikes as unknown', async () => {
    const now = Date.now();
    const spendOnly = await findMovement(
      { ...call, startedAt: now, endedAt: now },
      { clockSkewMs: 0 },
      {
        operation: 'cards.transactions',
        page: async (n) => ({ items: n === 1 ? [entry('s', now, { type: 'purchase' })] : [] }),
      },
      { kind: 'topup', amount: 10, redactNote: (t) => t },
    );
    expect(spendOnly.status).toBe('still-unknown');
    const undated = await findMovement(
      { ...call, startedAt: now, endedAt: now },
      { clockSkewMs: 0 },
      {
        operation: 'cards.transactions',
        page: async (n) => ({ items: n === 1 ? [entry('u', now, { date: null })] : [] }),
      },
      { kind: 'topup', amount: 10, redactNote: (t) => t },
    );
    expect(undated.status).toBe('still-unknown');
  });
});
