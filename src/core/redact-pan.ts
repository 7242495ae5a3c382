import { cardWordBefore, cardWordEnds } from './card-words.js';
import { asciiDigits, digitValue } from './redact-mask.js';

/** Separator characters (or URL-encoded separators) allowed between two digit groups of a number. */
const MAX_GAP = 8;
const MIN_CONTEXT_PAN = 12;
const MIN_PAN = 13;
const MAX_PAN = 19;
const DIGIT = 0;
const SEPARATOR = 1;
const OTHER = 2;

// Spaces of every kind (incl. zero-width and non-breaking), dashes, dots, slashes and `+`.
const SEPARATORS: ReadonlySet<number> = new Set([
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x2b, 0x2d, 0x2e, 0x2f, 0x85, 0xa0, 0xad, 0xb7, 0x1680, 0x180e, 0x2000,
  0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x200b, 0x200c, 0x200d,
  0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2024, 0x2027, 0x2028, 0x2029, 0x202f, 0x2044, 0x205f,
  0x2060, 0x2212, 0x2215, 0x2e3a, 0x2e3b, 0x3000, 0x30fb, 0xfe58, 0xfe63, 0xfeff, 0xff0d, 0xff0e, 0xff0f,
  0xff65,
]);

// Things made of digits and separators that are not card numbers: UUIDs, hex ids, calendar dates.
const PROTECTED: readonly RegExp[] = [
  /(?<![0-9A-Za-z])[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}(?![0-9A-Za-z])/g,
  /(?<![0-9A-Za-z])(?:[0-9A-Fa-f]{64}|[0-9A-Fa-f]{40}|[0-9A-Fa-f]{32}|[0-9A-Fa-f]{24})(?![0-9A-Za-z])/g,
  // A date joined to more digits by a separator is a piece of a number, not a date.
  /(?<!\p{Nd}[-./]?)(?:19|20)\d\d([-./])(?:0?[1-9]|1[0-2])\1(?:0?[1-9]|[12]\d|3[01])(?!\p{Nd}|[-./]\p{Nd})/gu,
  /(?<!\p{Nd}[-./]?)\d{1,2}([-./])\d{1,2}\1(?:19|20)\d\d(?!\p{Nd}|[-./]\p{Nd})/gu,
];

// After a candidate that runs on into more digits: the rest is the card's expiry (`…1111` + `12/29`,
// or `1229` with a year a card can have, so a long id ending in `1111` is not read as 11/11).
// After a candidate that ends: a separated expiry (`… 12/29`).
const GLUED_EXPIRY = /^(?:0[1-9]|1[0-2])(?:[/-](?:20\d\d|\d\d)|(?:20)?[2-4]\d)(?!\d|[/.-]\d)/;
const SPACED_EXPIRY = /^[\s./-]{1,3}(?:0[1-9]|1[0-2])\s?[/-]\s?(?:20\d\d|\d\d)(?!\d|[/.-]\d)/;
// Before a candidate glued after more digits: those digits end in the card's expiry (`12/29…`).
const EXPIRY_BEFORE = /(?<![\d/.-])(?:0[1-9]|1[0-2])[/-](?:20\d\d|\d\d)$/;
const LETTER_OR_DIGIT = /[\p{L}\p{Nd}]/u;

interface Unit {
  kind: number;
  value: number;
  length: number;
}

interface Chain {
  /** Digit values, their start and end offsets in the text, and the group each belongs to. */
  values: number[];
  from: number[];
  to: number[];
  group: number[];
}

function protectedRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const pattern of PROTECTED) {
    for (const m of text.matchAll(pattern)) {
      if (pattern !== PROTECTED[1] || (/[A-Fa-f]/.test(m[0]) && /\d/.test(m[0]))) {
        ranges.push([m.index, m.index + m[0].length]);
      }
    }
  }
  return ranges.sort((a, b) => a[0] - b[0]);
}

function unitOf(char: string, length: number): Unit {
  const cp = char.codePointAt(0) ?? 0;
  const value = digitValue(cp);
  if (value >= 0) return { kind: DIGIT, value, length };
  return { kind: SEPARATORS.has(cp) ? SEPARATOR : OTHER, value: -1, length };
}

function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  const lower = code | 0x20;
  return lower >= 97 && lower <= 102 ? lower - 87 : -1;
}

/** The byte a `%XX` escape at `i` stands for, or -1. */
function escapedByte(text: string, i: number): number {
  if (text.charCodeAt(i) !== 37) return -1;
  const high = hexValue(text.charCodeAt(i + 1));
  const low = hexValue(text.charCodeAt(i + 2));
  return high < 0 || low < 0 ? -1 : high * 16 + low;
}

