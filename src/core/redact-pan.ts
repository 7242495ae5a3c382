import { isCardGrouping, MAX_PAN, MIN_PAN } from './card-grouping.js';
import { cardDataAfter, cardWordBefore, cardWordEnds } from './card-words.js';
import { maskWeaklyJoined } from './redact-grouped.js';
import { asciiDigits } from './redact-mask.js';
import { protectedRanges } from './redact-protected.js';
import { DIGIT, isAsciiSeparator, OTHER, SEPARATOR, unitAt } from './redact-units.js';

/** Separators (characters or escapes) allowed between two digit groups of one number. */
const MAX_GAP = 8;
const MIN_CONTEXT_PAN = 12;

// After a candidate that runs on into more digits: the rest is the card's expiry (`…1111` + `12/29`,
// or `1229` with a year a card can have, so a long id ending in `1111` is not read as 11/11).
// After a candidate that ends: a separated expiry (`… 12/29`).
const GLUED_EXPIRY = /^(?:0[1-9]|1[0-2])(?:[/-](?:20\d\d|\d\d)|(?:20)?[2-4]\d)(?!\d|[/.-]\d)/;
const SPACED_EXPIRY = /^[\s./-]{1,3}(?:0[1-9]|1[0-2])\s?[/-]\s?(?:20\d\d|\d\d)(?!\d|[/.-]\d)/;
// Before a candidate glued after more digits: those digits end in the card's expiry (`12/29…`).
const EXPIRY_BEFORE = /(?<![\d/.-])(?:0[1-9]|1[0-2])[/-](?:20\d\d|\d\d)$/;
const LETTER_OR_DIGIT = /[\p{L}\p{Nd}]/u;

interface Chain {
  /** Digit values, their start and end offsets in the text, and the group each belongs to. */
  values: number[];
  from: number[];
  to: number[];
  group: number[];
}

/**
 * Splits `text` into chains: runs of digits (any script) joined by short runs of separators.
 * Each chain with at least 12 digits goes to `visit`.
 */
function forEachChain(text: string, visit: (chain: Chain) => void): void {
  const ranges = protectedRanges(text);
  let next = 0;
  let chain: Chain | undefined;
  let gap = 0;
  const finish = (): void => {
    if (chain !== undefined && chain.values.length >= MIN_CONTEXT_PAN) visit(chain);
    chain = undefined;
  };
  for (let i = 0; i < text.length; ) {
    const range = ranges[next];
    if (range !== undefined && i >= range[0]) {
      finish();
      i = Math.max(i, range[1]);
      next += 1;
      continue;
    }
    const unit = unitAt(text, i);
    if (unit.kind === DIGIT) {
      chain ??= { values: [], from: [], to: [], group: [] };
      const last = chain.group.length - 1;
      const group = last < 0 ? 0 : (chain.group[last] ?? 0) + (gap > 0 ? 1 : 0);
      chain.values.push(unit.value);
      chain.from.push(i);
      chain.to.push(i + unit.length);
      chain.group.push(group);
      gap = 0;
    } else if (unit.kind === SEPARATOR && chain !== undefined) {
      gap += 1;
      if (gap > MAX_GAP) finish();
    } else if (unit.kind === OTHER) finish();
    i += unit.length;
  }
  finish();
}

/** Luhn checks of every window of a digit sequence in O(1) each, from per-parity prefix sums. */
function luhnWindows(values: readonly number[]): (start: number, end: number) => boolean {
  const n = values.length;
  // plain[r]: sum of digits at positions of parity r; doubled[r]: the same digits doubled (Luhn).
  const plain = [new Int32Array(n + 1), new Int32Array(n + 1)];
  const doubled = [new Int32Array(n + 1), new Int32Array(n + 1)];
  for (let p = 0; p < n; p++) {
    const d = values[p] ?? 0;
    for (const r of [0, 1]) {
      const own = p % 2 === r;
      const plainRow = plain[r] ?? new Int32Array(0);
      const doubledRow = doubled[r] ?? new Int32Array(0);
      plainRow[p + 1] = (plainRow[p] ?? 0) + (own ? d : 0);
      doubledRow[p + 1] = (doubledRow[p] ?? 0) + (own ? (d > 4 ? d * 2 - 9 : d * 2) : 0);
    }
  }
  const span = (rows: Int32Array[], r: number, start: number, end: number): number =>
    (rows[r]?.[end] ?? 0) - (rows[r]?.[start] ?? 0);
  return (start, end) => {
    // The last digit of the window is taken as is, and every second one before it doubled.
    const q = (end - 1) % 2;
    return (span(plain, q, start, end) + span(doubled, 1 - q, start, end)) % 10 === 0;
  };
}

