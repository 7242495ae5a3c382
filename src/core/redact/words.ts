import { type Mask, REDACTED } from './view.js';

// Card data named by its key (`"pin": "1234"`, `?expDate=12%2F2029`) or by its word (`CVC 737`,
// `exp 12/29`, `activation code 4821-7710`), the words read in a view (view.ts).

const raw = String.raw;

// Words are matched whole and case-insensitively; a digit may follow at once ("CVC737").
const START = raw`(?<![\p{L}\d])`;
// A word that is a URL path segment (`POST /cards/c1/pin 500`) names an endpoint, not a value.
const DATA_START = raw`${START}(?<!\/[^\s/]{1,64}\/)`;
const END = raw`(?!\p{L})`;
const CARD = raw`(?:card[\s_-]?)?`;
const CVC = '(?:cvv|cvc|csc)2?';
const CVC_OR_PIN = raw`${CARD}(?:${CVC}(?:\s?\/\s?${CVC})?|(?:security|verification)[\s_-]?(?:code|value|number)|pin(?:[\s_-]?(?:code|number))?)`;
const EXPIRY = raw`${CARD}exp(?:ir(?:y|es?|ed|ation))?(?:[\s_-]?date)?|valid[\s_-]?(?:thru|through|till|until)|good[\s_-]?thru`;
const CODE = raw`activation[\s_-]?code|otp|one[\s_-]?time[\s_-]?(?:password|passcode|code|pin)`;
const PAN_NAME = raw`cards?(?:[\s_-]?(?:number|num|no|nr))?|pan|primary[\s_-]account[\s_-]number|maestro|visa|mastercard|amex|american[\s_-]express|discover|unionpay|jcb|diners(?:[\s_-]club)?`;

// What may stand between a word and its value: punctuation, spaces and a few linking words ("PIN
// is 1234"). Any other word breaks the link, so "PIN must be 4 digits" keeps its 4. Each step eats
// one character or one whole word, which keeps matching linear.
const GAP = raw`(?:[^\p{L}\d%]|(?:is|was|are|be|of|on|to|set|now|new|changed|updated|reset|value|number|no|nr|num|code|date|entered|provided|given)${END}){0,8}`;
const NOT_MORE = raw`(?!\d|[/.,-]\d)`;
// Digits may also come one or two at a time, spaced (`PIN 5 8 3 1`), or one at a time joined by
// dots or dashes (`PIN 5-8-3-1`), three at least. A value followed by another number is no PIN
// (`PIN changed on 01 05 2024`), a range keeps its dash (`PIN (4-12 digits)`).
const CVC_VALUE = raw`(?:\d{3,12}|(?=\d\s?\d\s?\d)\d{1,2}(?:\s\d{1,2}){1,11}(?!\s\d)|\d(?:[.-]\d){2,11})${NOT_MORE}`;
// A month and a two-digit or 20xx year, either way round.
const EXPIRY_VALUE = raw`(?:(?:0?[1-9]|1[0-2])\s{0,2}[/-]\s{0,2}(?:20)?\d\d|20\d\d[/-](?:0[1-9]|1[0-2]))${NOT_MORE}`;
const CODE_VALUE = raw`[\p{L}\d]{1,32}(?:-[\p{L}\d]{1,32}|\s\d{2,16}){0,4}`;

// Keys whose value is a secret whatever it looks like: `"pin": "1234"`, `cvc=123`, `code: …`.
// `status code: 500`, `postal code: 94105` and their kind are not activation codes.
export const SECRET_KEY = raw`pin|cvc2?|cvv2?|csc|otp|card[_-]?(?:cvc|cvv|pin|number)|number|pan|(?:card[_-]?)?exp(?:ir(?:y|e|ation))?(?:[_-]?(?:date|month|year))?|security[_-]?code|activation[_-]?code|(?<!(?:status|error|response|http|exit|reason|postal|zip|country|currency|phone|area|promo|discount|merchant|language|region)[\s_-]?)code|sens[ei]tive|api[_-]?token|access[_-]?token|password`;
const QUOTE = raw`(?:\\?["'])`;
// A character of a query value: `&` and its encodings (`%26`, `%2526`) end the field.
const QUERY_CHAR = raw`(?:[^\s,;}&%]|%(?!(?:25)?26))`;

