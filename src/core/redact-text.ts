import { maskCardData } from './card-words.js';
import { REDACTED } from './redact-mask.js';
import { maskCardNumbers } from './redact-pan.js';
import { maskSecrets } from './redact-secrets.js';

const BEARER = /\bBearer\s+[^\s"',;]+/gi;
// The whole dotted token is taken in one go and checked after, so matching never backtracks; any
// letter case, since an echo may have changed it.
const JWT = /\beyJ[\w-]*(?:\.[\w-]*)*/gi;
// Keys whose value is a secret whatever it looks like: `"pin": "1234"`, `cvc=123`, `code: …`.
// `status code: 500`, `postal code: 94105` and their kind are not activation codes.
const SECRET_KEY = String.raw`pin|cvc2?|cvv2?|csc|otp|card[_-]?(?:cvc|cvv|pin|number)|number|pan|(?:card[_-]?)?exp(?:ir(?:y|e|ation))?(?:[_-]?(?:date|month|year))?|security[_-]?code|activation[_-]?code|(?<!(?:status|error|response|http|exit|reason|postal|zip|country|currency|phone|area|promo|discount|merchant|language|region)[\s_-]?)code|sensitive|sensetive|api[_-]?token|access[_-]?token|password`;
const QUOTE = String.raw`(?:\\?["'])`;
// A character of a query value: `&` and its encodings (`%26`, `%2526`) end the field.
const QUERY_CHAR = String.raw`(?:[^\s,;}&%]|%(?!(?:25)?26))`;
// A key written as the last segment of a URL path (`POST /cards/c1/pin: 500`) names an endpoint.
// In an echoed query string, encoded once, twice or not at all, each field is its own key (`?expDate=12%2F2029`,
// `%3Fcvc%3D123%26pan%3D…`).
const KEY_CONTEXT = new RegExp(
  String.raw`(${QUOTE}?(?<!\/)(?:\b|(?<=%(?:25)?[\dA-Fa-f]{2}))(?:${SECRET_KEY})\b${QUOTE}?\s*(?:[:=]|%(?:25)?3[Dd])\s*)(\\?"[^"]{0,256}"|\\?'[^']{0,256}'|\p{Nd}(?:[ .-]?\p{Nd}){0,30}(?![^\s,;}&])|${QUERY_CHAR}*(?:[^\s,;}&%.]|%(?!(?:25)?26)))`,
  'giu',
);
/** Anything that needs the slow path: a digit, a key separator, a credential, a code word. */
const WORTH_A_LOOK = /[\p{Nd}:=]|bearer|eyj|activation|otp|one.?time/iu;
const DIGIT = /\p{Nd}/u;
const KEY_SEPARATOR = /[:=]|%(?:25)?3d/i;

/**
 * Masks every secret in a string, by meaning rather than by spelling:
 * - the known secret values (the API token, a PIN or activation code the call sent) in every
 *   encoding: as is, regrouped, URL- or form-encoded, JSON-escaped, base64, hex, any letter case;
 * - `Bearer …` credentials and JWT-shaped tokens;
 * - card numbers in any digits and separators, to `•••• 1234` (see `maskCardNumbers`);
 * - values of secret keys (`"pin": "1234"`, `?expDate=12%2F2029`) and values next to card-data words (`CVC 737`,
 *   `exp 12/29`, `activation code 4821-7710`).
 *
 * Innocent text (amounts, dates, ids, phone numbers, "PIN must be 4 digits") comes back as it
 * was. Text without digits, key separators, credentials or known secrets returns at once.
 */
export function redact(text: string, secrets: Iterable<string> = []): string {
  let out = maskSecrets(text, secrets);
  if (!WORTH_A_LOOK.test(out)) return out;
  out = out.replace(BEARER, `Bearer ${REDACTED}`).replace(JWT, (token: string) => {
    if (!token.includes('.')) return token;
    const dots = /\.*$/.exec(token)?.[0] ?? ''; // a full stop after the token is the sentence's
    return REDACTED + dots;
  });
  const digits = DIGIT.test(out);
  if (digits) out = maskCardNumbers(out);
  if (KEY_SEPARATOR.test(out))
    out = out.replace(KEY_CONTEXT, (match: string, key: string, value: string) =>
      value.startsWith('•') ? match : `${key}${REDACTED}`,
    );
  return maskCardData(out);
}
