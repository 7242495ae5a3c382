import { ValidationError } from '../core/errors.js';
import { type Amount, toAmount } from '../core/money.js';
import { checkPageParams, type PageParams, PagePromise } from '../core/page.js';
import { path } from '../core/path.js';
import { type ActionResult, actionResult } from '../core/schema.js';
import type { Requester, RequestOptions } from '../core/spec.js';
import { settleByRead } from '../outcomes/settle.js';
import type { OutcomeSpec } from '../outcomes/types.js';
import { CardLimitsResource, CardVelocityResource } from './card-controls.js';
import {
  type IssueBudgetCardParams,
  type IssueCardParams,
  type IssueStandaloneCardParams,
  issueBody,
} from './card-issue.js';
import { readCard, readOptions } from './card-read.js';
import { type CardRef, cardPath, requireModel, resolveCard } from './card-ref.js';
import {
  type Card,
  type CardSensitiveData,
  type CardStatus,
  type CardSummary,
  type CardTransaction,
  type CardType,
  cardListSchema,
  cardTransactionsSchema,
  cardTypesSchema,
  type IssuedBudgetCard,
  type IssuedCard,
  issuedBudgetCardSchema,
  issuedCardSchema,
  type ReissuedCard,
  reissuedCardSchema,
  sensitiveDataSchema,
} from './card-schemas.js';
import { PhysicalCardsResource } from './physical-cards.js';
import { Resource } from './resource.js';

/**
 * Settles an issuance by reading the card under the caller's `externalId` (card endpoints accept
 * it in place of the card id). Without an `externalId` no read can find the card.
 */
function issueOutcome(
  transport: Requester,
  model: 'card' | 'budget',
  externalId: unknown,
  amount: number | undefined,
): OutcomeSpec {
  if (typeof externalId !== 'string' || externalId.trim() === '') {
    return {
      subject: { amount },
      hint: 'Re-send with the same idempotencyKey (the safe retry). Pass an externalId when issuing, so that error.reconcile() can look the card up; without one it answers still-unknown.',
    };
  }
  return {
    subject: { externalId, amount },
    hint: 'Re-send with the same idempotencyKey (the safe retry), or call error.reconcile(), which looks the card up by its externalId, to see whether it was issued.',
    reconcile: (call, options) =>
      settleByRead(
        call,
        'cards.retrieve',
        () => readCard(transport, { id: externalId, model }, readOptions(options)),
        (found) => {
          const evidence = {
            reads: ['cards.retrieve'],
            examined: found ? 1 : 0,
            complete: true,
            matches: found ? [{ kind: 'card' as const, id: found.id, status: found.status }] : [],
          };
          return found
            ? { status: 'applied', summary: 'A card with this externalId exists.', evidence }
            : { status: 'not-applied', summary: 'No card has this externalId.', evidence };
        },
      ),
  };
}

/** Filters and paging of `cards.list`. */
export interface CardListParams extends PageParams {
  /** Free-text search. */
  query?: string;
  /** Only cards of these customers. */
  customerIds?: readonly string[];
  /** Only cards in these statuses. */
  statuses?: readonly CardStatus[];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9][0-9 ()-]{4,19}$/;

function contact(value: unknown, pattern: RegExp, field: 'email' | 'phone', operation: string): string {
  if (typeof value === 'string' && value.length <= 254 && pattern.test(value)) return value;
  throw new ValidationError(
    `${field} is not a valid ${field === 'email' ? 'email address' : 'phone number'}.`,
    {
      field,
      rule: 'format',
      operation,
      hint:
        field === 'email'
          ? 'Pass an address like user@example.com.'
          : 'Pass digits with an optional leading +, e.g. +14155550100.',
    },
  );
}

/**
 * Cards: programs, issuance (standalone and budget), details, sensitive data, transactions,
 * reissue, limits, contact data and physical cards.
 *
 * @example
 * ```ts
 * const [program] = await client.cards.types();
 * const card = await client.cards.issue({ model: 'card', typeId: program.id, initialBalance: 50, firstName: 'Ada', lastName: 'Lovelace' });
 * const details = await client.cards.retrieve(card);
 * console.log(details.status, details.last4); // the PAN stays masked unless revealed
 * for await (const tx of client.cards.transactions(card)) console.log(tx.amount, tx.currency);
 * ```
 */
