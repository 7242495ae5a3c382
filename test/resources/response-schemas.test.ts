import { inspect } from 'node:util';
import * as fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { luhnCheckDigit } from '../../src/core/luhn.js';
import * as z from '../../src/core/reader.js';
import type { Sensitive } from '../../src/core/redact/index.js';
import { keepLastFour } from '../../src/core/schema.js';
import type {
  Card,
  CardBalance,
  CardSummary,
  IssuedCard,
  PartialCardSecrets,
  ReissuedCard,
} from '../../src/index.js';
import { cardListSchema, cardTransactionsSchema } from '../../src/resources/card-list-schemas.js';
import { cardSchema, issuedBudgetCardSchema, issuedCardSchema } from '../../src/resources/card-schemas.js';
import { customerSchema } from '../../src/resources/customer-schemas.js';
import { disputeSchema, disputeStatusSchema } from '../../src/resources/disputes-schemas.js';
import { budgetTransactionPageSchema } from '../../src/resources/funds-schemas.js';
import { questionnaireSchema } from '../../src/resources/questionnaire-schemas.js';

// Issue 11 finding 11: masked-number fields are re-masked to the last four digits whatever the
// server sent, and free-text fields pass the redactor, so a PAN the server put anywhere but the
// card-data fields never comes back in the clear.

const pan = fc
  .tuple(
    fc.constantFrom('411111', '401288', '555555'),
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }),
  )
  .map(([bin, rest]) => {
    const partial = bin + rest.join('');
    return partial + luhnCheckDigit(partial);
  });
const spaced = (p: string) => p.replace(/(\d{4})(?=\d)/g, '$1 ');

function rendered(value: unknown): string {
  return `${JSON.stringify(value)}\n${inspect(value, { depth: 10 })}`;
}

function leaks(text: string, p: string): boolean {
  return text.includes(p) || text.includes(spaced(p));
}

describe('keepLastFour', () => {
  it('keeps only the last four digits of anything', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const digits = text.replace(/\D/g, '');
        const out = keepLastFour(text);
        expect(out).toBe(digits.length >= 4 ? `**** **** **** ${digits.slice(-4)}` : '****');
      }),
    );
  });
});

describe('response schemas never hand back a PAN outside the card data', () => {
  it('re-masks masked numbers and redacts free text on every card reply', () => {
    fc.assert(
      fc.property(pan, fc.boolean(), (p, space) => {
        const raw = space ? spaced(p) : p;
        const text = `call ${raw} now`;
        const holder = { firstName: text, lastName: text, customerId: 'cus_1' };
        const replies: Array<[z.Schema<unknown, unknown>, unknown]> = [
          [cardSchema('card'), { id: 'c', maskedCardNumber: raw, label: text, cardHolder: holder }],
          [cardSchema('budget'), { id: 'c', maskedCardNumber: raw, label: text }],
          [
            cardListSchema(),
            {
              cards: [{ id: 'c', maskedCardNumber: raw, label: text, cardHolder: holder }],
              page: 1,
              limit: 1,
            },
          ],
          [
            cardTransactionsSchema(),
            { transactions: [{ id: 't', merchant: text, declineReason: text, note: text }] },
          ],
          [
            budgetTransactionPageSchema(),
            {
              transactions: [{ id: 't', merchant: text, card: { id: 'c', maskedCardNumber: raw } }],
              page: 1,
              limit: 1,
            },
          ],
          [
            customerSchema(),
            { id: 'x', status: 'rejected', individualData: { firstName: text }, rejectionReasons: [text] },
          ],
          [disputeSchema(), { id: 'd', textEvidence: text, files: [text] }],
          [disputeStatusSchema(), { id: 'd', status: 'rejected', response: text }],
          [
            questionnaireSchema(),
            { questionnaire: { id: 'q', name: text, questionnaire: [{ id: 'a', question: text }] } },
          ],
        ];
        for (const [schema, data] of replies) {
          const out = z.parse(schema, data);
          expect(leaks(rendered(out), p), rendered(out)).toBe(false);
        }
        const issued = z.parse(issuedCardSchema(), {
          card: {
            id: 'c',
            cardNumber: raw,
            cardExpire: '07/29',
            cardCVC: '123',
            maskedCardNumber: raw,
            label: text,
          },
        });
        expect(issued.maskedCardNumber).toBe(`**** **** **** ${p.slice(-4)}`);
        expect(leaks(rendered(issued), p)).toBe(false);
        expect(issued.sensitive.number.reveal()).toBe(raw);
        const budget = z.parse(issuedBudgetCardSchema(), {
          id: 'b',
          maskedCardNumber: raw,
          sensitive: { number: raw, expire: '07/29', cvc: '123' },
        });
        expect(budget.maskedCardNumber).toBe(`**** **** **** ${p.slice(-4)}`);
        expect(leaks(rendered(budget), p)).toBe(false);
      }),
      { numRuns: 60 },
    );
  });
});

