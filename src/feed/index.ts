import { ValidationError } from '../core/errors.js';
import type { PageParams } from '../core/page.js';
import type { RequestOptions } from '../core/spec.js';
import type { CardRef } from '../resources/card-ref.js';
import type { CardTransaction } from '../resources/card-results.js';
import type { BudgetTransaction } from '../resources/funds-schemas.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { type FeedEntry, readFeed } from './read.js';

export type { FeedEntry } from './read.js';

/** One page of a listing, as the SDK's list methods resolve to. */
export interface ListedPage<T> {
  /** The page's items. */
  readonly data: readonly T[];
}

/** Anything that lists a card's transactions: a `CardsClient`, its `cards`, or a fake. */
export interface CardTransactionLister {
  /** Resolves to one page of the card's transactions. */
  transactions(
    card: CardRef,
    params?: PageParams,
    options?: RequestOptions,
  ): PromiseLike<ListedPage<CardTransaction>>;
}

/** Anything that lists a budget's transactions: a `CardsClient`, its `funds`, or a fake. */
export interface BudgetTransactionLister {
  /** Resolves to one page of the budget's transactions. */
  budgetTransactions(
    budgetId: string,
    params?: PageParams,
    options?: RequestOptions,
  ): PromiseLike<ListedPage<BudgetTransaction>>;
}

/** Options of the feed functions. */
export interface FeedOptions {
  /**
   * Without a cursor: `all` (default) delivers every transaction listed; `now` delivers nothing
   * and returns a cursor from which only later transactions are delivered.
   */
  start?: 'all' | 'now';
  /**
   * The lateness bound, in ms: a transaction is delivered when it appears in the listing within
   * this long after its date (and its status or amount changes within it come as updates). Later
   * arrivals are skipped. Default 3 days.
   */
  latenessMs?: number;
  /**
   * Most transaction ids a cursor remembers (about 50 bytes each), default 500. Past it, the
   * floor rises above the oldest forgotten one: the lateness bound shrinks, nothing comes twice.
   */
  maxIds?: number;
  /** Page size asked for; a server may send fewer. Default 100. */
  pageSize?: number;
  /** Stops the read; the call then rejects and the old cursor stays valid. */
  signal?: AbortSignal;
}

/** One read of a feed. */
export interface FeedResult<T> {
  /**
   * New transactions, and changed ones marked `update: true`, oldest first. Each is delivered at
   * least once across calls when you store `cursor` only after processing them, and never twice
   * unless marked as an update.
   */
  transactions: Array<FeedEntry<T>>;
  /**
   * Opaque; pass it to the next call. Its size is bounded by `maxIds`. Run one read at a time per
   * card or budget: two reads from one cursor deliver the same transactions.
   */
  cursor: string;
}

const DAY_MS = 86_400_000;

function settingsOf(options: FeedOptions, operation: string): Required<Omit<FeedOptions, 'signal'>> {
  const settings = {
    start: options.start ?? 'all',
    latenessMs: options.latenessMs ?? 3 * DAY_MS,
    maxIds: options.maxIds ?? 500,
    pageSize: options.pageSize ?? 100,
  };
  const bad = (field: string, rule: string, hint: string): never => {
    throw new ValidationError(`${field} is out of range.`, { field, rule, operation, hint });
  };
  if (settings.start !== 'all' && settings.start !== 'now')
    bad('start', 'enum', "Set start to 'all' or 'now'.");
  if (!Number.isSafeInteger(settings.latenessMs) || settings.latenessMs < 0)
    bad('latenessMs', 'range', 'Set latenessMs to a whole number of milliseconds, 0 or more.');
  for (const field of ['maxIds', 'pageSize'] as const)
    if (!Number.isSafeInteger(settings[field]) || settings[field] < 1)
      bad(field, 'range', `Set ${field} to a whole number of 1 or more.`);
  return settings;
}

async function read<T extends { id: string }>(
  list: (params: PageParams, options: RequestOptions) => PromiseLike<ListedPage<T>>,
  dateOf: (item: T) => unknown,
  cursor: string | undefined,
  options: FeedOptions,
  operation: string,
): Promise<FeedResult<T>> {
  const settings = settingsOf(options, operation);
  const state = cursor === undefined ? undefined : decodeCursor(cursor, operation);
  const request = options.signal === undefined ? {} : { signal: options.signal };
  const readPage = async (page: number): Promise<readonly T[]> =>
    (await list({ page, limit: settings.pageSize }, request)).data;
  const result = await readFeed(readPage, dateOf, state, settings);
  return { transactions: result.entries, cursor: encodeCursor(result.state) };
}

/**
 * Reads a standalone card's transactions since `cursor` (from the start, or from now, without
 * one). `client` is a `CardsClient`, its `cards`, or anything with the same `transactions` method.
 *
 * @throws {ValidationError} for a cursor this feed did not return or a bad option.
 */
export function transactionsSince(
  client: { readonly cards: CardTransactionLister } | CardTransactionLister,
  card: CardRef,
  cursor?: string,
  options: FeedOptions = {},
): Promise<FeedResult<CardTransaction>> {
  const lister = 'cards' in client ? client.cards : client;
  return read(
    (params, request) => lister.transactions(card, params, request),
    (tx) => tx.date,
    cursor,
    options,
    'feed.transactionsSince',
  );
}

/**
 * Reads a budget's transactions since `cursor` (from the start, or from now, without one).
 * `client` is a `CardsClient`, its `funds`, or anything with the same `budgetTransactions` method.
 *
 * @throws {ValidationError} for a cursor this feed did not return or a bad option.
 */
export function budgetTransactionsSince(
  client: { readonly funds: BudgetTransactionLister } | BudgetTransactionLister,
  budgetId: string,
  cursor?: string,
  options: FeedOptions = {},
): Promise<FeedResult<BudgetTransaction>> {
  const lister = 'funds' in client ? client.funds : client;
  return read(
    (params, request) => lister.budgetTransactions(budgetId, params, request),
    (tx) => tx.transactionDate,
    cursor,
    options,
    'feed.budgetTransactionsSince',
  );
}
