/**
 * A feed of a card's or a budget's transactions that resumes from a cursor, so a webhook lost in
 * delivery costs nothing: read it on a timer, or when a webhook hints that something happened.
 *
 * Listing order relied on: newest first, as the sandbox lists [INF]. A read stops early, at the
 * first transaction dated before the cursor's floor, only once a read of the whole listing found
 * that order; a read that sees it broken (a transaction newer than the one before it) goes on to
 * the end of the listing, and so do the reads after it until a whole read finds the order again.
 * The feed pages itself to an empty page: a page repeating the one before (a listing shifting
 * under new transactions) is no end, three pages without a new transaction are.
 *
 * @module bfinance-cards/feed
 */
export * from '../feed/index.js';
