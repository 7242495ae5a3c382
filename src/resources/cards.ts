import type { CardsClientOptions } from '../connection.js';
import { type Amount, toAmount } from '../core/money.js';
import { copyOptions } from '../core/options.js';
import { checkPageParams, type PageData, type PageParams, PagePromise } from '../core/page.js';
import {
  amountLike,
  anyText,
  checkOptionalShape,
  checkShape,
  positiveWhole,
  text,
  textList,
} from '../core/params.js';
import type { ActionResult } from '../core/schema.js';
import type { RequestOptions } from '../core/spec.js';
import {
  type IssueBudgetCardParams,
  type IssueCardParams,
  type IssueStandaloneCardParams,
  issueBody,
} from './card-issue.js';
import { CardLimitsResource, CardVelocityResource } from './card-limits.js';
import { issueOutcome } from './card-outcomes.js';
import { type CardRef, type KnownModel, type NotBudgetCard, requireModel, resolveCard } from './card-ref.js';
import type {
  Card,
  CardSensitiveData,
  CardStatus,
  CardSummary,
  CardTransaction,
  CardType,
  IssuedBudgetCard,
  IssuedCard,
  ReissuedCard,
} from './card-results.js';
import { checkContact } from './contact.js';
import {
  cardSensitive,
  cardTransactions,
  cardTypes,
  issueCard,
  listCards,
  reissueCard,
  retrieveCard,
  updateArt,
  updateEmail,
  updatePhone,
} from './endpoints/cards.js';
import { PhysicalCardsResource } from './physical-cards.js';
import { ClientResource } from './resource.js';

/** Filters and paging of `cards.list`. */
export interface CardListParams extends PageParams {
  /** Free-text search. */
  query?: string;
  /** Only cards of these customers. */
  customerIds?: readonly string[];
  /** Only cards in these statuses. */
  statuses?: readonly CardStatus[];
}

const PAGE_SHAPE = { page: positiveWhole, limit: positiveWhole } as const;

