// A new user's test file, as it would sit in their own service: the sandbox's in-process client,
// no msw, no network, no token. (The socket spy is only here to prove the last two.)
import { Socket } from 'node:net';
import { type CardsClient, InsufficientFundsError, NotFoundError } from 'bfinance-cards';
import { createSandbox } from 'bfinance-cards/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';

/** The user's own code under test: refunds a customer by topping their card up. */
async function refund(client: CardsClient, cardId: string, amount: number): Promise<number> {
  await client.funds.topUp(cardId, { amount, note: 'refund' });
  return (await client.cards.retrieve(cardId)).balance?.value ?? 0;
}

afterEach(() => vi.restoreAllMocks());

describe('refund()', () => {
  it('tops the card up and returns the new balance', async () => {
    const connect = vi.spyOn(Socket.prototype, 'connect');
    const sandbox = createSandbox({ seed: 1 });
    const client = sandbox.client();
    const card = await client.cards.issue({
      model: 'card',
      typeId: sandbox.cardTypeIds.standalone,
      initialBalance: 20,
      firstName: 'Ada',
      lastName: 'Lovelace',
    });
    sandbox.transactions.add(card.id, { amount: 12.5, merchant: 'Bookshop' });

    expect(await refund(client, card.id, 12.5)).toBe(20);
    expect(sandbox.state().ledger.map((e) => e.kind)).toEqual(['issue', 'spend', 'topup']);
    expect(connect).not.toHaveBeenCalled();
  });

  it('surfaces the SDK errors a caller handles', async () => {
    const sandbox = createSandbox({ seed: 2, organizationBalance: { usd: 6 } });
    const client = sandbox.client();
    const card = await client.cards.issue({
      model: 'card',
      typeId: sandbox.cardTypeIds.standalone,
      initialBalance: 5,
      firstName: 'Ada',
      lastName: 'Lovelace',
    });
    await expect(refund(client, card.id, 50)).rejects.toBeInstanceOf(InsufficientFundsError);
    await expect(refund(client, 'no-such-card', 5)).rejects.toBeInstanceOf(NotFoundError);
  });
});
