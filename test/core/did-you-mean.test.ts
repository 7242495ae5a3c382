import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closestName } from '../../src/core/did-you-mean.js';

const KNOWN = ['typeId', 'label', 'externalId', 'customerId', 'initialBalance', 'budgetId'];

describe('closestName', () => {
  it.each([
    ['initial_balance', 'initialBalance'],
    ['Initial-Balance', 'initialBalance'],
    ['INITIALBALANCE', 'initialBalance'],
    ['intialBalance', 'initialBalance'],
    ['initailBalance', 'initialBalance'],
    ['initialBalanc', 'initialBalance'],
    ['typeid', 'typeId'],
    ['type_id', 'typeId'],
    ['typId', 'typeId'],
    ['lable', 'label'],
    ['budget_ids', 'budgetId'],
  ])('%s → %s', (typo, known) => {
    expect(closestName(typo, KNOWN)).toBe(known);
  });

  it.each(['amount', 'merchantCategory', 'note', 'initialDeposit', 'x'])(
    'suggests nothing for %s, close to no known name',
    (name) => {
      expect(closestName(name, KNOWN)).toBeUndefined();
    },
  );

  it('allows one edit on short names, two on longer ones', () => {
    expect(closestName('pag', ['page'])).toBe('page');
    expect(closestName('pa', ['page'])).toBeUndefined();
    expect(closestName('amout', ['amount'])).toBe('amount');
    expect(closestName('amnt', ['amount'])).toBe('amount');
    expect(closestName('amn', ['amount'])).toBeUndefined();
  });

  it('prefers the nearest name, and the first of equally near ones', () => {
    expect(closestName('nationalIdd', ['nationality', 'nationalId'])).toBe('nationalId');
    expect(closestName('nationalIt', ['nationality', 'nationalId'])).toBe('nationality');
    expect(closestName('nationalIt', ['nationalId', 'nationality'])).toBe('nationalId');
  });

  it('finds a known name under any spelling of case, _ and - ', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...KNOWN),
        fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
        fc.array(fc.constantFrom('', '', '_', '-'), { minLength: 16, maxLength: 16 }),
        (name, upper, seps) => {
          const spelled = [...name]
            .map((ch, i) => (seps[i] ?? '') + (upper[i] ? ch.toUpperCase() : ch.toLowerCase()))
            .join('');
          expect(closestName(spelled, KNOWN)).toBe(name);
        },
      ),
    );
  });
});