const data = (word: string, value: string): RegExp =>
  new RegExp(`(${DATA_START}(?:${word})${END}${GAP})(${value})`, 'giu');

// Built on first use: Unicode-property patterns cost time to construct, which every import of the
// SDK would otherwise pay, though most processes never redact card data.
let built: { masks: Array<[RegExp, (value: string) => boolean]>; before: RegExp; after: RegExp } | undefined;

function patterns(): NonNullable<typeof built> {
  built ??= {
    masks: [
      [data(CVC_OR_PIN, CVC_VALUE), () => true],
      [data(EXPIRY, EXPIRY_VALUE), () => true],
      // A code holds a digit, or is upper-case letters in dashed groups (`ABCD-EFGH`).
      [data(CODE, CODE_VALUE), (v) => v.length >= 4 && /\d|^\p{Lu}{2,}(?:-\p{Lu}{2,})+$/u.test(v)],
    ],
    before: new RegExp(
      `${START}(?:${PAN_NAME}|${CVC_OR_PIN}|${EXPIRY}|${CODE})${END}(?:[^\\p{L}\\d]|(?:number|num|no|nr|is|was)${END})*$`,
      'iu',
    ),
    after: new RegExp(
      `^[^\\p{L}\\d]{0,4}(?:(?:${CVC_OR_PIN})${END}${GAP}${CVC_VALUE}|(?:${EXPIRY})${END}${GAP}${EXPIRY_VALUE})`,
      'iu',
    ),
  };
  return built;
}

/** A cheap test that lets text naming no card data skip the patterns. */
const MAY_NAME_DATA = /cv|csc|pin|exp|valid|good|activation|otp|time|security|verification/i;

let keys: RegExp | undefined;

/**
 * Masks the values of secret keys in `text`, read as written (a value runs on over any character
 * but spaces, `,;}&`), in an echoed query string too, encoded once, twice or not at all
 * (`?expDate=12%2F2029`, `%3Fcvc%3D123%26pan%3D…`). A value already masked as a card number keeps
 * its `•••• 1234`.
 */
export function maskKeys(text: string): string {
  if (!/[:=]|%(?:25)?3d/i.test(text)) return text;
  // A key written as the last segment of a URL path (`POST /cards/c1/pin: 500`) names an endpoint.
  keys ??= new RegExp(
    raw`(${QUOTE}?(?<!\/)(?:\b|(?<=%(?:25)?[\dA-Fa-f]{2}))(?:${SECRET_KEY})\b${QUOTE}?\s*(?:[:=]|%(?:25)?3[Dd])\s*)(\\?"[^"]{0,256}"|\\?'[^']{0,256}'|\p{Nd}(?:[ .-]?\p{Nd}){0,30}(?![^\s,;}&])|${QUERY_CHAR}*(?:[^\s,;}&%.]|%(?!(?:25)?26)))`,
    'giu',
  );
  return text.replace(keys, (match: string, key: string, value: string) =>
    value.startsWith('•') ? match : `${key}${REDACTED}`,
  );
}

/** The card data after card-data words in `text` (a view's text). */
export function dataMasks(text: string): Mask[] {
  const masks: Mask[] = [];
  if (!MAY_NAME_DATA.test(text)) return masks;
  for (const [pattern, holds] of patterns().masks) {
    for (const { 0: match, 1: word = '', 2: value = '', index } of text.matchAll(pattern)) {
      if (holds(value)) masks.push([index + word.length, index + match.length, REDACTED]);
    }
  }
  return masks;
}

/**
 * True when a card word stands right before `start` (with only punctuation and linking words
 * between: "card number is …") or card data (a CVC, PIN or expiry after its word) right after `end`.
 */
export function nearCardWord(text: string, start: number, end: number): boolean {
  const { before, after } = patterns();
  return before.test(text.slice(Math.max(0, start - 64), start)) || after.test(text.slice(end, end + 48));
}
