import { type Mask, REDACTED } from './view.js';

// Card data in a view's text (view.ts). Every rule errs on the side of masking: a number that
// could be a card number is one, a value after a card-data word is that data.

const raw = String.raw;

// Digits joined by up to 8 separators are one number; `,` `_` `;` `:` `|` join too when the text
// names cards at all (`card 4111,1111,…`), so a list of ids or amounts elsewhere keeps its digits.
const CHAIN = /\d(?:[\s+\-./]{0,8}\d)*/g;
const WEAK_CHAIN = /\d(?:(?:[\s+\-./]{0,8}|[\s\-./]{0,2}[,_;:|][\s\-./]{0,2})\d)*/g;
const CARD_CONTEXT =
  /\b(?:card|pan|visa|master|maestro|amex|american|discover|unionpay|jcb|diners|cv|csc|exp(?:ir|\b)|pin|valid|good|secur|verif|activation|otp|one.?time)|\d\/\d/i;

// A month and a year, the card's expiry written next to its number (`…1111 12/29`, `12/29…1111`).
const EXPIRY_DIGITS = /^(?:0[1-9]|1[0-2])(?:20)?\d\d$/;

/**
 * Numbers holding a card number, each masked whole to `•••• 1234` (the last four of its likeliest
 * card number: one of whole digit groups or next to an expiry, the longest). A card number is a Luhn-valid run of
 * 12–19 digits where the text names cards; elsewhere one next to an expiry, or 13–19 digits in
 * whole groups; after `+`, 16 digits at least (fewer are a phone number). Linear in the length of
 * `text`.
 */
export function panMasks(text: string): Mask[] {
  const masks: Mask[] = [];
  if (!/(?:\d\D*){12}/.test(text)) return masks;
  const context = CARD_CONTEXT.test(text);
  for (const { 0: chain, index } of text.matchAll(context ? WEAK_CHAIN : CHAIN)) {
    const digits = chain.replace(/\D/g, '');
    const n = digits.length;
    // Which digits start a group: those after a separator, or the chain's first.
    const starts = [...chain.matchAll(/\d/g)].map(({ index: i }) => !/\d/.test(chain[i - 1] ?? ''));
    const start = (i: number): boolean => i === n || (starts[i] ?? false);
    const least = text[index - 1] === '+' ? 16 : 12;
    let best = -1;
    let last4 = '';
    for (let e = 12; e <= n; e++) {
      for (let s = e - 1, sum = 0; s >= 0 && s >= e - 19; s--) {
        const d = (digits.charCodeAt(s) - 48) * ((e - s) % 2 === 0 ? 2 : 1);
        sum += d > 9 ? d - 9 : d;
        const whole = start(s) && start(e);
        const expiry =
          (n - e < 7 && EXPIRY_DIGITS.test(digits.slice(e))) ||
          (s < 7 && EXPIRY_DIGITS.test(digits.slice(0, s)));
        const score = e - s + (whole || expiry ? 32 : 0);
        if (e - s < least || sum % 10 !== 0 || score <= best) continue;
        if (context || expiry || (whole && e - s > 12)) {
          best = score;
          last4 = digits.slice(e - 4, e);
        }
      }
    }
    if (best >= 0) masks.push([index, index + chain.length, `•••• ${last4}`]);
  }
  return masks;
}

