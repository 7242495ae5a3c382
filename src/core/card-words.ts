import { asciiDigits, REDACTED } from './redact-mask.js';

// Words are matched whole and case-insensitively; a digit may follow at once ("CVC737").
const START = String.raw`(?<![\p{L}\p{Nd}])`;
// A word that is a URL path segment (`POST /cards/c1/pin 500`) names an endpoint, not a value.
const DATA_START = String.raw`${START}(?<!\/[^\s/]{1,64}\/)`;
const END = String.raw`(?![\p{L}])`;
const CVC_NAME = `(?:cvv2|cvc2|cvv|cvc|csc)`;

/** Words after which a 3–12 digit value is a card verification code or a PIN. */
const CVC_OR_PIN = String.raw`(?:card[\s_-]?)?${CVC_NAME}(?:\s?\/\s?${CVC_NAME})?|(?:card[\s_-]?)?(?:security|verification)[\s_-]?(?:code|value|number)|(?:card[\s_-]?)?pin(?:[\s_-]?(?:code|number))?`;
/** Words after which a month/year value is a card expiry. */
const EXPIRY = String.raw`(?:card[\s_-]?)?exp(?:iry|ires|ired|iration|ire)?(?:[\s_-]?date)?|valid[\s_-]?(?:thru|through|till|until)|good[\s_-]?thru`;
/** Words after which a value holding a digit is a one-time or activation code. */
const CODE = String.raw`activation[\s_-]?code|otp|one[\s_-]?time[\s_-]?(?:password|passcode|code|pin)`;
/** Words naming a card number, for 12-digit and glued candidates. */
const PAN_NAME = String.raw`cards?(?:[\s_-]?(?:number|num|no|nr))?|cardnumber|pan|primary[\s_-]account[\s_-]number|maestro|visa|mastercard|amex|american[\s_-]express|discover|unionpay|jcb|diners(?:[\s_-]club)?`;

// What may stand between a word and its value: punctuation, spaces, URL-encoded spaces and
// separators, and a few linking words ("PIN is 1234", "PIN changed to 1234"). Any other word
// breaks the link, so "PIN must be 4 digits" keeps its 4. Each step eats one character or one
// whole word, which keeps matching linear.
const LINK_WORDS = `(?:is|was|are|be|of|on|to|set|now|new|changed|updated|reset|value|number|no|nr|num|code|date|entered|provided|given)${END}`;
const LINK = String.raw`(?:[^\p{L}\p{Nd}%]|%(?:2[0-9A-Fa-f]|3[A-Fa-f]|0[9ADad])|${LINK_WORDS})`;
const GAP = `${LINK}{0,8}`;

const DIGIT = String.raw`\p{Nd}`;
const NOT_MORE = `(?!${DIGIT}|[/.,-]${DIGIT})`;
// Digits may also come one or two at a time, spaced (`PIN 5 8 3 1`, `PIN 58 31`), or one at a time
// joined by dots or dashes (`PIN 5-8-3-1`), three at least. A value followed by another number
// is no PIN (`PIN changed on 01 05 2024` keeps its date, `CVC 123 2024-05-01` its date), a range
// keeps its dash (`PIN (4-12 digits)`) and a list its commas (`PIN is 4, 6 or 8 digits`).
const SPACED = String.raw`(?=${DIGIT}\s?${DIGIT}\s?${DIGIT})${DIGIT}{1,2}(?:\s${DIGIT}{1,2}){1,11}(?!\s${DIGIT})`;
const JOINED = String.raw`${DIGIT}(?:[.\-]${DIGIT}){2,11}`;
const CVC_VALUE = `(?:${DIGIT}{3,12}|${SPACED}|${JOINED})${NOT_MORE}`;
const SLASH = String.raw`[/\-\u2010-\u2015\u2044\u2215\uff0d\uff0f]`;
const EXPIRY_VALUE = String.raw`(?:${DIGIT}{1,2}\s{0,2}${SLASH}\s{0,2}(?:${DIGIT}{4}|${DIGIT}{2})|${DIGIT}{4}${SLASH}${DIGIT}{2})${NOT_MORE}`;
const CODE_VALUE = String.raw`[\p{L}\p{Nd}]{1,32}(?:-[\p{L}\p{Nd}]{1,32}|\s${DIGIT}{2,16}){0,4}`;

// Built on first use: the Unicode-property patterns cost ~2 ms to construct, which every import
// of the SDK would otherwise pay at cold start, though most processes never redact card data.
interface Patterns {
  cvc: RegExp;
  expiry: RegExp;
  code: RegExp;
  /** A number followed at once by its card's data: `6759 6498 2648 exp 12/29`, `… CVC 123`. */
  dataAfter: RegExp;
  cardWord: RegExp;
  panLink: RegExp;
}

