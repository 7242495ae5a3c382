import { cardDataAfter, cardWordBefore, cardWordEnds } from './card-words.js';
import { isLuhnValid } from './luhn.js';
import { asciiDigits, maskPan } from './redact-mask.js';

// Characters that are not how card numbers are written but may still join their groups:
// `card 4111,1111,1111,1111`, `card_number=4111_1111_1111_1111`, `card: 4111|1111|…`, in ASCII,
// URL-encoded or full-width. A number joined so is masked only in card grouping, Luhn-valid, and
// next to a card word or card data — the rule of the main path for every number that needs
// context — so lists of merchant category codes, years, ports, CSV fields, IPv6 addresses and
// snake-case references keep their digits.
const JOINER = String.raw`(?:[,_;:|\uff0c\u3001\uff1a\uff1b\uff5c\u060c]|%2[cC]|%3[aAbB]|%7[cC]|%5[fF])`;
const SPACING = String.raw`(?:[\s.\-/]|%20){0,2}`;
const JOIN = `(?:${SPACING}${JOINER}${SPACING}|(?:[\\s.\\-/]|%20){1,2})`;
const GROUP = String.raw`\p{Nd}{1,6}`;
// A run of up to 9 digit groups with at least one joiner in it, taken whole (no digit glued on).
const RUN = new RegExp(`(?<!\\p{Nd})${GROUP}(?:${JOIN}${GROUP}){2,8}(?!\\p{Nd})`, 'gu');
const HAS_JOINER = new RegExp(JOINER);
const SPLIT = new RegExp(`(${JOIN})`, 'u');

const MIN_PAN = 13;
const MAX_PAN = 19;

/** True when group sizes are a card grouping: 4s (the last 1–3 may be shorter), 4-6-5, 4-6-4. */
function isCardGrouping(sizes: readonly number[], first: string): boolean {
  const shape = sizes.join('-');
  // 4-6-5 and 4-6-4 are the groupings of American Express (34, 37) and Diners (30, 36, 38) only.
  if (shape === '4-6-5' || shape === '4-6-4') return first === '3';
  if (sizes.length < 3) return false;
  return sizes.every((size, i) => size === 4 || (i === sizes.length - 1 && size < 4));
}

/**
 * Masks card numbers whose card-grouped digits are joined by `,` `_` `;` `:` or `|` (also
 * URL-encoded or full-width) next to a card word or card data, to `•••• 1234`; every other
 * number comes back as it was.
 */
export function maskWeaklyJoined(text: string): string {
  if (!HAS_JOINER.test(text)) return text;
  let ends: number[] | undefined;
  return text.replace(RUN, (run: string, offset: number) => {
    if (!HAS_JOINER.test(run)) return run;
    // Alternating groups and joins: [group, join, group, join, …, group].
    const parts = run.split(SPLIT);
    const groups = parts.filter((_, i) => i % 2 === 0).map(asciiDigits);
    const starts: number[] = [];
    for (let i = 0, at = 0; i < parts.length; i++) {
      if (i % 2 === 0) starts.push(at);
      at += (parts[i] ?? '').length;
    }
    // Digits before each group, so a window's length is known before anything is joined.
    const before = [0];
    for (const group of groups) before.push((before[before.length - 1] ?? 0) + group.length);
    // Aligned windows of whole groups, longest first from each group on: a window that reads as
    // a card number next to its context is masked, and the search goes on after it.
    let masked = false;
    const window = (s: number): number => {
      for (let e = groups.length; e >= s + 3; e--) {
        const length = (before[e] ?? 0) - (before[s] ?? 0);
        if (length < MIN_PAN || length > MAX_PAN) continue;
        const digits = groups.slice(s, e).join('');
        const joined = parts.slice(2 * s, 2 * e - 1).join('');
        const sizes = groups.slice(s, e).map((g) => g.length);
        if (!HAS_JOINER.test(joined) || !isCardGrouping(sizes, digits[0] ?? '')) continue;
        if (!isLuhnValid(digits)) continue;
        const from = offset + (starts[s] ?? 0);
        ends ??= cardWordEnds(text);
        // A card number right after a masked one is in the same list of card numbers.
        if (masked || cardWordBefore(text, ends, from) || cardDataAfter(text, from + joined.length)) return e;
      }
      return -1;
    };
    let out = '';
    for (let s = 0; s < groups.length; ) {
      const e = window(s);
      if (e < 0) {
        out += (parts[2 * s] ?? '') + (parts[2 * s + 1] ?? '');
        s += 1;
        continue;
      }
      out += maskPan(groups.slice(s, e).join('')) + (parts[2 * e - 1] ?? '');
      masked = true;
      s = e;
    }
    return masked ? out : run;
  });
}