/**
 * True for an unseparated number shaped like a Unix time in ms (13 digits from 1…, 2… or 3…:
 * 2001–2065), µs or ns (16 or 19 digits from 1…). No card has 13 digits and starts with 1–3,
 * and none starts with 1 at all but UATP's 15-digit cards.
 */
function isTimestampShape(first: number, length: number): boolean {
  if (length === 13) return first >= 1 && first <= 3;
  return first === 1 && (length === 16 || length === 19);
}

/** What the text around a chain says about it. */
interface Surroundings {
  /** `+4…`: an international phone number. */
  phone: boolean;
  /** `DSP-2024-…`, `ref_…`, `DR/…`, `#…`: the digits continue an identifier. */
  identifier: boolean;
  /** A card word stands right before the chain, or card data right after it. */
  cardWord: () => boolean;
}

function surroundings(text: string, start: number, cardWord: () => boolean): Surroundings {
  const before = text[start - 1] ?? '';
  const beforeThat = text[start - 2] ?? '';
  return {
    phone: before === '+' && !LETTER_OR_DIGIT.test(beforeThat),
    identifier:
      before === '#' ||
      (/[-_]/.test(before) && LETTER_OR_DIGIT.test(beforeThat)) ||
      // Not `/cards/…`: URL paths are lower-case, reference prefixes upper-case.
      (before === '/' && /[A-Z]/.test(beforeThat)),
    cardWord,
  };
}

/**
 * The windows of a chain to mask, as [start, end) digit indexes. A Luhn-valid window of 13–19
 * digits made of whole groups is a card number. One that cuts through a group (glued to other
 * digits), one of 12 digits (Maestro), and one whose shape says phone number (15 digits at most
 * after `+`), reference (after `DSP-`, `REF_`…, unless in card grouping) or Unix timestamp is
 * masked only next to a card word or card data, or glued to the card's expiry.
 */
function windowsToMask(text: string, chain: Chain, around: Surroundings): Array<[number, number]> {
  const { values, group, from, to } = chain;
  const n = values.length;
  const valid = luhnWindows(values);
  const taken = new Uint8Array(n);
  const chosen: Array<[number, number]> = [];
  const free = (s: number, e: number): boolean => {
    for (let p = s; p < e; p++) if (taken[p] === 1) return false;
    return true;
  };
  const expiryAfter = (e: number, atEnd: boolean): boolean => {
    const at = to[e - 1] ?? 0;
    return (atEnd ? SPACED_EXPIRY : GLUED_EXPIRY).test(asciiDigits(text.slice(at, at + 24)));
  };
  const expiryBefore = (s: number): boolean => {
    const at = from[s] ?? 0;
    return EXPIRY_BEFORE.test(asciiDigits(text.slice(Math.max(0, at - 24), at)));
  };
  const cardGrouping = (s: number, e: number): boolean => {
    const sizes: number[] = [];
    for (let p = s; p < e; p++) {
      if (p === s || group[p] !== group[p - 1]) sizes.push(0);
      sizes[sizes.length - 1] = (sizes[sizes.length - 1] ?? 0) + 1;
    }
    return isCardGrouping(sizes, values[s] ?? -1);
  };
  // Rank 0: whole-group card numbers. Then the ones needing context, most likely first: a number
  // starting a group and followed by an expiry, one made of whole groups, one starting a group…
  const rankOf = (s: number, e: number): number => {
    const length = e - s;
    const atStart = s === 0 || group[s - 1] !== group[s];
    const atEnd = e === n || group[e] !== group[e - 1];
    const oneGroup = group[s] === group[e - 1];
    // E.164 numbers have at most 15 digits.
    const phone = around.phone && length <= 15;
    const identifier = around.identifier && !cardGrouping(s, e);
    const timestamp = oneGroup && isTimestampShape(values[s] ?? 0, length);
    if (length >= MIN_PAN && atStart && atEnd && !phone && !identifier && !timestamp) return 0;
    if (atStart && expiryAfter(e, atEnd)) return 1;
    if (atEnd && !atStart && expiryBefore(s)) return 1;
    if (!around.cardWord()) return -1;
    return atStart ? (atEnd ? 2 : 3) : atEnd ? 4 : 5;
  };
  // One pass ranks every Luhn-valid window (longest first); windows are then taken rank by rank.
  const buckets: number[][] = [[], [], [], [], [], []];
  for (let length = Math.min(MAX_PAN, n); length >= MIN_CONTEXT_PAN; length--) {
    for (let s = 0; s + length <= n; s++) {
      if (!valid(s, s + length)) continue;
      const rank = rankOf(s, s + length);
      if (rank >= 0) buckets[rank]?.push(s * 32 + length);
    }
  }
  for (const bucket of buckets) {
    for (const packed of bucket) {
      const s = Math.floor(packed / 32);
      const e = s + (packed % 32);
      if (!free(s, e)) continue;
      taken.fill(1, s, e);
      chosen.push([s, e]);
    }
  }
  return chosen.sort((a, b) => a[0] - b[0]);
}