/**
 * Cards: programs, issuance (standalone and budget), details, sensitive data, transactions,
 * reissue, limits, contact data, card art and physical cards.
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
export class Cards extends ClientResource {
  /** Spending limits of standalone cards. */
  readonly limits: CardLimitsResource;
  /** Velocity limits of budget cards. */
  readonly velocity: CardVelocityResource;
  /** Physical cards: order and activate. */
  readonly physical: PhysicalCardsResource;

  /**
   * Takes the same options as `CardsClient` (a program that only needs cards builds this alone).
   *
   * @throws {ValidationError} for bad options, as `new CardsClient()` does.
   */
  constructor(options?: CardsClientOptions) {
    super(options);
    this.limits = new CardLimitsResource(this.transport);
    this.velocity = new CardVelocityResource(this.transport);
    this.physical = new PhysicalCardsResource(this.transport);
  }

  /** Lists the card programs available to the account; each `id` is a `typeId` for `issue`. */
  async types(options?: RequestOptions): Promise<CardType[]> {
    return this.send(cardTypes(), options);
  }

  /**
   * Issues a standalone card (`model: 'card'`, funded with `initialBalance` from the organization
   * balance) or a budget card (`model: 'budget'`, spending from `budgetId`). The result holds the
   * PAN, expiry and CVC as {@link Sensitive} values.
   *
   * Required fields follow the issuance guide: `customerId`, or else `firstName` and `lastName`;
   * `externalId` is optional; `initialBalance` may have 2 decimals. The API reference page
   * disagrees: it marks `externalId`, `firstName` and `lastName` required and `initialBalance` an
   * integer. The SDK keeps the guide's rule; if the API enforces the reference's reading, a call
   * the SDK lets through is refused with a `BadRequestError`. Passing `externalId`, both names
   * and a whole `initialBalance` satisfies both readings.
   *
   * @throws {ValidationError} for missing, unknown or mistyped parameters, before anything is sent.
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
    const { model, body } = issueBody(params);
    return this.send(issueCard(model, body, issueOutcome(this.transport, model, body.externalId)), options);
  }

  /**
   * Reads a card's details. A standalone card's details include its PAN, expiry and CVC, wrapped.
   * The result carries the model the reference is known to have: a bare id is a standalone card,
   * `{ id, model: 'budget' }` a budget card.
   *
   * @throws {NotFoundError} when there is no such card.
   */
  retrieve<C extends CardRef>(card: C, options?: RequestOptions): Promise<Card & KnownModel<C>>;
  async retrieve(card: CardRef, options?: RequestOptions): Promise<Card> {
    return this.send(retrieveCard(resolveCard(card)), options);
  }

  /**
   * Lists cards. Await it for one page, or `for await` over every card of every page. Each card's
   * `model` is known only at run time, so methods for one model check it when called.
   *
   * @throws {ValidationError} for a page or limit below 1, or an unknown or mistyped filter.
   */
  list(params: CardListParams = {}, options?: RequestOptions): PagePromise<CardSummary> {
    return new PagePromise(() => {
      const given = checkOptionalShape(params, '', 'cards.list', {
        ...PAGE_SHAPE,
        query: anyText,
        customerIds: textList,
        statuses: textList,
      }) as CardListParams;
      const { page, limit } = checkPageParams(given, 'cards.list');
      const opts = copyOptions(options);
      const fetch = async (n: number): Promise<PageData<CardSummary>> => {
        const data = await this.send(listCards(n, limit, given), opts);
        return {
          data: data.cards,
          page: data.page ?? n,
          limit: data.limit ?? limit,
          totalPages: data.totalPages,
        };
      };
      return { fetch, first: page, signal: opts?.signal };
    });
  }

  /**
   * Reads a card's PAN, expiry and CVC, each wrapped in {@link Sensitive}: call `reveal()` only
   * where the value is shown to the cardholder.
   *
   * @throws {NotFoundError} when there is no such card.
   */
  async sensitive(card: CardRef, options?: RequestOptions): Promise<CardSensitiveData> {
    return this.send(cardSensitive(resolveCard(card)), options);
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
    return new PagePromise(() => {
      const ref = resolveCard(card);
      requireModel(
        ref,
        'card',
        'cards.transactions',
        'Budget card spending is listed with client.funds.budgetTransactions(budgetId).',
      );
      const given = checkOptionalShape(params, '', 'cards.transactions', PAGE_SHAPE);
      const { page, limit } = checkPageParams(given, 'cards.transactions');
      const opts = copyOptions(options);
      const fetch = async (n: number): Promise<PageData<CardTransaction>> => {
        const data = await this.send(cardTransactions(ref, n, limit), opts);
        return { data: data.transactions, page: n, limit };
      };
      return { fetch, first: page, signal: opts?.signal };
    });
  }

  /**
   * Reissues a standalone card as a new card funded with `initialBalance`. A card known to be a
   * budget card does not compile.
   *
   * @throws {ValidationError} for a budget card, a bad amount or an unknown field.
   * @throws {OutcomeUnknownError} when the request left but no definite answer came back.
   */
  async reissue<C extends CardRef>(
    card: NotBudgetCard<C>,
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
    // The card id goes in the body, not the path, so nothing else would refuse an empty one.
    text(ref.id, 'card', 'cards.reissue');
    const given = checkShape(params, '', 'cards.reissue', { initialBalance: amountLike });
    const initialBalance = toAmount(given.initialBalance, 'initialBalance');
    return this.send(reissueCard(ref.id, initialBalance), options);
  }

  /**
   * Changes the email address on a card.
   *
   * @throws {ValidationError} when the address is not valid.
   */
  async updateEmail(card: CardRef, email: string, options?: RequestOptions): Promise<ActionResult> {
    return this.send(
      updateEmail(resolveCard(card), checkContact(email, 'email', 'cards.updateEmail')),
      options,
    );
  }

  /**
   * Changes the phone number on a card.
   *
   * @throws {ValidationError} when the number is not valid.
   */
  async updatePhone(card: CardRef, phone: string, options?: RequestOptions): Promise<ActionResult> {
    return this.send(
      updatePhone(resolveCard(card), checkContact(phone, 'phone', 'cards.updatePhone')),
      options,
    );
  }

  /**
   * Changes a card's art (its design) to `cardArtId`, as `POST /cards/{id}/updateArt`. Known only
   * from bfinance's official JS client: the docs do not describe it, nor where art ids come from
   * (ask bfinance), so it may change. A budget card goes to `/budget-cards/{id}/updateArt`, as
   * every other card endpoint mirrors (an inference). Re-sending it lands in the same state.
   *
   * @experimental
   * @throws {ValidationError} when `cardArtId` is empty or not a string.
   */
  async updateArt(card: CardRef, cardArtId: string, options?: RequestOptions): Promise<ActionResult> {
    const ref = resolveCard(card);
    text(cardArtId, 'cardArtId', 'cards.updateArt');
    return this.send(updateArt(ref, cardArtId), options);
  }
}
