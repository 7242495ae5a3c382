import type { CardTransaction } from './card-results.js';
import { kindOf, listedKind, type MovementKind, STATUSES } from './reconcile-words.js';

/**
 * A money movement as a transaction listing shows it, in the fields of a card transaction (a
 * budget's transactions are read into the same form). Only `id` is required: a listing may lack
 * or null any other field, and an entry that lacks one cannot be ruled out.
 */
export type MovementEntry = Pick<
  CardTransaction,
  'id' | 'amount' | 'currency' | 'type' | 'date' | 'note' | 'status'
>;

/** What the search for a movement is looking for. */
export interface MovementQuery {
  kind: MovementKind;
  /** Major units. */
  amount: number;
  /** Currency of `amount`, when known (a listed amount in another currency may be converted). */
  currency?: string | undefined;
  /** The note sent with the call, in the form the listing shows notes (redacted). */
  note?: string | undefined;
  /** Whether the call could carry a note at all (card top-ups can; withdrawals and budget top-ups cannot). */
  takesNote?: boolean | undefined;
  /** Redacts server text (note, type, currency, date) before it goes into evidence. */
  redactNote: (note: string) => string;
}

/** How one listed entry relates to the call: surely it, possibly it (and why not surely), or not it. */
export type EntryMatch =
  | { verdict: 'certain' }
  | { verdict: 'possible'; doubts: string[] }
  | { verdict: 'none' };

/** Epoch-millisecond bounds of the span searched. */
export interface MatchWindow {
  from: number;
  to: number;
}

// A check passes (true), rules the entry out (false), or leaves a doubt (its reason).
type Check = true | false | string;

// A date-time with an explicit zone; anything else cannot be placed on the timeline for sure.
const ZONED = /^(\d{4}-\d\d-\d\d)[T ](\d\d:\d\d(?::\d\d)?)(?:[.,](\d+))?\s*(?:Z|([+-]\d\d)(?::?(\d\d))?)$/i;

/** The instant of a listed date, or why it cannot be placed (no date, no time zone, unreadable). */
export function entryTime(date: unknown): number | string {
  const text = typeof date === 'string' ? date.trim() : '';
  const zoned = ZONED.exec(text);
  if (!zoned) {
    if (text === '') return 'no date';
    return /^\d{4}-\d\d-\d\d(?:[T ][\d:.,]+)?$/.test(text) ? 'date without time zone' : 'date not ISO 8601';
  }
  const [, day, clock, fraction, hours, minutes = '00'] = zoned;
  const millis = fraction ? `.${fraction.slice(0, 3).padEnd(3, '0')}` : '';
  const time = Date.parse(`${day}T${clock}${millis}${hours ? `${hours}:${minutes}` : 'Z'}`);
  return Number.isNaN(time) ? 'date not ISO 8601' : time;
}

function checkKind(type: unknown, kind: MovementKind): Check {
  const listed = listedKind(type);
  if (listed !== undefined) return listed === kind;
  return typeof type === 'string' && type.trim() !== '' ? 'type unknown to the SDK' : 'no type';
}

function currencyOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value.trim().toUpperCase() || undefined : undefined;
}

function checkAmount(entry: MovementEntry, query: MovementQuery): Check {
  const { amount } = entry;
  if (typeof amount !== 'number' || !Number.isFinite(amount)) return 'no amount';
  const listed = currencyOf(entry.currency);
  const called = currencyOf(query.currency);
  if (listed && called && listed !== called) {
    return `amount in ${/^[A-Z]{3}$/.test(listed) ? listed : 'another currency'}, maybe converted`;
  }
  const cents = Math.round(amount * 100);
  const wanted = Math.round(query.amount * 100);
  if (cents === wanted) return true;
  if (cents === -wanted) return 'amount of opposite sign';
  // A different amount in a currency that cannot be compared may be the call's, converted.
  return listed && called ? false : 'amount differs, maybe converted';
}

// Case, spacing, punctuation and a trailing ellipsis are the usual rewrites of a stored note.
function skeleton(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

const MASKED = /[•*#]|x{3,}|\[redacted\]/i;

function overlaps(a: string, b: string): boolean {
  return a.includes(b) || b.includes(a);
}

function checkNote(listed: unknown, sent = ''): Check {
  if (listed != null && typeof listed !== 'string') return 'note unreadable';
  const a = skeleton(listed ?? '');
  const b = skeleton(sent);
  // Without a note on both sides, a same-amount movement of another caller looks the same.
  if (sent === '') return a === '' ? 'the call sent no note' : 'a note the call did not send';
  if (listed == null) return 'no note shown';
  if (listed === sent) return true;
  if (a === b) return 'note differs in case, spacing or punctuation';
  if (overlaps(a, b)) return 'note may be shortened or rewritten';
  // Masked digits: the letters must still agree (an empty side agrees with anything).
  const letters = (text: string): string => text.replace(/\p{N}/gu, '');
  return MASKED.test(listed) && overlaps(letters(a), letters(b)) ? 'note may be masked' : false;
}

// A declined, reversed or failed entry moved no money: it is not the call's application.
function checkStatus(status: unknown): Check {
  if (status === undefined || status === null) return true; // the listing shows no statuses
  const kind = kindOf(STATUSES, status);
  if (kind === 'failed') return false;
  if (kind === 'pending') return 'it may still go through or fail';
  return kind === 'done' ? true : 'status unknown to the SDK';
}

/**
 * Compares one listed entry with the call. `certain` needs every field present and matching:
 * kind, amount (same currency), a zoned date inside the window, the note the call sent (so a call
 * without a note, or a listing without notes, is never certain), and a status that is absent or
 * says the movement went through. A declined, reversed or failed entry is `none`. Anything that
 * might be the call but cannot be matched for sure is `possible`.
 */
export function matchEntry(entry: MovementEntry, query: MovementQuery, window: MatchWindow): EntryMatch {
  const time = entryTime(entry.date);
  const inWindow: Check = typeof time === 'number' ? time >= window.from && time <= window.to : time;
  const checks: Check[] = [
    checkKind(entry.type, query.kind),
    checkAmount(entry, query),
    inWindow,
    checkNote(entry.note, query.note),
    checkStatus(entry.status),
  ];
  if (checks.includes(false)) return { verdict: 'none' };
  const doubts = checks.filter((c): c is string => typeof c === 'string');
  return doubts.length === 0 ? { verdict: 'certain' } : { verdict: 'possible', doubts };
}

/**
 * The one currency of the entries that surely are not the call's movement (another kind, or a
 * zoned date outside the window), when they all share one: the listing's own currency, which
 * stands in for the call's when the call's is not known. Undefined when there is none or several.
 */
export function listingCurrency(
  entries: readonly MovementEntry[],
  query: MovementQuery,
  window: MatchWindow,
): string | undefined {
  const seen = new Set<string>();
  for (const entry of entries) {
    const currency = currencyOf(entry.currency);
    if (currency === undefined) continue;
    const time = entryTime(entry.date);
    const outside = typeof time === 'number' && (time < window.from || time > window.to);
    if (checkKind(entry.type, query.kind) === false || outside) seen.add(currency);
  }
  return seen.size === 1 ? [...seen][0] : undefined;
}