/**
 * False when no run of `text` could hold 12 digits joined by separators: most messages (`Created
 * at 2024-05-01T10:00:00Z`, `card_65f1…`) leave here without the full scan. Non-ASCII characters
 * count as possible digits, and escapes and entities as what they may encode.
 */
function mayHoldCardNumber(text: string): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 48 && code <= 57) || code >= 0x80) run += 1;
    else if (code === 37) {
      // `%3X` encodes a digit; any other escape may encode a separator.
      if (text.charCodeAt(i + 1) === 51) run += 1;
      i += 2;
    } else if (code === 38) {
      const end = text.indexOf(';', i);
      if (end > i && end - i <= 8) i = end;
    } else if (!isAsciiSeparator(code)) run = 0;
    if (run >= MIN_CONTEXT_PAN) return true;
  }
  return false;
}

/**
 * Masks every card number in `text` to `•••• 1234`, whatever digits (any Unicode decimal
 * digits, URL-encoded digits) and separators (spaces of any kind, tabs, dots, slashes, dashes,
 * `%20`, `+`; and `,` `_` `;` `:` `|` between the groups of a card grouping next to a card word
 * or card data) it is written with.
 * Runs in time linear in the length of `text`.
 */
export function maskCardNumbers(text: string): string {
  return maskSeparated(maskWeaklyJoined(text));
}

function maskSeparated(text: string): string {
  if (!mayHoldCardNumber(text)) return text;
  let ends: number[] | undefined;
  const parts: string[] = [];
  let copied = 0;
  forEachChain(text, (chain) => {
    const start = chain.from[0] ?? 0;
    let near: boolean | undefined;
    const cardWord = (): boolean => {
      if (near === undefined) {
        ends ??= cardWordEnds(text);
        near = cardWordBefore(text, ends, start) || cardDataAfter(text, chain.to[chain.to.length - 1] ?? 0);
      }
      return near;
    };
    for (const [s, e] of windowsToMask(text, chain, surroundings(text, start, cardWord))) {
      const from = chain.from[s] ?? 0;
      const to = chain.to[e - 1] ?? 0;
      const last4 = chain.values.slice(e - 4, e).join('');
      const lead = s > 0 && chain.group[s - 1] === chain.group[s] ? ' ' : '';
      const trail = e < chain.values.length && chain.group[e] === chain.group[e - 1] ? ' ' : '';
      parts.push(text.slice(copied, from), `${lead}•••• ${last4}${trail}`);
      copied = to;
    }
  });
  if (copied === 0) return text;
  parts.push(text.slice(copied));
  return parts.join('');
}
