import type * as z from '../../src/core/reader.js';
import { actionResult } from '../../src/core/schema.js';
import { limitSettingSchema, limitsSchema } from '../../src/resources/card-limits-schemas.js';
import { cardListSchema, cardTransactionsSchema } from '../../src/resources/card-list-schemas.js';
import {
  cardSchema,
  cardTypesSchema,
  issuedBudgetCardSchema,
  issuedCardSchema,
  reissuedCardSchema,
  sensitiveDataSchema,
} from '../../src/resources/card-schemas.js';
import { accessRequestSchema, customerSchema } from '../../src/resources/customer-schemas.js';
import { disputeSchema, disputeStatusSchema } from '../../src/resources/disputes-schemas.js';
import {
  balanceSchema,
  budgetTransactionPageSchema,
  depositAddressSchema,
} from '../../src/resources/funds-schemas.js';
import { questionnaireSchema } from '../../src/resources/questionnaire-schemas.js';

// The documented example responses, one per endpoint, each with the URL of its source (a
// docs.bfinance.app page or the official JS client's types): field names and shapes as the source
// shows them; values from the page's examples where it gives them. `data` is what
// the envelope's `data` holds (or the bare body for endpoints shown without an envelope).

const DOCS = 'https://docs.bfinance.app/api-reference';
const JS_SDK = 'https://github.com/BFinance-Technologies/js-sdk';

/** One documented response. */
export interface Fixture {
  /** The SDK operation that reads it. */
  operation: string;
  /** Method and path. */
  endpoint: string;
  /** Where the shape is documented. */
  source: string;
  /** [DOC] a docs page, [SDK] an official client's types. */
  tag: 'DOC' | 'SDK';
  /** The SDK's schema for it. */
  schema: z.Schema<unknown, unknown>;
  /** The example `data`. */
  data: Record<string, unknown>;
  /** Wire paths (`cards[].id`) the SDK requires; every other field is optional and nullable. */
  required: readonly string[];
}

const CARD_ID = '65f1c2a0e1234567890abcde';
const TYPE_ID = '603e12345e1234567890abcd';

