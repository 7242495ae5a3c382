// Compile-time contract of the public types. `npm test` typechecks this file: an
// `@ts-expect-error` that stops erroring fails the build, so each line can fail.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  Card,
  CardRef,
  CardsClient,
  IssueCardParams,
  IssuedBudgetCard,
  IssuedCard,
  Sensitive,
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
    expectTypeOf<IssuedCard['cardNumber']>().toEqualTypeOf<Sensitive>();
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
