import { applyMasks, type Mask, type View } from './view.js';
import { nearCardWord } from './words.js';

// Card numbers in a view (view.ts): chains of digits joined by up to 8 separators (spaces, dots,
// dashes, slashes, `+`), or by one weak joiner (`,` `_` `;` `:` `|`) with up to two spaces on each
// side. A Luhn-valid window of a chain is a card number when its shape or neighbours say so (rankOf).
const CHAIN = /\d(?:(?:[\t-\r +\-./]{0,8}|[\t-\r \-./]{0,2}[,_;:|][\t-\r \-./]{0,2})\d)*/g;
const WEAK = /[,_;:|]/;

// Numbers that are not card numbers, each checked for its own shape so a card number is never one:
// UUIDs and hex ids (24, 32, 40 or 64 digits, with both letters and digits), IBANs (mod 97), and
// calendar dates joined by spaces to no digits but another date's (one that is, is a piece of a
// longer number: a card number in mixed grouping).
const SHAPES =
  /(?<![\dA-Za-z])(?:([\dA-Fa-f]{8}(?:-[\dA-Fa-f]{4}){3}-[\dA-Fa-f]{12}|[\dA-Fa-f]{64}|[\dA-Fa-f]{40}|[\dA-Fa-f]{32}|[\dA-Fa-f]{24})|[A-Z]{2}\d\d(?: ?[A-Z\d]{4}){2,7}(?: ?[A-Z\d]{1,3})?)(?![\dA-Za-z])/g;
const DATE = String.raw`(?:(?:19|20)\d\d[-./](?:0?[1-9]|1[0-2])[-./](?:0?[1-9]|[12]\d|3[01])|\d\d?[-./]\d\d?[-./](?:19|20)\d\d)`;
const DATES = new RegExp(
  String.raw`(?<!\d[-./]?)(?:(?<!\d[\s+]{1,3})|(?<=${DATE}[\s+]{1,3}))${DATE}(?!\d|[-./]\d)(?:(?![\s+]{1,3}\d)|(?=[\s+]{1,3}${DATE}))`,
  'g',
);

// After a window that runs on into more digits: the rest is the card's expiry (`…1111` + `12/29`,
// or `1229` with a year a card can have). After a window that ends: a separated expiry (`… 12/29`).
// Before a window glued after more digits: those digits end in the card's expiry (`12/29…`).
const GLUED_EXPIRY = /^(?:0[1-9]|1[0-2])(?:[/-](?:20\d\d|\d\d)|(?:20)?[2-4]\d)(?!\d|[/.-]\d)/;
const SPACED_EXPIRY = /^[\s./-]{1,3}(?:0[1-9]|1[0-2])\s?[/-]\s?(?:20\d\d|\d\d)(?!\d|[/.-]\d)/;
const EXPIRY_BEFORE = /(?<![\d/.-])(?:0[1-9]|1[0-2])[/-](?:20\d\d|\d\d)$/;

/** True for an IBAN: rearranged, letters read as 10–35, it is 1 mod 97 (ISO 13616). */
function isIban(shape: string): boolean {
  const iban = shape.replace(/ /g, '');
  let rest = 0;
  for (const char of iban.slice(4) + iban.slice(0, 4)) rest = Number(`${rest}${parseInt(char, 36)}`) % 97;
  return rest === 1 && iban.length >= 15 && iban.length <= 34;
}

/** `text` with its non-card numbers blanked out. */
function blanked(text: string): string {
  const masks: Mask[] = [];
  const blank = (at: number, shape: string): number =>
    masks.push([at, at + shape.length, 'x'.repeat(shape.length)]);
  for (const { 0: shape, 1: hex, index } of text.matchAll(SHAPES))
    if (hex ? hex.includes('-') || (/[A-Fa-f]/.test(hex) && /\d/.test(hex)) : isIban(shape))
      blank(index, shape);
  for (const { 0: dates, index } of text.matchAll(DATES)) blank(index, dates);
  return applyMasks(text, { text, at: undefined }, masks);
}

/**
 * Where card numbers may stand in the view `v` of `raw`, each masked to `•••• 1234`: Luhn-valid
 * windows of 12–19 digits of a chain, most likely first. Runs in time linear in the length of the text.
 */
