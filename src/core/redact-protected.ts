// Things made of digits and separators that are not card numbers: UUIDs, hex ids, calendar dates,
// IPv4 addresses and IBANs. Each is checked for its own shape, so a card number is never one.
const UUID =
  /(?<![0-9A-Za-z])[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}(?![0-9A-Za-z])/g;
// Object ids (24), hex UUIDs (32), SHA-1 (40), SHA-256 (64): only with both letters and digits.
const HEX_ID =
  /(?<![0-9A-Za-z])(?:[0-9A-Fa-f]{64}|[0-9A-Fa-f]{40}|[0-9A-Fa-f]{32}|[0-9A-Fa-f]{24})(?![0-9A-Za-z])/g;
// A date joined to more digits by a separator is a piece of a number, not a date.
const YEAR_FIRST =
  /(?<!\p{Nd}[-./]?)(?:19|20)\d\d([-./])(?:0?[1-9]|1[0-2])\1(?:0?[1-9]|[12]\d|3[01])(?!\p{Nd}|[-./]\p{Nd})/gu;
const YEAR_LAST = /(?<!\p{Nd}[-./]?)\d{1,2}([-./])\d{1,2}\1(?:19|20)\d\d(?!\p{Nd}|[-./]\p{Nd})/gu;
const IPV4 =
  /(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![\d.])/g;
const IBAN = /(?<![0-9A-Za-z])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?![0-9A-Za-z])/g;

/** True when `candidate` passes the IBAN check (ISO 13616: mod 97 of the rearranged digits is 1). */
function isIban(candidate: string): boolean {
  const compact = candidate.replace(/ /g, '');
  if (compact.length < 15 || compact.length > 34) return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let rest = 0;
  for (const char of rearranged) {
    const code = char.charCodeAt(0);
    const value = code >= 65 ? code - 55 : code - 48;
    rest = (rest * (value >= 10 ? 100 : 10) + value) % 97;
  }
  return rest === 1;
}

const CHECKS: ReadonlyArray<readonly [RegExp, (match: string) => boolean]> = [
  [UUID, () => true],
  [HEX_ID, (match) => /[A-Fa-f]/.test(match) && /\d/.test(match)],
  [IPV4, () => true],
  [IBAN, isIban],
];
const DATES: readonly RegExp[] = [YEAR_FIRST, YEAR_LAST];
const DIGIT_AT = /\p{Nd}/u;
const JOIN = /[\s+]/u;

/** The offset of the digit joined to `at` by up to 3 spaces (towards `step`), or -1. */
function joinedDigit(text: string, at: number, step: 1 | -1): number {
  let i = at;
  for (let k = 0; k < 3 && i >= 0 && i < text.length && JOIN.test(text[i] ?? ''); k++) i += step;
  if (i === at || i < 0 || i >= text.length) return -1;
  return DIGIT_AT.test(text[i] ?? '') || /[\uDC00-\uDFFF]/.test(text[i] ?? '') ? i : -1;
}

/**
 * Calendar dates, except one joined by spaces to digits that are not another date: such a
 * "date" is a piece of a longer number (a card number in mixed grouping), not a date.
 */
function dateRanges(text: string): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  for (const pattern of DATES)
    for (const m of text.matchAll(pattern)) found.push([m.index, m.index + m[0].length]);
  const starts = new Set(found.map(([start]) => start));
  const ends = new Set(found.map(([, end]) => end));
  return found.filter(([start, end]) => {
    const before = joinedDigit(text, start - 1, -1);
    const after = joinedDigit(text, end, 1);
    return (before < 0 || ends.has(before + 1)) && (after < 0 || starts.has(after));
  });
}

/** The [start, end) ranges of `text` that hold a known non-card number, sorted by start. */
export function protectedRanges(text: string): Array<[number, number]> {
  const ranges = dateRanges(text);
  for (const [pattern, holds] of CHECKS) {
    for (const m of text.matchAll(pattern)) {
      if (holds(m[0])) ranges.push([m.index, m.index + m[0].length]);
    }
  }
  return ranges.sort((a, b) => a[0] - b[0]);
}