// Card-data words (`CVC 737`, `exp 12/29`, `activation code 4821-7710`), matched whole and in any
// case, then what may stand between a word and its value: punctuation, spaces and linking words
// ("PIN is 1234"). Any other word breaks the link, so "PIN must be 4 digits" keeps its 4. Each step
// eats one character or one whole word, which keeps matching linear.
const CVC_OR_PIN = raw`(?:card[\s_-]?)?(?:cvv2?|cvc2?|csc|pin|security[\s_-]?code)`;
const EXPIRY = raw`(?:card[\s_-]?)?exp\p{L}*|valid[\s_-]?(?:thru|through|till|until)|good[\s_-]?thru`;
const CODE = raw`activation[\s_-]?code|otp|one[\s_-]?time[\s_-]?(?:password|passcode|code|pin)`;
const GAP = raw`(?:[^\p{L}\d%]|(?:is|was|be|of|on|to|set|now|new|changed|reset|value|number|code|date|entered|cvv|cvc)(?!\p{L})){0,12}`;
// A value runs on into no further number (`PIN changed on 01 05 2024` is a date, not a PIN).
const NOT_MORE = raw`(?!\d|[/.,-]\d)`;
const VALUES: Array<[string, string]> = [
  // Digits may also come one or two at a time, spaced (`PIN 5 8 3 1`), or one at a time joined by
  // dots or dashes (`PIN 5-8-3-1`), three at least.
  [
    CVC_OR_PIN,
    raw`(?:\d{3,12}|(?=\d\s?\d\s?\d)\d{1,2}(?:\s\d{1,2}){1,11}(?!\s\d)|\d(?:[.-]\d){2,11})${NOT_MORE}`,
  ],
  [EXPIRY, raw`(?:(?:0?[1-9]|1[0-2])\s{0,2}[/\s-]\s{0,2}(?:20)?\d\d|20\d\d[/-][01]\d)${NOT_MORE}`],
  // A code holds a digit, or is upper-case letters in dashed groups (`ABCD-EFGH`).
  [CODE, raw`(?=[\p{L}\d-]*\d|\p{Lu}+-\p{Lu})[\p{L}\d]{1,32}(?:-[\p{L}\d]{1,32}|\s\d{2,16}){0,4}`],
];
// A word that is a URL path segment (`POST /cards/c1/pin 500`) names an endpoint, not a value.
// Built on first use: Unicode-property patterns cost time to construct, which every import of the
// SDK would otherwise pay, though most processes never redact card data.
let data: RegExp | undefined;

/** The card data after card-data words in `text` (a view's text). */
export function dataMasks(text: string): Mask[] {
  const masks: Mask[] = [];
  if (!/cv|csc|pin|exp|valid|good|activation|otp|time|secur/i.test(text)) return masks;
  data ??= new RegExp(
    VALUES.map(
      ([word, value]) => raw`(?<![\p{L}\d]|\/[^\s/]{0,64}\/)(?:${word})(?!\p{L})${GAP}(${value})`,
    ).join('|'),
    'giu',
  );
  for (const m of text.matchAll(data)) {
    const end = m.index + m[0].length;
    masks.push([end - (m[1] ?? m[2] ?? m[3] ?? '').length, end, REDACTED]);
  }
  return masks;
}

// Keys whose value is a secret whatever it looks like: `"pin": "1234"`, `cvc=123`, `code: …`.
// `status code: 500` and `postal code: 94105` are not activation codes.
export const SECRET_KEY = raw`pin|cvc2?|cvv2?|csc|otp|card[_-]?(?:cvc|cvv|pin|number)|number|pan|(?:card[_-]?)?exp(?:ir(?:y|e|ation))?(?:[_-]?(?:date|month|year))?|security[_-]?code|activation[_-]?code|(?<!(?:status|error|http|exit|postal|zip|phone|area)[\s_-]?)code|sens[ei]tive|api[_-]?token|access[_-]?token|password`;

let keys: RegExp | undefined;

/**
 * Masks the values of secret keys in `text`, read as written (a value runs on over any character
 * but spaces, `,;}&`), in an echoed query string too, encoded once, twice or not at all
 * (`?expDate=12%2F2029`, `%3Fcvc%3D123%26pan%3D…`), a card number already masked too.
 */
export function maskKeys(text: string): string {
  if (!/[:=]|%(?:25)?3d/i.test(text)) return text;
  // A key written as the last segment of a URL path (`POST /cards/c1/pin: 500`) names an endpoint.
  keys ??= new RegExp(
    raw`((?:\\?["'])?(?<!\/)(?:\b|(?<=%(?:25)?[\dA-Fa-f]{2}))(?:${SECRET_KEY})\b(?:\\?["'])?\s*(?:[:=]|%(?:25)?3[Dd])\s*)(•••• \d{4}|\\?"[^"]{0,256}"|\\?'[^']{0,256}'|\p{Nd}(?:[ .-]?\p{Nd}){0,30}(?![^\s,;}&])|(?:[^\s,;}&%]|%(?!(?:25)?26))*(?:[^\s,;}&%.]|%(?!(?:25)?26)))`,
    'giu',
  );
  return text.replace(keys, `$1${REDACTED}`);
}