export class CardsResource extends Resource {
  /** Spending limits of standalone cards. */
  readonly limits: CardLimitsResource;
  /** Velocity limits of budget cards. */
  readonly velocity: CardVelocityResource;
  /** Physical cards: order and activate. */
  readonly physical: PhysicalCardsResource;

  /** Binds the resource and its sub-resources to a transport. */
  constructor(transport: Requester) {
    super(transport);
    this.limits = new CardLimitsResource(transport);
    this.velocity = new CardVelocityResource(transport);
    this.physical = new PhysicalCardsResource(transport);
  }

  /** Lists the card programs available to the account; each `id` is a `typeId` for `issue`. */
  async types(options?: RequestOptions): Promise<CardType[]> {
    return this.transport.request(
      {
        operation: 'cards.types',
        method: 'GET',
        path: path`/cards/types`,
        schema: cardTypesSchema,
        kind: 'read',
      },
      options,
    );
  }

  /**
   * Issues a standalone card (`model: 'card'`, funded with `initialBalance` from the organization
   * balance) or a budget card (`model: 'budget'`, spending from `budgetId`). The result holds the
   * PAN, expiry and CVC as {@link Sensitive} values.
   *
   * @throws {ValidationError} for missing or invalid parameters, before anything is sent.
   * @throws {InvalidCardTypeError} when `typeId` is unknown or inactive.
   * @throws {CustomerNotVerifiedError} when the customer is not verified or lacks access.
   * @throws {MissingCardholderError} when the program needs a `customerId`.
   * @throws {OutcomeUnknownError} when the request left but no definite answer came back; with an
   * `externalId` its `reconcile()` looks the card up to settle it.
   */
  issue(params: IssueStandaloneCardParams, options?: RequestOptions): Promise<IssuedCard>;
  issue(params: IssueBudgetCardParams, options?: RequestOptions): Promise<IssuedBudgetCard>;
  issue(params: IssueCardParams, options?: RequestOptions): Promise<IssuedCard | IssuedBudgetCard>;
  async issue(params: IssueCardParams, options?: RequestOptions): Promise<IssuedCard | IssuedBudgetCard> {
    const body = issueBody(params);
    const budget = params.model === 'budget';
    return this.transport.request<IssuedCard | IssuedBudgetCard>(
      {
        operation: 'cards.issue',
        method: 'POST',
        path: budget ? path`/budget-cards/issue` : path`/cards/issue`,
        body,
        schema: budget ? issuedBudgetCardSchema : issuedCardSchema,
        kind: 'create',
        outcome: issueOutcome(
          this.transport,
          budget ? 'budget' : 'card',
          body.externalId,
          typeof body.initialBalance === 'number' ? body.initialBalance : undefined,
        ),
      },
      options,
    );
  }

  /**
   * Reads a card's details. A standalone card's details include its PAN, expiry and CVC, wrapped.
   *
   * @throws {NotFoundError} when there is no such card.
   */
  async retrieve(card: CardRef, options?: RequestOptions): Promise<Card> {
    return readCard(this.transport, resolveCard(card), options ?? {});
  }

  /**
   * Lists cards. Await it for one page, or `for await` over every card of every page.
   *
   * @throws {ValidationError} for a page or limit below 1.
   */
  list(params: CardListParams = {}, options?: RequestOptions): PagePromise<CardSummary> {
    return new PagePromise(
      async (n) => {
        const { limit } = checkPageParams(params, 'cards.list');
        const data = await this.transport.request(
          {
            operation: 'cards.list',
            method: 'GET',
            path: path`/cards/list`,
            query: {
              page: n,
              limit,
              query: params.query,
              customerIds: params.customerIds?.join(','),
              statuses: params.statuses?.join(','),
            },
            schema: cardListSchema,
            kind: 'read',
          },
          options,
        );
        return {
          data: data.cards,
          page: data.page ?? n,
          limit: data.limit ?? limit,
          totalPages: data.totalPages,
        };
      },
      params.page ?? 1,
      options,
    );
  }