export const CORPUS: readonly Fixture[] = [
  {
    operation: 'funds.balance',
    endpoint: 'GET /balance',
    source: `${JS_SDK} src/modules/balance`,
    tag: 'SDK',
    schema: balanceSchema(),
    data: { eur: 1500.25, usd: 2500, balance: '4000.25' },
    required: ['eur', 'usd'],
  },
  {
    operation: 'funds.depositAddress',
    endpoint: 'GET /finance/deposit',
    source: `${JS_SDK} src/modules/finance`,
    tag: 'SDK',
    schema: depositAddressSchema(),
    data: { address: 'TXYZ1234567890abcdef', network: 'tron', currency: 'usdt' },
    required: ['address'],
  },
  {
    operation: 'cards.updateArt',
    endpoint: 'POST /cards/{id}/updateArt',
    source: `${JS_SDK} src/modules/cards (updateArt)`,
    tag: 'SDK',
    schema: actionResult(),
    data: {},
    required: [],
  },
  {
    operation: 'cards.types',
    endpoint: 'GET /cards/types',
    source: `${JS_SDK} src/modules/cards`,
    tag: 'SDK',
    schema: cardTypesSchema(),
    data: {
      types: [{ id: TYPE_ID, name: 'Virtual USD', cardCurrency: 'USD', price: '5.00', brand: 'visa' }],
    },
    required: ['types', 'types[].id'],
  },
  {
    operation: 'cards.issue',
    endpoint: 'POST /cards/issue',
    source: `${DOCS}/cards/issue-a-new-card`,
    tag: 'DOC',
    schema: issuedCardSchema(),
    data: {
      card: {
        id: CARD_ID,
        cardNumber: '4111 1111 1111 1111',
        cardExpire: '07/29',
        cardCVC: '123',
        cardBalance: 1000,
        currency: 'EUR',
        maskedCardNumber: '**** **** **** 1111',
        brand: 'visa',
        label: 'Travel Card',
      },
    },
    required: ['card', 'card.id', 'card.cardNumber', 'card.cardExpire', 'card.cardCVC'],
  },
  {
    operation: 'cards.reissue',
    endpoint: 'POST /cards/reissue',
    source: `${JS_SDK} src/modules/cards (reissue reply type)`,
    tag: 'SDK',
    schema: reissuedCardSchema(),
    data: {
      card: {
        id: CARD_ID,
        cardExpire: '07/29',
        cardBalance: 25.5,
        currency: 'EUR',
        maskedCardNumber: '**** **** **** 1111',
        brand: 'visa',
        label: 'Travel Card',
      },
    },
    required: ['card', 'card.id'],
  },
  {
    operation: 'cards.retrieve',
    endpoint: 'GET /cards/{id}',
    source: `${DOCS}/cards/get-card-details`,
    tag: 'DOC',
    schema: cardSchema('card'),
    data: {
      id: CARD_ID,
      maskedCardNumber: '**** **** **** 1111',
      sensetive: { number: '4111 1111 1111 1111', expire: '07/29', cvc: '123' },
      currency: 'EUR',
      status: 'active',
      externalCardId: '1234567890',
      balance: { value: 100, currency: 'EUR' },
      label: 'Travel Card',
      cardHolder: { firstName: 'Ada', lastName: 'Lovelace', customerId: 'cus_1' },
      email: 'user@example.com',
      phone: '+14155550100',
    },
    required: ['id'],
  },
  {
    operation: 'cards.retrieve',
    endpoint: 'GET /budget-cards/{id} (shown without an envelope)',
    source: `${DOCS}/budget-cards/get-card-details`,
    tag: 'DOC',
    schema: cardSchema('budget'),
    data: {
      id: 'b-card-1',
      maskedCardNumber: '**** **** **** 1234',
      currency: 'EUR',
      status: 'active',
      externalCardId: 'ext-1',
      sensitive: { number: '5168 3214 5678 1234', expire: '07/29', cvc: '***' },
    },
    required: ['id'],
  },
  {
    operation: 'cards.sensitive',
    endpoint: 'GET /cards/{id}/sensetive, GET /budget-cards/{id}/sensitive',
    source: `${JS_SDK} src/modules/cards, src/modules/budgetCards`,
    tag: 'SDK',
    schema: sensitiveDataSchema(),
    data: { number: '5168 3214 5678 1234', expire: '07/29', cvc: '123' },
    required: ['number', 'expire', 'cvc'],
  },
  {
    operation: 'cards.list',
    endpoint: 'GET /cards/list',
    source: `${JS_SDK} src/modules/cards`,
    tag: 'SDK',
    schema: cardListSchema(),
    data: {
      cards: [
        {
          id: CARD_ID,
          maskedCardNumber: '**** **** **** 4242',
          currency: 'USD',
          status: 'active',
          externalCardId: null,
          cardBalance: 12.5,
          label: 'Ads',
          brand: 'visa',
          cardHolder: { firstName: 'Ada', lastName: 'Lovelace', customerId: 'cus_1' },
          cardType: 'card',
        },
      ],
      page: 1,
      limit: 10,
      totalPages: 1,
    },
    required: ['cards', 'cards[].id'],
  },
  {
    operation: 'cards.transactions',
    endpoint: 'GET /cards/{id}/transactions',
    source: `${JS_SDK} src/modules/cards`,
    tag: 'SDK',
    schema: cardTransactionsSchema(),
    data: {
      transactions: [
        {
          id: 'tx1',
          amount: 49.9,
          currency: 'EUR',
          usdAmount: 54.1,
          merchant: 'AWS',
          status: 'completed',
          type: 'purchase',
          date: '2025-03-02T10:15:00.000Z',
          transactionId: 'ntx1',
          declineReason: null,
        },
      ],
    },
    required: ['transactions', 'transactions[].id'],
  },
  {
    operation: 'cards.limits.retrieve',
    endpoint: 'GET /cards/{id}/limits',
    source: `${DOCS}/cards/get-spending-limits`,
    tag: 'DOC',
    schema: limitsSchema(),
    data: {
      ecommerce: {
        daily: { limit: 50000, used: 1200 },
        monthly: { limit: 400000, used: 12000 },
        transaction: { limit: 25000 },
      },
      pos: {
        daily: { limit: 50000, used: 0 },
        monthly: { limit: 400000, used: 0 },
        transaction: { limit: 25000 },
      },
    },
    required: [],
  },
  {
    operation: 'cards.limits.set',
    endpoint: 'POST /cards/{id}/limits',
    source: `${DOCS}/cards/set-spending-limits`,
    tag: 'DOC',
    schema: limitSettingSchema(),
    data: { type: 'pos-daily', limit: 5000 },
    required: [],
  },
  {
    operation: 'cards.issue (budget)',
    endpoint: 'POST /budget-cards/issue',
    source: `${DOCS}/budget-cards/issue-a-new-card`,
    tag: 'DOC',
    schema: issuedBudgetCardSchema(),
    data: {
      id: 'b-card-1',
      maskedCardNumber: '**** **** **** 1234',
      currency: 'EUR',
      status: 'active',
      externalCardId: 'ext-1',
      sensitive: { number: '5168 3214 5678 1234', expire: '07/29', cvc: '123' },
    },
    required: ['id', 'sensitive', 'sensitive.number', 'sensitive.expire', 'sensitive.cvc'],
  },
  {
    operation: 'funds.budgetTransactions',
    endpoint: 'GET /budgets/{id}/transactions',
    source: `${DOCS}/budgets/get-budget-transactions`,
    tag: 'DOC',
    schema: budgetTransactionPageSchema(),
    data: {
      transactions: [
        {
          id: 'tx1',
          card: { id: 'bc1', maskedCardNumber: '**** **** **** 1234', externalId: 'ext-1' },
          amount: 12.5,
          currency: 'EUR',
          usdAmount: 13.6,
          merchant: 'AWS',
          mcc: '5734',
          status: 'completed',
          type: 'purchase',
          transactionDate: '2025-03-02T10:15:00.000Z',
          transactionId: 'ntx1',
          fee: 0,
        },
      ],
      page: 1,
      limit: 10,
    },
    required: ['transactions', 'transactions[].id', 'transactions[].card.id', 'page', 'limit'],
  },
  {
    operation: 'funds.topUpBudget',
    endpoint: 'POST /budgets/{id}/topup',
    source: `${DOCS}/budgets/top-up-a-budget`,
    tag: 'DOC',
    schema: actionResult(),
    data: {},
    required: [],
  },
  {
    operation: 'status.freeze (and every { status, message } answer)',
    endpoint: 'POST /cards/{id}/freeze',
    source: `${DOCS}/cards/freeze-a-card`,
    tag: 'DOC',
    schema: actionResult(),
    data: { message: 'Card has been frozen' },
    required: [],
  },
  {
    operation: 'customers.create',
    endpoint: 'POST /customers',
    source: `${JS_SDK} src/modules/customers`,
    tag: 'SDK',
    schema: customerSchema(),
    data: {
      id: 'cus_1',
      type: 'individual',
      status: 'pending',
      individualData: {
        level: 'basic',
        firstName: 'Ada',
        lastName: 'Lovelace',
        nationality: 'GBR',
        birthDate: '1990-12-10',
        phone: '+14155550100',
        email: 'ada@example.com',
      },
      sumsub: { url: 'https://verify.example.com/abc' },
    },
    required: ['id', 'status'],
  },
  {
    operation: 'customers.retrieve',
    endpoint: 'GET /customers/{id}',
    source: `${JS_SDK} src/modules/customers`,
    tag: 'SDK',
    schema: customerSchema(),
    data: {
      id: 'cus_1',
      type: 'individual',
      status: 'active',
      individualData: {
        firstName: 'Ada',
        lastName: 'Lovelace',
        birthDate: '1990-12-10',
        nationality: 'GBR',
        nationalId: 'X1',
        address: { line1: '1 Main St', city: 'London', state: 'LDN', country: 'GBR', zipCode: 'N1' },
        email: 'ada@example.com',
        phone: '+14155550100',
      },
      featuresAccess: [
        { id: 'fa1', type: 'cards', cardType: TYPE_ID, status: 'granted', rejectionReasons: [] },
      ],
      sumsub: { url: 'https://verify.example.com/abc' },
    },
    required: ['id', 'status', 'featuresAccess[].id', 'featuresAccess[].type'],
  },
  {
    operation: 'customers.requestAccess',
    endpoint: 'POST /customers/{id}/request',
    source: `${DOCS}/customers/request-feature-access-for-a-customer`,
    tag: 'DOC',
    schema: accessRequestSchema(),
    data: { accessType: 'cards', customerId: 'cus_1', status: 'requested' },
    required: ['customerId'],
  },
  {
    operation: 'customers.questionnaires.retrieve',
    endpoint: 'GET /customers/{id}/questionnaires/{questionnaireId}',
    source: `${JS_SDK} src/modules/customers (questionnaire details)`,
    tag: 'SDK',
    schema: questionnaireSchema(),
    data: {
      questionnaire: {
        id: 'q1',
        name: 'Source of funds',
        completed: false,
        completedAt: null,
        questionnaire: [
          {
            id: 'occupation',
            question: 'What is your occupation?',
            type: 'text',
            required: true,
            placeholder: 'Engineer',
            options: [],
          },
        ],
      },
    },
    required: ['questionnaire', 'questionnaire.id', 'questionnaire.questionnaire[].id'],
  },
  {
    operation: 'disputes.create',
    endpoint: 'POST /disputes',
    source: `${DOCS}/disputes/create-a-dispute`,
    tag: 'DOC',
    schema: disputeSchema(),
    data: {
      id: 'd1',
      status: 'pending',
      textEvidence: 'Charged twice on 2025-03-02 for one order.',
      files: ['https://files.example.com/receipt.pdf'],
      createdAt: '2025-03-03T09:00:00.000Z',
    },
    required: ['id'],
  },
  {
    operation: 'disputes.status',
    endpoint: 'GET /disputes/{id}/status',
    source: `${JS_SDK} src/modules/disputes`,
    tag: 'SDK',
    schema: disputeStatusSchema(),
    data: { id: 'd1', status: 'accepted', response: 'Refund issued to the card' },
    required: ['id', 'status'],
  },
  {
    operation: 'disputes.cancel',
    endpoint: 'POST /disputes/{id}/cancel',
    source: `${JS_SDK} src/modules/disputes`,
    tag: 'SDK',
    schema: disputeStatusSchema(),
    data: { id: 'd1', status: 'cancelled' },
    required: ['id', 'status'],
  },
];