export function panMasks(v: View, raw: string): Mask[] {
  const { text } = v;
  const masks: Mask[] = [];
  if (!/(?:\d\D*){12}/.test(text)) return masks;
  for (const { 0: chain, index } of blanked(text).matchAll(CHAIN)) {
    let digits = '';
    const pos: number[] = [];
    const group: number[] = [];
    const part: number[] = [];
    // For each part of the chain between weak joiners, what the raw text holds right before it:
    // `+` (a phone number), `#`, `DSP-`, `REF_`, `DR/` (a reference).
    const phone: boolean[] = [];
    const reference: boolean[] = [];
    let gap: string | undefined;
    for (let i = 0; i < chain.length; i++) {
      const char = chain[i] ?? '';
      if (char < '0' || char > '9') gap = (gap ?? '') + char;
      else {
        if (gap === undefined || WEAK.test(gap)) {
          const at = v.at?.[index + i] ?? index + i;
          const before = raw.slice(Math.max(0, at - 2), at);
          phone.push(/(?<![\p{L}\p{Nd}])\+$/u.test(before));
          reference.push(/#$|[\p{L}\p{Nd}][-_]$|[A-Z]\/$/u.test(before));
        }
        group.push((group[group.length - 1] ?? -1) + (gap === '' ? 0 : 1));
        part.push(phone.length - 1);
        gap = '';
        digits += char;
        pos.push(index + i);
      }
    }
    const n = digits.length;
    if (n < 12) continue;
    let near: boolean | undefined;
    const end = (e: number): number => (pos[e - 1] ?? 0) + 1;
    // Digit groups in card grouping: fours with a shorter last one, or Amex/Diners 4-6-5 / 4-6-4.
    const cardGrouping = (s: number, e: number): boolean => {
      let shape = '';
      let size = 0;
      for (let p = s; p < e; p++) {
        size += 1;
        if (p === e - 1 || group[p + 1] !== group[p]) [shape, size] = [shape + size.toString(36), 0];
      }
      return /^4+[1-4]$/.test(shape) || (/^46[45]$/.test(shape) && digits[s] === '3');
    };
    // Rank 0: card numbers in card grouping joined weakly, next to a card word or card data. Rank 1:
    // card numbers by shape: 13–19 digits, whole groups, not a phone number (15 digits at most
    // after `+`), a reference (after `DSP-`, `REF_`, `#`, unless in card grouping) or a Unix time in
    // ms, µs or ns. Then the ones needing their expiry, or a card word or card data next to the
    // chain, most likely first. -1: not a card number.
    const nearWord = (): boolean => (near ??= nearCardWord(text, pos[0] ?? 0, end(n)));
    const rankOf = (s: number, e: number): number => {
      const atStart = s === 0 || group[s - 1] !== group[s];
      const atEnd = e === n || group[e] !== group[e - 1];
      const p = part[s] ?? 0;
      if (p !== part[e - 1]) return atStart && atEnd && cardGrouping(s, e) && nearWord() ? 0 : -1;
      const other = (): boolean =>
        (phone[p] && e - s < 16) ||
        (reference[p] && !cardGrouping(s, e)) ||
        (group[s] === group[e - 1] && /^(?:[1-3]\d{12}|1\d{15}(?:\d{3})?)$/.test(digits.slice(s, e)));
      if (e - s > 12 && atStart && atEnd && !other()) return 1;
      if (atStart && (atEnd ? SPACED_EXPIRY : GLUED_EXPIRY).test(text.slice(end(e), end(e) + 24))) return 2;
      const from = pos[s] ?? 0;
      if (atEnd && !atStart && EXPIRY_BEFORE.test(text.slice(Math.max(0, from - 24), from))) return 2;
      if (!nearWord()) return -1;
      return atStart ? (atEnd ? 3 : 4) : atEnd ? 5 : 6;
    };
    // Every Luhn-valid window of 12–19 digits, its sum built digit by digit from its end; each rank
    // is then taken longest first, leftmost first.
    const ranked: Array<Array<[number, number]>> = [[], [], [], [], [], [], []];
    for (let e = 12; e <= n; e++) {
      for (let s = e - 1, sum = 0; s >= 0 && s >= e - 19; s--) {
        const d = (digits.charCodeAt(s) - 48) * ((e - s) % 2 === 0 ? 2 : 1);
        sum += d > 9 ? d - 9 : d;
        if (e - s >= 12 && sum % 10 === 0) ranked[rankOf(s, e)]?.push([s, e]);
      }
    }
    for (const windows of ranked) windows.sort((a, b) => b[1] - b[0] - (a[1] - a[0]) || a[0] - b[0]);
    for (const [s, e] of ranked.flat()) {
      // A window cut out of a group keeps a space from the digits left around it.
      const lead = group[s - 1] === group[s] ? ' ' : '';
      const trail = e < n && group[e] === group[e - 1] ? ' ' : '';
      masks.push([pos[s] ?? 0, end(e), `${lead}•••• ${digits.slice(e - 4, e)}${trail}`]);
    }
  }
  return masks;
}
