import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isCardsError, OutcomeUnknownError, type Sensitive } from '../../src/index.js';
import type { SandboxFaultKind } from '../../src/testing/index.js';
import { driftChecked } from '../helpers/drift.js';
import { newStats, report, SEED, type SuiteStats } from './config.js';
import { type ClientRig, issueCard, type Rig, rigClient, SHIPPING, settle, startRig } from './harness.js';

// Node's default sender (undici), as the package's Node build (dist/node) does.
vi.mock('../../src/core/http/default-sender.js', () => import('../../src/core/http/default-sender.node.js'));

// Secrecy under faults: the canaries (a JWT-shaped token, every PAN with and without
// separators, CVCs, expiries, the PIN and the activation code in key context, the activation code
// bare) must not show in any log line at debug, any error rendered every way (message, String,
// JSON.stringify, util.inspect with showHidden and infinite depth), any result, or anything written
// to stdout, stderr or the console. The other suites scan their own output the same way; this one
// walks the whole surface that handles secrets, with faults, and with the console as the logger.

const FULL = { depth: Number.POSITIVE_INFINITY, showHidden: true } as const;
const stats: SuiteStats = newStats('6 secrecy');
const started = Date.now();
let rig: Rig;
let debug: ClientRig;
let consoleClient: ClientRig;
let restoreStdio: () => void;

beforeAll(async () => {
  rig = await startRig({ seed: SEED });
  restoreStdio = rig.scanner.captureStdio();
  debug = rigClient(rig, { timeoutMs: 300 });
  // The console as the logger, at debug: whatever it prints is captured and scanned.
  consoleClient = rigClient(rig, {
    timeoutMs: 300,
    logger: console,
    apiToken: () => Promise.resolve(rig.scanner.token),
  });
});

afterAll(async () => {
  restoreStdio();
  await debug.close();
  await consoleClient.close();
  await rig.close();
});

let queued = 0;
function fault(kind: SandboxFaultKind, method: string, path: string): void {
  queued += 1;
  rig.sandbox.faults.next(kind, { match: { method, path } });
}

/** Runs a call, scans what it returned or threw, and returns it. */
async function observe<T>(label: string, call: () => Promise<T>): Promise<T | undefined> {
  const out = await settle(call);
  stats.cases += 1;
  if (out.ok) {
    stats.outcomes.success += 1;
    rig.scanner.scanValue(label, out.value);
    return out.value;
  }
  expect(isCardsError(out.error), `${label}: ${String(out.error)}`).toBe(true);
  if (out.error instanceof OutcomeUnknownError) {
    stats.outcomes.unknown += 1;
    rig.scanner.scanValue(
      `${label} reconciliation`,
      await out.error.reconcile({ clockSkewMs: 0, settleMs: 0 }),
    );
  } else stats.outcomes.failed += 1;
  rig.scanner.scanValue(label, out.error);
  return undefined;
}

