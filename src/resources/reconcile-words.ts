// Every word the SDK reads meaning into when it settles an unknown outcome, in one place. bfinance
// documents no transaction types and no transaction statuses, and card statuses only in part: each
// list below is an inference [INF]. A word outside every list is unknown, and an unknown word never
// decides an answer either way. Words are compared lower case with everything but letters removed.

/** Which kind of funding movement a call makes. */
export type MovementKind = 'topup' | 'withdraw';

/**
 * What a listed transaction type says about a movement: a funding kind a call makes, `other`
 * funding no top-up or withdrawal call makes (an initial balance), `spend` for card activity the
 * SDK knows (purchases, refunds, fees…), or undefined for a type the SDK does not recognise.
 */
export type ListedKind = MovementKind | 'other' | 'spend';

// [INF] Transaction types: the usual spellings; an unknown type can still be the call's movement.
// `other` is funding no top-up or withdrawal call makes, e.g. a card's initial balance at issuance.
// `transfer` is in no list: a server may well call a top-up (organization → card) a transfer.
const TYPES: Readonly<Record<ListedKind, string>> = {
  topup: 'topup deposit load fund funding cardtopup budgettopup',
  withdraw: 'withdraw withdrawal unload cardwithdraw cardwithdrawal',
  other: 'issue issuance initialbalance initialload reissue',
  spend:
    'purchase payment spend sale authorization authorisation auth capture pos ecommerce atm atmwithdrawal cashwithdrawal refund reversal chargeback fee decline declined',
};

/** What a listed transaction status says: it went through, it did not, or it may still do either. */
export type StatusKind = 'done' | 'failed' | 'pending';

/** [INF] Transaction statuses. `failed` entries moved no money: they are never a call's application. */
export const STATUSES: Readonly<Record<StatusKind, string>> = {
  done: 'completed complete success succeeded successful settled posted approved cleared processed done',
  failed: 'declined failed failure reversed reversal rejected cancelled canceled voided void refused error',
  pending: 'pending processing inprogress authorized authorised hold onhold created new',
};

/** What a card status says about a delete: the card is gone, or it is still there. */
export type CardStatusKind = 'deleted' | 'live';

/**
 * [INF] Card statuses. bfinance documents active, frozen, deleted, blocked and expired, and lists
 * pending as a filter value; the synonyms are guesses at other spellings of the same states. Only
 * the two states a delete plainly leaves behind count as "still there": a deleted card might well
 * be shown as inactive, blocked or suspended, so those (and expired, pending) decide nothing.
 */
export const CARD_STATUSES: Readonly<Record<CardStatusKind, string>> = {
  deleted: 'deleted removed terminated',
  live: 'active frozen',
};

/**
 * Customer statuses bfinance documents for verification [DOC: onboarding-verification]: a customer
 * read with one of them still exists. Any other word may be a deleted customer's.
 */
export const CUSTOMER_STATUSES: Readonly<Record<'live', string>> = {
  live: 'pending active rejected needsinformation updaterequested onhold',
};

/**
 * The kind whose list holds a word (compared lower case, letters only); undefined for a missing
 * word or one in no list.
 */
export function kindOf<K extends string>(lists: Readonly<Record<K, string>>, word: unknown): K | undefined {
  // An empty word never matches: the lists hold single spaces only.
  const normal = ` ${typeof word === 'string' ? word.toLowerCase().replace(/[^a-z]/g, '') : ''} `;
  return (Object.keys(lists) as K[]).find((kind) => ` ${lists[kind]} `.includes(normal));
}

/**
 * The kind of a listed transaction type (see {@link ListedKind}); undefined for a missing type
 * or one the SDK does not recognise.
 */
export function listedKind(type: unknown): ListedKind | undefined {
  return kindOf(TYPES, type);
}

/**
 * The funding kind of a listed transaction type: `topup`, `withdraw`, `other` for funding no
 * top-up or withdrawal call makes (an initial balance), undefined for spend, refunds and the rest.
 */
export function movementKind(type: unknown): MovementKind | 'other' | undefined {
  const kind = listedKind(type);
  return kind === 'spend' ? undefined : kind;
}