let built: Patterns | undefined;

function patterns(): Patterns {
  built ??= {
    cvc: new RegExp(`(${DATA_START}(?:${CVC_OR_PIN})${END}${GAP})(${CVC_VALUE})`, 'giu'),
    expiry: new RegExp(`(${DATA_START}(?:${EXPIRY})${END}${GAP})(${EXPIRY_VALUE})`, 'giu'),
    code: new RegExp(`(${DATA_START}(?:${CODE})${END}${GAP})(${CODE_VALUE})`, 'giu'),
    dataAfter: new RegExp(
      `^[^\\p{L}\\p{Nd}]{0,4}(?:(?:${CVC_OR_PIN})${END}${GAP}${CVC_VALUE}|(?:${EXPIRY})${END}${GAP}${EXPIRY_VALUE})`,
      'iu',
    ),
    cardWord: new RegExp(`${START}(?:${PAN_NAME}|${CVC_OR_PIN}|${EXPIRY}|${CODE})${END}`, 'giu'),
    // URL-encoded punctuation links too: `card%20number%3A%204111…`.
    panLink: new RegExp(`^(?:%[0-7][0-9A-Fa-f]|[^\\p{L}\\p{Nd}]|(?:number|num|no|nr|is|was)${END})*$`, 'iu'),
  };
  return built;
}

/** A cheap test that lets text naming no card data skip the three patterns. */
const MAY_NAME_CARD_DATA = /cv|csc|pin|exp|valid|good|activation|otp|time|security|verification/i;

/** How far (in characters) a card word may stand before the number it names. */
const CARD_WORD_REACH = 32;

/** True when `value` (ASCII digits) reads as a card expiry: month 1–12, a two- or 20xx-year. */
function isCardExpiry(value: string): boolean {
  const parts = value.split(/\s*[/\-\u2010-\u2015\u2044\u2215\uff0d\uff0f]\s*/);
  const [a = '', b = ''] = parts;
  const [month, year] = a.length === 4 ? [b, a] : [a, b];
  const m = Number(month);
  return m >= 1 && m <= 12 && (year.length === 2 || year.startsWith('20'));
}

/** A code, not a word: holds a digit, or is upper-case letters in dashed groups (`ABCD-EFGH`). */
function isCode(value: string): boolean {
  if (value.length < 4) return false;
  return /\p{Nd}/u.test(value) || /^\p{Lu}{2,}(?:-\p{Lu}{2,})+$/u.test(value);
}

/**
 * Masks the value written next to a card-data word, in any punctuation or spacing: a 3–12 digit
 * value after a CVC or PIN word (`CVC 737`, `cvv2: 123`, `security code=1234`, `PIN 5831`), an
 * expiry in its card form after an expiry word (`exp 12/29`, `valid thru 12/2029`) and a code
 * holding a digit after an activation or one-time code word (`activation code 4821-7710`).
 */
export function maskCardData(text: string): string {
  if (!MAY_NAME_CARD_DATA.test(text)) return text;
  const { cvc, expiry, code } = patterns();
  return text
    .replace(cvc, (_m, word: string) => `${word}${REDACTED}`)
    .replace(expiry, (match: string, word: string, value: string) =>
      isCardExpiry(asciiDigits(value)) ? `${word}${REDACTED}` : match,
    )
    .replace(code, (match: string, word: string, value: string) =>
      isCode(value) ? `${word}${REDACTED}` : match,
    );
}

/** Where card words end in `text`, in ascending order (for {@link cardWordBefore}). */
export function cardWordEnds(text: string): number[] {
  const ends: number[] = [];
  for (const match of text.matchAll(patterns().cardWord)) ends.push(match.index + match[0].length);
  return ends;
}

/** True when card data (a CVC, PIN or expiry after its word) follows `position` at once. */
export function cardDataAfter(text: string, position: number): boolean {
  return patterns().dataAfter.test(text.slice(position, position + 48));
}

/**
 * True when a card word stands right before `position`: within a short reach, with only
 * punctuation, spaces and linking words ("card number is …") between.
 */
export function cardWordBefore(text: string, ends: readonly number[], position: number): boolean {
  let low = 0;
  let high = ends.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((ends[mid] ?? 0) <= position) low = mid + 1;
    else high = mid;
  }
  const end = ends[low - 1];
  if (end === undefined || position - end > CARD_WORD_REACH) return false;
  return patterns().panLink.test(text.slice(end, position));
}