describe('one card shape', () => {
  it('gives the same names to the same facts on issue, retrieve and list', () => {
    const issued = z.parse(issuedCardSchema(), {
      card: {
        id: 'c',
        cardNumber: '4111111111111111',
        cardExpire: '07/29',
        cardCVC: '1',
        cardBalance: 5,
        currency: 'EUR',
        maskedCardNumber: '**** 1111',
        label: 'L',
      },
    });
    const details = z.parse(cardSchema('card'), {
      id: 'c',
      maskedCardNumber: '**** 1111',
      currency: 'EUR',
      status: 'active',
      externalCardId: 'e',
      balance: { value: 5, currency: 'EUR' },
      label: 'L',
      sensetive: { number: '4111111111111111', expire: '07/29', cvc: '1' },
    });
    const [listed] = z.parse(cardListSchema(), {
      cards: [
        {
          id: 'c',
          maskedCardNumber: '**** 1111',
          currency: 'EUR',
          status: 'active',
          externalCardId: 'e',
          cardBalance: 5,
          label: 'L',
        },
      ],
    }).cards;
    for (const card of [issued, details, listed]) {
      expect(card).toMatchObject({
        model: 'card',
        id: 'c',
        last4: '1111',
        maskedCardNumber: '**** **** **** 1111',
        label: 'L',
        balance: { value: 5, currency: 'EUR' },
      });
    }
    expect(details.externalId).toBe('e');
    expect(listed?.externalId).toBe('e');
    expect(details.sensitive?.expiry?.reveal()).toBe('07/29');
    expect(issued.sensitive.expiry.reveal()).toBe('07/29');
    // The old issuance names stay readable, but out of JSON and spreads.
    expect(issued.sensitive.number.reveal()).toBe('4111111111111111');
    expect(issued.balance?.value).toBe(5);
    // The wire names are not kept as aliases (0.1's deprecated names are gone).
    expect('cardNumber' in issued).toBe(false);
    expect(Object.keys(issued)).not.toContain('cardNumber');
  });

  it('tolerates nulls, partial blocks and extra fields everywhere but the ids', () => {
    const card = z.parse(cardSchema('card'), {
      id: 'c',
      balance: null,
      cardHolder: null,
      sensetive: { number: null, cvc: '1' },
      status: null,
      extra: { deep: true },
    });
    expect(card).toEqual({
      model: 'card',
      id: 'c',
      last4: undefined,
      cardHolder: null,
      sensitive: expect.any(Object),
    });
    expect(card.sensitive?.number).toBeUndefined();
    expect(z.safeParse(cardSchema('card'), { status: 'active' }).ok).toBe(false);
  });
});

describe('card types', () => {
  it('narrow by the literal model', () => {
    expectTypeOf<Card<'card'>['model']>().toEqualTypeOf<'card'>();
    expectTypeOf<(Card & { model: 'budget' })['model']>().toEqualTypeOf<'budget'>();
    expectTypeOf<IssuedCard['sensitive']['number']>().toEqualTypeOf<Sensitive>();
    expectTypeOf<ReissuedCard['sensitive']>().toEqualTypeOf<PartialCardSecrets | undefined>();
    expectTypeOf<CardSummary['balance']>().toEqualTypeOf<CardBalance | undefined>();
    const card = { model: 'card', id: 'c', last4: '1111' } as Card;
    if (card.model === 'budget') expectTypeOf(card.model).toEqualTypeOf<'budget'>();
  });
});
