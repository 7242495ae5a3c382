import { digitsOf, type Mask, REDACTED, type View } from './view.js';

// Card data in a view's text (view.ts). Every rule errs on the side of masking: a number that
// could be a card number is one, a value after a card-data word is that data.

const raw = String.raw;

// Digits joined by up to 8 separators are one number; `,` `_` `;` `:` `|` join too when the text
// names cards at all (`card 4111,1111,…`), so a list of ids or amounts elsewhere keeps its digits.
const CHAIN = /\d(?:[\s+\-./]{0,8}\d)*/g;
const WEAK_CHAIN = /\d(?:(?:[\s+\-./]{0,8}|[\s+\-./]{0,2}[,_;:|][\s+\-./]{0,2})\d)*/g;
const CARD_CONTEXT =
  /(?<![a-z])(?:card|pan|visa|master|maestro|amex|american|discover|unionpay|jcb|diners|cv|csc|exp(?:ir|[_-]?(?:date|month|year)|\b)|pin|valid|good|secur|verification.?[cvn]|activation|otp|one.?time)|\d\/\d/i;

// A month and a year, the card's expiry written next to its number, glued or not: after it
// (`…1111 12/29`, `…11111229`, a year glued on from 2020 to 2049) or before it (`12/29…`).
const EXPIRY_AFTER = /^[\s./-]{0,3}(?:0[1-9]|1[0-2])(?:\s?[/\s-]\s?(?:20)?\d\d|(?:20)?[2-4]\d)(?!\d|[/.-]\d)/;
const EXPIRY_BEFORE = /(?<![\d/.-])(?:0[1-9]|1[0-2])[/-](?:20)?\d\d[\s./-]{0,3}$/;

// An id in UUID form (the SDK's and bulk's Idempotency-Keys, ids) is an id: digits inside it are
// never a card number, or a log line or audit event would lose the key that settles a call. One
// of digits only is not taken for an id, and a number that runs on past the id is read whole.
const UUID = /(?<![\da-f])(?=[\d-]{0,35}[a-f])[\da-f]{8}(?:-[\da-f]{4}){3}-[\da-f]{12}(?![\da-f])/gi;

/**
 * Numbers holding a card number, each masked whole to `•••• 1234` (the last four of its likeliest
 * card number: one of whole digit groups or next to an expiry, the longest). A card number is a
 * Luhn-valid run of 12–19 digits where the text names cards; elsewhere one next to an expiry, or
 * 13–19 digits in whole groups; right after `+`, 16 digits at least (fewer are a phone number). Linear
 * in the length of `text`.
 */
export function panMasks({ text, at: source }: View, raw: string): Mask[] {
  const masks: Mask[] = [];
  const context = CARD_CONTEXT.test(text);
  const ids = text.includes('-') ? [...text.matchAll(UUID)] : [];
  for (const { 0: chain, index } of text.matchAll(context ? WEAK_CHAIN : CHAIN)) {
    const digits = chain.replace(/\D/g, '');
    const n = digits.length;
    if (n < 12 || ids.some((id) => id.index <= index && index + chain.length <= id.index + 36)) continue;
    // Where each digit stands in the chain; a digit after a separator starts a group.
    const at = [...chain.matchAll(/\d/g)].map((m) => m.index);
    const start = (i: number): boolean => i === n || (at[i] ?? 0) - (at[i - 1] ?? -2) > 1;
    // Right after `+` as written (not an encoded space) and not glued to a word, the digits up to
    // a weak joiner are a phone number, unless 16 at least.
    const first = source?.[index] ?? index;
    const phone = /(?<![\p{L}\d])\+$/u.test(raw.slice(Math.max(0, first - 2), first))
      ? digitsOf(/^[^,_;:|]*/.exec(chain)?.[0] ?? '').length
      : 0;
    let best = -1;
    let last4 = '';
    for (let e = 12; e <= n; e++) {
      for (let s = e - 1, sum = 0; s >= 0 && s >= e - 19; s--) {
        const d = (digits.charCodeAt(s) - 48) * ((e - s) % 2 === 0 ? 2 : 1);
        sum += d > 9 ? d - 9 : d;
        if (e - s < 12 || sum % 10 !== 0) continue;
        const whole = start(s) && start(e);
        const from = at[s] ?? 0;
        const to = (at[e - 1] ?? 0) + 1;
        const expiry =
          EXPIRY_AFTER.test(chain.slice(to, to + 24)) ||
          EXPIRY_BEFORE.test(chain.slice(Math.max(0, from - 24), from));
        const score = e - s + (whole || expiry ? 32 : 0);
        if (score <= best) continue;
        if (context || expiry || (whole && e - s > (e <= phone ? 15 : 12))) {
          best = score;
          last4 = digits.slice(e - 4, e);
        }
      }
    }
    if (best >= 0) masks.push([index, index + chain.length, `•••• ${last4}`]);
  }
  return masks;
}

