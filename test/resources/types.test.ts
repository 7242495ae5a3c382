// Compile-time contract of the public types. `npm test` typechecks this file: an
// `@ts-expect-error` that stops erroring fails the build, so each line can fail.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  BudgetCardRef,
  Card,
  CardModel,
  CardRef,
  CardsClient,
  IssueCardParams,
  IssuedBudgetCard,
  IssuedCard,
  NotBudgetCard,
  Sensitive,
  StandaloneCardRef,
} from '../../src/index.js';

describe('cards.issue parameter union', () => {
  it('accepts the valid shapes', () => {
    expectTypeOf<{
      model: 'card';
      typeId: string;
      initialBalance: number;
      customerId: string;
    }>().toExtend<IssueCardParams>();
    expectTypeOf<{
      model: 'card';
      typeId: string;
      initialBalance: string;
      firstName: string;
      lastName: string;
    }>().toExtend<IssueCardParams>();
    expectTypeOf<{
      model: 'budget';
      typeId: string;
      budgetId: string;
      customerId: string;
    }>().toExtend<IssueCardParams>();
  });

  it('rejects a card without initialBalance, a budget card without budgetId, and no cardholder', () => {
    // Never called: the compiler checks the calls, nothing is sent.
    const compileOnly = (client: CardsClient): void => {
      // @ts-expect-error initialBalance is required for model 'card'
      void client.cards.issue({ model: 'card', typeId: 't', customerId: 'c' });
      // @ts-expect-error budgetId is required for model 'budget'
      void client.cards.issue({ model: 'budget', typeId: 't', customerId: 'c' });
      // @ts-expect-error neither customerId nor both names
      void client.cards.issue({ model: 'card', typeId: 't', initialBalance: 5 });
      // @ts-expect-error a last name alone is not a cardholder
      void client.cards.issue({ model: 'card', typeId: 't', initialBalance: 5, lastName: 'Lovelace' });
      // @ts-expect-error budgetId does not belong on a standalone card
      void client.cards.issue({
        model: 'card',
        typeId: 't',
        initialBalance: 5,
        customerId: 'c',
        budgetId: 'b',
      });
      // @ts-expect-error typeId is always required
      void client.cards.issue({ model: 'budget', budgetId: 'b', customerId: 'c' });
    };
    expect(compileOnly).toBeTypeOf('function');
  });

  it('narrows the result by model', () => {
    const client = {} as CardsClient;
    const compileOnly = (): void => {
      expectTypeOf(
        client.cards.issue({ model: 'card', typeId: 't', initialBalance: 5, customerId: 'c' }),
      ).resolves.toEqualTypeOf<IssuedCard>();
      expectTypeOf(
        client.cards.issue({ model: 'budget', typeId: 't', budgetId: 'b', customerId: 'c' }),
      ).resolves.toEqualTypeOf<IssuedBudgetCard>();
    };
    expect(compileOnly).toBeTypeOf('function');
    expectTypeOf<IssuedCard['sensitive']['number']>().toEqualTypeOf<Sensitive>();
    void client;
  });
});

describe('CardRef', () => {
  it('takes an id, a { id, model } and any card the SDK returned', () => {
    expectTypeOf<string>().toExtend<CardRef>();
    expectTypeOf<{ id: string; model: 'budget' }>().toExtend<CardRef>();
    expectTypeOf<Card>().toExtend<CardRef>();
    expectTypeOf<IssuedCard>().toExtend<CardRef>();
    expectTypeOf<IssuedBudgetCard>().toExtend<CardRef>();
    // @ts-expect-error a model outside the union
    const bad: CardRef = { id: 'x', model: 'prepaid' };
    void bad;
    const compileOnly = (client: CardsClient): void => {
      // @ts-expect-error an object without a model
      void client.status.freeze({ id: 'x' });
    };
    expect(compileOnly).toBeTypeOf('function');
  });

  it('keeps card statuses open to new values while listing the known ones', () => {
    expectTypeOf<'active'>().toExtend<Card['status']>();
    expectTypeOf<'some-future-status'>().toExtend<Card['status']>();
  });
});