describe(`secrecy (seed ${SEED}): no canary in any log, error, result or stdio`, () => {
  it('walks issuance, card data, PINs, money, physical cards and disputes with faults, on both loggers', async () => {
    for (const c of [debug, consoleClient]) {
      const { client } = c;
      const card = await issueCard(rig, client, 100);
      rig.scanner.scanValue('issued card', card);
      for (const secret of [
        card.sensitive.number,
        card.sensitive.cvc,
        card.sensitive.expiry,
      ] as Sensitive[]) {
        rig.scanner.scanValue('issued secret', secret);
        expect(`${secret}`).not.toContain(secret.reveal());
      }

      // Card data on the way in, after faults whose retries read it again.
      fault('reset-after-apply', 'GET', `/cards/${card.id}/sensetive`);
      const data = await observe('sensitive', () => client.cards.sensitive(card));
      rig.scanner.addPan(data?.number.reveal() ?? card.sensitive.number.reveal());
      fault('truncated-body', 'GET', `/cards/${card.id}`);
      await observe('retrieve', () => client.cards.retrieve(card));
      const budget = await observe('budget issue', () =>
        client.cards.issue({
          model: 'budget',
          typeId: rig.sandbox.cardTypeIds.budget,
          budgetId: rig.sandbox.budgetIds[0] ?? '',
          firstName: 'Grace',
          lastName: 'Hopper',
        }),
      );
      if (budget) rig.scanner.addPan(budget.sensitive.number.reveal());
      fault('malformed-json', 'POST', '/cards/issue');
      await observe('issue, unreadable answer', () =>
        client.cards.issue({
          model: 'card',
          typeId: rig.sandbox.cardTypeIds.standalone,
          initialBalance: 5,
          firstName: 'Ada',
          lastName: 'Lovelace',
          externalId: `secrecy-${c === debug ? 'debug' : 'console'}`,
        }),
      );

      // The PIN: set with faults before and after it was applied, refused locally, refused remotely.
      fault('reset-after-apply', 'POST', `/cards/${card.id}/pin`);
      await observe('pin after reset', () => client.pins.set(card, rig.pin));
      fault('status-503', 'POST', `/cards/${card.id}/pin`);
      await observe('pin after 503', () => client.pins.set(card, rig.pin));
      await observe('weak pin', () => client.pins.set(card, '123456'));
      await observe('pin on a missing card', () => client.pins.set('no-such-card', rig.pin));

      // Money with unknown outcomes, and a definite refusal.
      fault('hang-after-apply', 'POST', `/cards/${card.id}/topup`);
      await observe('top-up timeout', () =>
        client.funds.topUp(card, { amount: 10, note: `for ${card.sensitive.number.reveal()}` }),
      );
      await observe('withdraw too much', () => client.funds.withdraw(card, { amount: 100_000 }));

      // The activation code: ordered, activated with a wrong code, then with the right one after a reset.
      await observe('physical order', () => client.cards.physical.order(card, SHIPPING));
      const code = rig.sandbox.cards.activationCode(card.id) ?? '';
      rig.scanner.addCode(code);
      await observe('wrong activation code', () => client.cards.physical.activate(card, '0000-0000'));
      fault('reset-after-apply', 'POST', `/physical-cards/${card.id}/activate`);
      await observe('activation after reset', () => client.cards.physical.activate(card, code));

      // Disputes: evidence text echoing card data, cancel after a reset.
      const charge = rig.sandbox.transactions.add(card.id, { amount: 12, merchant: 'Books' });
      const dispute = await observe('dispute', () =>
        client.disputes.create({
          cardId: card,
          transactionId: charge.transactionId,
          textEvidence: `Card ${card.sensitive.number.reveal()} cvc ${card.sensitive.cvc.reveal()} was charged twice.`,
        }),
      );
      if (dispute) {
        fault('reset-after-apply', 'POST', `/disputes/${dispute.id}/cancel`);
        await observe('dispute cancel', () => client.disputes.cancel(dispute.id));
      }

      // A wrong token: the 401 names no token.
      await observe('401', () =>
        rigClient(rig, { apiToken: rig.scanner.token.replace(/.$/, 'x') }).client.funds.balance(),
      );
    }
    expect(debug.logLines.lines).toBeGreaterThan(20);
  });

  it('keeps the token out of the client and its resources, however they are printed', () => {
    for (const c of [debug, consoleClient]) {
      for (const value of [c.client, c.client.cards, c.client.funds, c.client.pins]) {
        rig.scanner.scan('client inspect', inspect(value, FULL));
        rig.scanner.scan('client JSON', JSON.stringify(value) ?? '');
        rig.scanner.scan('client String', String(value));
      }
    }
    stats.cases += 8;
  });

  it('found no canary anywhere', async (context) => {
    await driftChecked(); // drift warnings of the last answers are logged after their calls resolve
    stats.elapsedMs = Date.now() - started;
    stats.canaryHits = rig.scanner.hits.length;
    stats.cases = rig.scanner.scanned;
    stats.faults = queued - rig.sandbox.faults.pending();
    report(context, stats);
    expect(rig.scanner.hits).toEqual([]);
    expect(rig.scanner.scanned).toBeGreaterThan(200);
  });
});