// Keys whose value is a secret whatever it looks like: `"pin": "1234"`, `cvc=123`, `code: …`.
// `status code: 500` and `postal code: 94105` are not activation codes.
export const SECRET_KEY = raw`(?:card[_-]?)?(?:pin|cv[cv]2?|number|exp(?:ir(?:y|e|ation))?(?:[_-]?(?:date|month|year))?)|csc|otp|pan|(?:security|activation)[_-]?code|(?<!(?:status|error|http|exit|postal|zip|phone|area)[\s_-]?)code|sens[ei]tive|(?:api|access)[_-]?token|password`;

// Card-data words (`CVC 737`, `exp 12/29`, `activation code 4821-7710`), matched whole and in any
// case, then what may stand between a word and its value: punctuation, spaces and linking words
// ("PIN is 1234"). Any other word breaks the link, so "PIN must be 4 digits" keeps its 4. Each step
// eats one character or one whole word, which keeps matching linear.
const CARD = raw`(?:card[\s_+-]?)?`;
const GAP = raw`(?!\p{L})(?:[^\p{L}\d%]|(?:is|was|are|be|of|on|to|set|now|new|changed|updated|reset|value|number|no|nr|num|code|date|entered|provided|given|cvv|cvc)(?!\p{L})){0,12}`;
// A value runs on into no further number (`PIN changed on 01 05 2024` is a date, not a PIN).
const NOT_MORE = raw`(?!\d|[/.,-]\d)`;
// Each rule: what comes before a value, and the value. A key's value runs on over any character
// but spaces and `,;}&` (a query string's next field; a card number already masked is part of it),
// or is quoted. A word that is a URL path segment
// (`POST /cards/c1/pin: 500`) names an endpoint, not a value.
const RULES = [
  [
    raw`\\?["']?(?<!\/)\b(?:${SECRET_KEY})\b\\?["']?\s*?[:=]\s*?`,
    raw`\\?"[^"]{0,256}"|\\?'[^']{0,256}'|\d(?:[ .-]?\d){0,30}(?![^\s,;}&])|(?:•••• |[^\s,;}&])*[^\s,;}&.]`,
  ],
  // Digits may also come one or two at a time, spaced (`PIN 5 8 3 1`), or one at a time joined by
  // dots or dashes (`PIN 5-8-3-1`), three at least.
  [
    raw`${CARD}(?:cvv2?|cvc2?|csc|pin|(?:pin|security|verification)[\s_+-]?(?:code|value|number))${GAP}`,
    raw`(?:\d{3,12}|(?=\d[\s+]?\d[\s+]?\d)\d{1,2}(?:[\s+]\d{1,2}){1,11}(?![\s+]\d)|\d(?:[.-]\d){2,11})${NOT_MORE}`,
  ],
  [
    raw`(?:${CARD}exp\p{L}*|valid[\s_+-]?(?:thru|through|till|until)|good[\s_+-]?thru)${GAP}`,
    raw`(?:(?:0?[1-9]|1[0-2])[\s+]{0,2}[/\s+-]?[\s+]{0,2}(?:20)?\d\d|20\d\d[/-][01]\d)${NOT_MORE}`,
  ],
  // A code holds a digit, or is letters in dashed groups (`ABCD-EFGH`).
  [
    raw`(?:activation[\s_+-]?code|otp|one[\s_+-]?time[\s_+-]?(?:password|passcode|code|pin))${GAP}`,
    raw`[\p{L}\d]{1,32}(?:-[\p{L}\d]{1,32}|[\s+]\d{2,16}){0,4}(?<=\d[\p{L}\d-]*)|\p{L}{2,}(?:-\p{L}{2,})+`,
  ],
];
// Built on first use: Unicode-property patterns cost time to construct, which every import of the
// SDK would otherwise pay, though most processes never redact card data.
let words: RegExp[] | undefined;

/**
 * The values of secret keys and the card data after card-data words in `text` (a view's text, so
 * an echoed query string reads the same encoded once, twice or not at all: `?expDate=12%2F2029`).
 */
export function wordMasks(text: string): Mask[] {
  if (!/[:=]|cv|csc|pin|exp|valid|good|activation|otp|time|secur|verif/i.test(text)) return [];
  // Rule by rule, keys first: a value never takes the word or key of the next (`otp exp 12/29`).
  words ??= RULES.map(
    ([word, value]) => new RegExp(raw`(?<!\p{L}|\/[^\s/]{1,64}\/)${word}(${value})`, 'giu'),
  );
  return words.flatMap((pattern) =>
    [...text.matchAll(pattern)].map((m): Mask => {
      const end = m.index + m[0].length;
      return [end - (m[1] ?? '').length, end, REDACTED];
    }),
  );
}