describe('budget cards where only standalone cards work', () => {
  it('are compile errors for funds.topUp, funds.withdraw, cards.reissue and cards.limits', () => {
    const compileOnly = async (client: CardsClient): Promise<void> => {
      const budget = await client.cards.issue({
        model: 'budget',
        typeId: 't',
        budgetId: 'b',
        customerId: 'c',
      });
      const read = await client.cards.retrieve({ id: 'x', model: 'budget' });
      // @ts-expect-error a budget card from issue cannot be topped up
      void client.funds.topUp(budget, { amount: 5 });
      // @ts-expect-error a budget card read as one cannot be topped up
      void client.funds.topUp(read, { amount: 5 });
      // @ts-expect-error nor withdrawn from
      void client.funds.withdraw(budget, { amount: 5 });
      // @ts-expect-error nor reissued
      void client.cards.reissue(read, { initialBalance: 5 });
      // @ts-expect-error nor given spending limits
      void client.cards.limits.retrieve(budget);
      // @ts-expect-error nor have a limit set
      void client.cards.limits.set({ id: 'x', model: 'budget' }, { type: 'pos-daily', limit: 5 });
    };
    expect(compileOnly).toBeTypeOf('function');
  });

  it('leave standalone cards and cards of a model known only at run time compiling', () => {
    const compileOnly = async (client: CardsClient): Promise<void> => {
      void client.funds.topUp(await client.cards.retrieve('id'), { amount: 5 });
      void client.funds.topUp(
        await client.cards.issue({ model: 'card', typeId: 't', initialBalance: 5, customerId: 'c' }),
        {
          amount: 5,
        },
      );
      const [listed] = (await client.cards.list()).data;
      if (listed) {
        void client.funds.withdraw(listed, { amount: 5 });
        void client.cards.limits.retrieve(listed);
        void client.cards.reissue(listed, { initialBalance: 5 });
      }
      const ref = 'id' as CardRef;
      void client.funds.topUp(ref, { amount: 5 });
      void client.funds.topUp({ id: 'x', model: 'card' }, { amount: 5 });
    };
    expect(compileOnly).toBeTypeOf('function');
  });

  it('results carry the model the reference is known to have', () => {
    const client = {} as CardsClient;
    const compileOnly = (): void => {
      expectTypeOf(client.cards.retrieve('id')).resolves.toHaveProperty('model').toEqualTypeOf<'card'>();
      expectTypeOf(client.cards.retrieve({ id: 'x', model: 'budget' }))
        .resolves.toHaveProperty('model')
        .toEqualTypeOf<'budget'>();
      expectTypeOf(client.cards.retrieve({ id: 'x', model: 'card' as CardModel }))
        .resolves.toHaveProperty('model')
        .toEqualTypeOf<CardModel>();
      expectTypeOf(client.cards.reissue('id', { initialBalance: 5 }))
        .resolves.toHaveProperty('model')
        .toEqualTypeOf<'card'>();
    };
    expect(compileOnly).toBeTypeOf('function');
    expectTypeOf<StandaloneCardRef>().toExtend<CardRef>();
    expectTypeOf<BudgetCardRef>().toExtend<CardRef>();
    expectTypeOf<NotBudgetCard<BudgetCardRef>>().toEqualTypeOf<StandaloneCardRef>();
  });
});

describe('method parameters', () => {
  it('reject unknown fields and wrong types at compile time too', () => {
    const compileOnly = (client: CardsClient): void => {
      // @ts-expect-error a typo of initialBalance
      void client.cards.issue({ model: 'card', typeId: 't', initial_balance: 9, customerId: 'c' });
      // @ts-expect-error a note is a string
      void client.funds.topUp('c', { amount: 5, note: { evil: 1 } });
      // @ts-expect-error statuses is a list
      void client.cards.list({ statuses: 'frozen' });
      // @ts-expect-error the network list is closed
      void client.funds.depositAddress({ network: 'bitcoin', currency: 'usdt' });
      // @ts-expect-error extraBody is an object
      void client.funds.balance({ extraBody: 'x' });
      void client.funds.depositAddress({ network: 'ton', currency: 'usdc' }, { extraBody: { memo: 'x' } });
      const charge = { id: 't', amount: 1, transactionId: null };
      void client.disputes.create({ cardId: 'c', transactionId: charge, textEvidence: 'x'.repeat(10) });
    };
    expect(compileOnly).toBeTypeOf('function');
  });
});
