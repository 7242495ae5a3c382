import { isLuhnValid } from './luhn.js';
import { digitsOf, maskPan } from './redact-mask.js';

const MIN_PAN = 13;

// Characters that join digit groups only in card grouping: a card number written
// `4111,1111,1111,1111` or `4111_1111_1111_1111` is one, while `1,234,567` or `id_12_345` is not a
// run of one number. They never join a number of any other grouping, so lists stay intact; a
// number glued to the groups by one of them (`1,4111,…`) is not a card grouping either.
const WEAK = String.raw`\s?[,_;:|]\s?`;
const G = String.raw`\p{Nd}`;
const WEAK_GROUPED = new RegExp(
  `(?<!${G}|${G}[,_;:|])(?:${G}{4}(?:${WEAK}${G}{4}){2,3}(?:${WEAK}${G}{1,3})?|${G}{4}${WEAK}${G}{6}${WEAK}${G}{5})(?!${G}|[,_;:|]${G})`,
  'gu',
);
const WEAK_CHAR = /[,_;:|]/;
const SHORT_TAIL = new RegExp(`${WEAK}${G}{1,3}$`, 'u');
// Two groups of four in a row: not the 4-6-5 grouping.
const FOUR_FOUR = /\p{Nd}{4}\D+\p{Nd}{4}\D/u;

function isPan(part: string): boolean {
  const digits = digitsOf(part);
  // 4-6-5 is the grouping of American Express (34, 37) and Diners (36) numbers only.
  const fourSixFive = digits.length === 15 && !FOUR_FOUR.test(part);
  return digits.length >= MIN_PAN && isLuhnValid(digits) && (!fourSixFive || digits.startsWith('3'));
}

/**
 * Masks card numbers whose card-grouped digits are joined by `,` `_` `;` `:` or `|`, to `•••• 1234`;
 * every other number comes back as it was.
 */
export function maskWeaklyJoined(text: string): string {
  if (!WEAK_CHAR.test(text)) return text;
  return text.replace(WEAK_GROUPED, (match: string) => {
    if (!WEAK_CHAR.test(match)) return match;
    if (isPan(match)) return maskPan(match);
    // `4111,1111,1111,1111,7`: the card number may end before a short group that follows it.
    const short = SHORT_TAIL.exec(match);
    if (short === null) return match;
    const head = match.slice(0, short.index);
    return WEAK_CHAR.test(head) && isPan(head) ? maskPan(head) + short[0] : match;
  });
}