/** A URL-encoded digit or separator at `i` (`%20`, `%34`, `%C2%A0`, `%EF%BC%94`, `%2520`). */
function percentUnit(text: string, i: number): Unit | undefined {
  const byte = escapedByte(text, i);
  if (byte < 0) return undefined;
  if (byte === 0x25) {
    // `%25` is an encoded `%`: a value encoded twice, such as `%2520` for a space.
    const inner = percentUnit(`%${text.slice(i + 3, i + 15)}`, 0);
    return inner === undefined ? undefined : { ...inner, length: inner.length + 2 };
  }
  if (byte < 0x80) {
    if (byte >= 48 && byte <= 57) return { kind: DIGIT, value: byte - 48, length: 3 };
    return SEPARATORS.has(byte) ? { kind: SEPARATOR, value: -1, length: 3 } : undefined;
  }
  const count = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 0;
  for (let k = 1; k < count; k++) if (escapedByte(text, i + k * 3) < 0) return undefined;
  if (count === 0) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(text.slice(i, i + count * 3));
  } catch {
    return undefined;
  }
  const unit = unitOf(decoded, count * 3);
  return unit.kind === OTHER ? undefined : unit;
}

function unitAt(text: string, i: number): Unit {
  const code = text.charCodeAt(i);
  if (code >= 48 && code <= 57) return { kind: DIGIT, value: code - 48, length: 1 };
  if (code === 37) return percentUnit(text, i) ?? { kind: OTHER, value: -1, length: 1 };
  if (code < 0x80) return { kind: SEPARATORS.has(code) ? SEPARATOR : OTHER, value: -1, length: 1 };
  const cp = text.codePointAt(i) ?? code;
  return unitOf(String.fromCodePoint(cp), cp > 0xffff ? 2 : 1);
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
  /** `DSP-2024-…`, `ref_…`, `#…`: the digits continue an identifier. */
  identifier: boolean;
  /** A card word stands right before the chain. */
  cardWord: () => boolean;
}

function surroundings(text: string, start: number, cardWord: () => boolean): Surroundings {
  const before = text[start - 1] ?? '';
  const beforeThat = text[start - 2] ?? '';
  return {
    phone: before === '+' && !LETTER_OR_DIGIT.test(beforeThat),
    identifier: before === '#' || (/[-_]/.test(before) && LETTER_OR_DIGIT.test(beforeThat)),
    cardWord,
  };
}

/**
 * The windows of a chain to mask, as [start, end) digit indexes. A Luhn-valid window of 13–19
 * digits made of whole groups is a card number. One that cuts through a group (glued to other
 * digits), one of 12 digits (Maestro), and one whose shape says phone number, identifier or
 * millisecond timestamp is masked only next to a card word or followed by the card's expiry.
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
  // Card groupings (4-4-4-4…, Amex 4-6-5) are not how identifiers are written.
  const cardGrouping = (s: number, e: number): boolean => {
    const sizes: number[] = [];
    for (let p = s; p < e; p++) {
      if (p === s || group[p] !== group[p - 1]) sizes.push(0);
      sizes[sizes.length - 1] = (sizes[sizes.length - 1] ?? 0) + 1;
    }
    const amex = sizes.join('-') === '4-6-5';
    return amex || sizes.every((size, i) => size === 4 || (i === sizes.length - 1 && i > 0 && size < 4));
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
    const identifier = around.identifier && !oneGroup && !cardGrouping(s, e);
    const timestamp = oneGroup && isTimestampShape(values[s] ?? 0, length);
    if (length >= MIN_PAN && atStart && atEnd && !phone && !identifier && !timestamp) return 0;
    if (length >= MIN_PAN && atStart && expiryAfter(e, atEnd)) return 1;
    if (length >= MIN_PAN && atEnd && !atStart && expiryBefore(s)) return 1;
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

/** False when `text` has fewer than 12 characters that could be digits: no card number fits. */
function mayHoldCardNumber(text: string): boolean {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 48 && code <= 57) || code >= 0x660) count += 1;
    if (count >= MIN_CONTEXT_PAN) return true;
  }
  return false;
}

/**
 * Masks every card number in `text` to `•••• 1234`, whatever digits (any Unicode decimal
 * digits, URL-encoded digits) and separators (spaces of any kind, tabs, dots, slashes, dashes,
 * `%20`, `+`) it is written with. Runs in time linear in the length of `text`.
 */
export function maskCardNumbers(text: string): string {
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
        near = cardWordBefore(text, ends, start);
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
