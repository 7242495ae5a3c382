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
  [YEAR_FIRST, () => true],
  [YEAR_LAST, () => true],
  [IPV4, () => true],
  [IBAN, isIban],
];

/** The [start, end) ranges of `text` that hold a known non-card number, sorted by start. */
export function protectedRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const [pattern, holds] of CHECKS) {
    for (const m of text.matchAll(pattern)) {
      if (holds(m[0])) ranges.push([m.index, m.index + m[0].length]);
    }
  }
  return ranges.sort((a, b) => a[0] - b[0]);
}
