import { fail } from './errors.js';
import type { SandboxMessageKey } from './messages.js';
import type { CardRecord } from './records.js';
import type { SandboxCardStatus } from './types.js';

/**
 * What can be done to a card. The first five change its status; the others leave it as it is and
 * only ask whether the status allows them.
 */
export type CardAction =
  | 'freeze'
  | 'unfreeze'
  | 'delete'
  | 'block'
  | 'expire'
  | 'replace'
  | 'move-money'
  | 'order-physical'
  | 'read-limits'
  | 'set-pin'
  /** Any other call on a card: settings, card data, physical activation, velocity, reissue checks. */
  | 'update';

/**
 * A refusal: `soft` ones are answered by bfinance with HTTP 200 and `status: "error"` when quirks
 * are on (the state changes and PIN rules do this on the real API), `hard` ones with HTTP 400.
 */
export interface CardRefusal {
  readonly refuse: SandboxMessageKey;
  readonly answer: 'soft' | 'hard';
}

/** One cell: the status the action leads to, or its refusal. */
export type CardTransition = SandboxCardStatus | CardRefusal;

const soft = (refuse: SandboxMessageKey): CardRefusal => ({ refuse, answer: 'soft' });
const hard = (refuse: SandboxMessageKey): CardRefusal => ({ refuse, answer: 'hard' });

const DELETED_SOFT = soft('CARD_DELETED');
const DELETED_HARD = hard('CARD_DELETED');
const NOT_ACTIVE_SOFT = soft('CARD_NOT_ACTIVE');
const NOT_ACTIVE_HARD = hard('CARD_NOT_ACTIVE');
const NOT_FROZEN_SOFT = soft('CARD_NOT_FROZEN');

/** Leaves the status as it is for every status but `deleted`. */
const UNCHANGED = { active: 'active', frozen: 'frozen', blocked: 'blocked', expired: 'expired' } as const;

/**
 * Every card status change and status guard of the sandbox: action × current status → new status or
 * refusal. Frozen cards keep their funds movable; blocked cards need the account manager to come
 * back; a deleted card stays deleted.
 */
export const CARD_TRANSITIONS: Readonly<
  Record<CardAction, Readonly<Record<SandboxCardStatus, CardTransition>>>
> = Object.freeze({
  freeze: {
    active: 'frozen',
    frozen: NOT_ACTIVE_SOFT,
    blocked: NOT_ACTIVE_SOFT,
    expired: NOT_ACTIVE_SOFT,
    deleted: DELETED_SOFT,
  },
  unfreeze: {
    active: NOT_FROZEN_SOFT,
    frozen: 'active',
    blocked: NOT_FROZEN_SOFT,
    expired: NOT_FROZEN_SOFT,
    deleted: DELETED_SOFT,
  },
  delete: {
    active: 'deleted',
    frozen: 'deleted',
    blocked: 'deleted',
    expired: 'deleted',
    deleted: DELETED_HARD,
  },
  block: {
    active: 'blocked',
    frozen: 'blocked',
    blocked: 'blocked',
    expired: 'blocked',
    deleted: DELETED_HARD,
  },
  expire: {
    active: 'expired',
    frozen: 'expired',
    blocked: 'expired',
    expired: 'expired',
    deleted: DELETED_HARD,
  },
  /** The old card of a reissue. */
  replace: {
    active: 'deleted',
    frozen: 'deleted',
    blocked: 'deleted',
    expired: 'deleted',
    deleted: DELETED_HARD,
  },
  'move-money': {
    active: 'active',
    frozen: 'frozen',
    blocked: NOT_ACTIVE_HARD,
    expired: NOT_ACTIVE_HARD,
    deleted: DELETED_HARD,
  },
  'order-physical': {
    active: 'active',
    frozen: 'frozen',
    blocked: NOT_ACTIVE_HARD,
    expired: NOT_ACTIVE_HARD,
    deleted: DELETED_HARD,
  },
  'read-limits': {
    active: 'active',
    frozen: NOT_ACTIVE_HARD,
    blocked: NOT_ACTIVE_HARD,
    expired: NOT_ACTIVE_HARD,
    deleted: DELETED_HARD,
  },
  'set-pin': { ...UNCHANGED, deleted: DELETED_SOFT },
  update: { ...UNCHANGED, deleted: DELETED_HARD },
});

/** True when the cell is a refusal. */
export function isRefusal(cell: CardTransition): cell is CardRefusal {
  return typeof cell === 'object';
}

/** The status `action` leads to from the card's current one; throws the table's refusal. */
export function permitted(card: CardRecord, action: CardAction): SandboxCardStatus {
  const cell = CARD_TRANSITIONS[action][card.status];
  if (isRefusal(cell)) fail(400, cell.refuse, { soft: cell.answer === 'soft' });
  return cell;
}

/**
 * Applies `action` to the card through {@link CARD_TRANSITIONS}: checks the table, then runs
 * `precondition` (a refusal the status alone does not decide, e.g. a balance left on a card to
 * delete), then sets the new status. The one place a card's status changes after issuance.
 */
export function transition(card: CardRecord, action: CardAction, precondition?: () => void): void {
  const next = permitted(card, action);
  precondition?.();
  card.status = next;
}
