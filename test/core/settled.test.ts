// With logLevel 'info', every call that issues, moves money or changes a card logs one `settled`
// line when it ends: what it acted on, how it ended, attempts and milliseconds; never a secret.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { LogLevel } from '../../src/core/logger.js';
import { createSandbox } from '../../src/testing/index.js';

interface Line {
  level: string;
  message: string;
  fields: Record<string, unknown>;
}

function recorded(logLevel: LogLevel) {
  // A token of this run only: a canary that must never reach a log line.
  const sandbox = createSandbox({ seed: 11, token: `tok_${randomUUID()}` });
  const lines: Line[] = [];
  const record =
    (level: string) =>
    (fields: unknown, message: unknown): void => {
      lines.push({ level, message: String(message), fields: fields as Record<string, unknown> });
    };
  const logger = {
    debug: record('debug'),
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
  };
  const client = sandbox.client({ logger, logLevel, maxRetries: 1 });
  const settled = (): Line[] => lines.filter((l) => l.message === 'bfinance-cards: settled');
  return { sandbox, client, lines, settled };
}

/** Everything the logger received, as one text a canary search can read. */
const everything = (lines: Line[]): string => JSON.stringify(lines);

describe('the info line of a settled call', () => {
  it('an applied top-up: card id, amount, outcome, one attempt, milliseconds; no note, no card data', async () => {
    const { sandbox, client, lines, settled } = recorded('info');
    const card = await client.cards.issue({
      model: 'card',
      typeId: sandbox.cardTypeIds.standalone,
      firstName: 'Ada',
      lastName: 'Lovelace',
      initialBalance: 10,
    });
    const note = 'canary-note-5f2a';
    await client.funds.topUp(card, { amount: '25.50', note }, { idempotencyKey: 'topup-order-77' });
    const top = settled().at(-1);
    expect(top?.level).toBe('info');
    // Strict: fields that do not apply (budgetId, currency…) are left out, not sent as undefined.
    expect(top?.fields).toStrictEqual({
      operation: 'funds.topUp',
      outcome: 'applied',
      cardId: card.id,
      amount: 25.5,
      attempts: 1,
      durationMs: expect.any(Number),
      idempotencyKey: 'topup-order-77',
    });
    // The issuance before it: the created card's id, the initial balance.
    expect(settled()[0]?.fields).toMatchObject({
      operation: 'cards.issue',
      outcome: 'applied',
      createdId: card.id,
      amount: 10,
    });
    // info shows no per-attempt lines, and never the note, the PAN or the CVC.
    expect(lines.map((l) => l.level)).not.toContain('debug');
    const text = everything(lines);
    expect(text).not.toContain(note);
    expect(text).not.toContain(sandbox.token);
    expect(text).not.toContain(card.sensitive.number.reveal());
    // A 3-digit CVC can occur inside a random key or a duration: look for it standing alone.
    const cvc = card.sensitive.cvc.reveal();
    for (const line of lines) {
      for (const [name, value] of Object.entries(line.fields ?? {})) {
        if (name !== 'durationMs')
          expect(String(value), name).not.toMatch(new RegExp(`(^|[^0-9A-Za-z])${cvc}($|[^0-9A-Za-z])`));
      }
    }
  });

  it('a refused freeze: the card id, refused, the error class', async () => {
    const { sandbox, client, settled } = recorded('info');
    const card = await client.cards.issue({
      model: 'card',
      typeId: sandbox.cardTypeIds.standalone,
      firstName: 'Ada',
      lastName: 'Lovelace',
      initialBalance: 5,
    });
    await client.funds.withdraw(card, { amount: 5 });
    await client.status.delete(card);
    await expect(client.status.freeze(card)).rejects.toThrow();
    expect(settled().at(-1)?.fields).toMatchObject({
      operation: 'status.freeze',
      outcome: 'refused',
      cardId: card.id,
      attempts: 1,
      error: expect.stringMatching(/Error$/),
      durationMs: expect.any(Number),
    });
  });

  it('an unknown issuance: unknown, not re-sent, the key; the token never shows', async () => {
    const { sandbox, client, lines, settled } = recorded('info');
    sandbox.faults.next('reset-after-apply', { match: { method: 'POST' } });
    await expect(
      client.cards.issue({
        model: 'card',
        typeId: sandbox.cardTypeIds.standalone,
        firstName: 'Ada',
        lastName: 'Lovelace',
        initialBalance: 7,
      }),
    ).rejects.toMatchObject({ name: 'OutcomeUnknownError' });
    const line = settled().at(-1);
    expect(line?.fields).toMatchObject({
      operation: 'cards.issue',
      outcome: 'unknown',
      amount: 7,
      error: 'OutcomeUnknownError',
      attempts: 1,
      idempotencyKey: expect.any(String),
    });
    expect(line?.fields.createdId).toBeUndefined();
    expect(settled()).toHaveLength(1);
    expect(everything(lines)).not.toContain(sandbox.token);
  });

  it('reads log no info line; debug adds the per-attempt lines to it', async () => {
    const info = recorded('info');
    await info.client.funds.balance();
    await info.client.cards.types();
    expect(info.lines).toEqual([]);
    const debug = recorded('debug');
    await debug.client.funds.topUpBudget(debug.sandbox.budgetIds[0] ?? '', { amount: 3 });
    expect(debug.lines.map((l) => l.message)).toEqual([
      'bfinance-cards: request',
      'bfinance-cards: response',
      'bfinance-cards: settled',
    ]);
    expect(debug.settled()[0]?.fields).toMatchObject({ amount: 3, currency: 'USD', outcome: 'applied' });
  });

  it('builds nothing for a logger at warn', async () => {
    const { sandbox, client, lines } = recorded('warn');
    await client.funds.topUpBudget(sandbox.budgetIds[0] ?? '', { amount: 3 });
    expect(lines).toEqual([]);
  });
});