  /**
   * Reads a card's PAN, expiry and CVC, each wrapped in {@link Sensitive}: call `reveal()` only
   * where the value is shown to the cardholder.
   *
   * @throws {NotFoundError} when there is no such card.
   */
  async sensitive(card: CardRef, options?: RequestOptions): Promise<CardSensitiveData> {
    const ref = resolveCard(card);
    // The standalone path is misspelled by the API itself; budget cards use the right spelling.
    const suffix = ref.model === 'budget' ? '/sensitive' : '/sensetive';
    return this.transport.request(
      {
        operation: 'cards.sensitive',
        method: 'GET',
        path: cardPath(ref, suffix),
        schema: sensitiveDataSchema,
        kind: 'read',
      },
      options,
    );
  }

  /**
   * Lists a standalone card's transactions, page by page or with `for await`.
   *
   * @throws {ValidationError} for a budget card (use `funds.budgetTransactions`) or bad paging.
   */
  transactions(
    card: CardRef,
    params: PageParams = {},
    options?: RequestOptions,
  ): PagePromise<CardTransaction> {
    return new PagePromise(
      async (n) => {
        const ref = resolveCard(card);
        requireModel(
          ref,
          'card',
          'cards.transactions',
          'Budget card spending is listed with client.funds.budgetTransactions(budgetId).',
        );
        const { limit } = checkPageParams(params, 'cards.transactions');
        const data = await this.transport.request(
          {
            operation: 'cards.transactions',
            method: 'GET',
            path: cardPath(ref, '/transactions'),
            query: { page: n, limit },
            schema: cardTransactionsSchema,
            kind: 'read',
          },
          options,
        );
        return { data: data.transactions, page: n, limit };
      },
      params.page ?? 1,
      options,
    );
  }

  /**
   * Reissues a standalone card as a new card funded with `initialBalance`.
   *
   * @throws {ValidationError} for a budget card or a bad amount.
   * @throws {OutcomeUnknownError} when the request left but no definite answer came back.
   */
  async reissue(
    card: CardRef,
    params: { initialBalance: Amount },
    options?: RequestOptions,
  ): Promise<ReissuedCard> {
    const ref = resolveCard(card);
    requireModel(
      ref,
      'card',
      'cards.reissue',
      'Issue a new budget card with client.cards.issue({ model: "budget", … }).',
    );
    const body = { cardId: ref.id, initialBalance: toAmount(params?.initialBalance, 'initialBalance') };
    return this.transport.request(
      {
        operation: 'cards.reissue',
        method: 'POST',
        path: path`/cards/reissue`,
        body,
        schema: reissuedCardSchema,
        kind: 'create',
        outcome: {
          subject: { cardId: ref.id, amount: body.initialBalance },
          // What a reissue leaves behind on the old card is not documented, so no read settles it.
          hint: 'Re-send with the same idempotencyKey (the safe retry). No documented read shows whether a reissue happened, so error.reconcile() answers still-unknown.',
        },
      },
      options,
    );
  }

  /**
   * Changes the email address on a card.
   *
   * @throws {ValidationError} when the address is not valid.
   */
  async updateEmail(card: CardRef, email: string, options?: RequestOptions): Promise<ActionResult> {
    const ref = resolveCard(card);
    const body = { email: contact(email, EMAIL, 'email', 'cards.updateEmail') };
    return this.transport.request(
      {
        operation: 'cards.updateEmail',
        method: 'POST',
        path: cardPath(ref, '/email'),
        body,
        schema: actionResult,
        kind: 'state',
      },
      options,
    );
  }

  /**
   * Changes the phone number on a card.
   *
   * @throws {ValidationError} when the number is not valid.
   */
  async updatePhone(card: CardRef, phone: string, options?: RequestOptions): Promise<ActionResult> {
    const ref = resolveCard(card);
    const body = { phone: contact(phone, PHONE, 'phone', 'cards.updatePhone') };
    return this.transport.request(
      {
        operation: 'cards.updatePhone',
        method: 'POST',
        path: cardPath(ref, '/phone'),
        body,
        schema: actionResult,
        kind: 'state',
      },
      options,
    );
  }
}
