// The redactor: one entry, `redact`, masks every secret in a text; `redactValue` applies it to a
// copy of any value. Everything else in this folder is private to it.
import { panMasks, SECRET_KEY, wordMasks } from './card.js';
import { secretMasks } from './secrets.js';
import { applyMasks, digitsOf, REDACTED, view } from './view.js';

/** Masks a card number to its last four digits, e.g. `•••• 1234`. */
export function maskPan(pan: string): string {
  const digits = digitsOf(pan);
  return digits.length >= 4 ? `•••• ${digits.slice(-4)}` : REDACTED;
}

/** Kinds of secret the SDK wraps; each decides how the value is masked. */
export type SensitiveKind = 'pan' | 'cvc' | 'expiry' | 'pin' | 'code' | 'token';

/**
 * A secret value (PAN, CVC, expiry, PIN, activation code) that only leaves through `reveal()`.
 *
 * `String()`, template literals, `JSON.stringify` and `util.inspect` all show the mask
 * (`•••• 1234` for a PAN, `[REDACTED]` for the rest); the value sits in a private field that
 * reflection cannot reach.
 */
export class Sensitive {
  readonly #value: string;
  readonly #kind: SensitiveKind;

  /** Wraps `value`; the SDK does this for every secret a response carries. */
  constructor(value: string, kind: SensitiveKind) {
    this.#value = value;
    this.#kind = kind;
  }

  /** What kind of secret this is. */
  get kind(): SensitiveKind {
    return this.#kind;
  }

  /** The last four digits of a PAN (undefined for other kinds). */
  get last4(): string | undefined {
    const digits = digitsOf(this.#value);
    return this.#kind === 'pan' && digits.length >= 4 ? digits.slice(-4) : undefined;
  }

  /** The plain value. Call it only where the value is needed, and never log the result. */
  reveal(): string {
    return this.#value;
  }

  /** The masked form, safe to display and log. */
  toString(): string {
    return this.#kind === 'pan' ? maskPan(this.#value) : REDACTED;
  }

  /** The masked form, so `JSON.stringify` never serialises the secret. */
  toJSON(): string {
    return this.toString();
  }

  /** The masked form for `util.inspect` and `console.log`. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `Sensitive<${this.#kind}>(${this.toString()})`;
  }
}

// Keys whose values are secrets whatever they look like: those of text (card.ts) and credentials,
// compared lower-case with `_` and `-` dropped (`card_number`, `Card-Number`, `cardNumber`), with
// or without a `card` prefix.
const KEY = new RegExp(
  `^(?:card){0,2}(?:${SECRET_KEY}|pincode|primaryaccountnumber|onetimepassword|authorization|x?apikey|refreshtoken|clientsecret|token)$`,
);

/** True when a property name holds a secret, so its value must never be shown. */
export function isSecretKey(key: string): boolean {
  return KEY.test(key.toLowerCase().replace(/[_-]/g, ''));
}

const BEARER = /\bBearer\s+[^\s"',;]+/gi;
// The whole dotted token is taken in one go and checked after, so matching never backtracks; any
// letter case, since an echo may have changed it.
const JWT = /\beyJ[\w-]*(?:\.[\w-]*)*/gi;
/** Anything that needs a closer look: a digit, a key separator, a credential, a code word. */
const WORTH_A_LOOK = /[\p{Nd}:=]|bearer|eyj|activation|otp|one.?time/iu;

/**
 * Masks every secret in a string, by meaning rather than by spelling:
 * - the known secret values (the API token, a PIN or activation code the call sent) in every
 *   encoding: as is, regrouped, URL- or form-encoded, JSON-escaped, base64, hex, any letter case;
 * - `Bearer …` credentials and JWT-shaped tokens;
 * - card numbers in any digits and separators (also URL-encoded or HTML-escaped), to `•••• 1234`;
 * - values of secret keys (`"pin": "1234"`, `?expDate=12%2F2029`) and values next to card-data
 *   words (`CVC 737`, `exp 12/29`, `activation code 4821-7710`).
 *
 * It errs on the safe side: a number that could be a card number is masked whole, with whatever
 * digits are joined to it. Innocent text (amounts, dates, ids, phone numbers, "PIN must be 4
 * digits") almost always comes back as it was. Runs in time linear in the length of `text`.
 */
export function redact(text: string, secrets: Iterable<string> = []): string {
  let seen = view(text);
  let out = applyMasks(text, seen, secretMasks(seen.text, secrets));
  if (!WORTH_A_LOOK.test(out)) return out;
  out = out.replace(BEARER, `Bearer ${REDACTED}`).replace(JWT, (token: string) => {
    if (!token.includes('.')) return token;
    return REDACTED + (/\.*$/.exec(token)?.[0] ?? ''); // a full stop after the token is the sentence's
  });
  // Card numbers first, so a number under a key or after a word (a PIN long enough to read as a
  // card number) shows none of its digits.
  seen = view(out);
  out = applyMasks(out, seen, panMasks(seen, out));
  seen = view(out);
  return applyMasks(out, seen, wordMasks(seen.text));
}

/**
 * A deep copy of `value` safe to log: secret keys replaced whatever their value, strings (and
 * numbers that read as card numbers) passed through {@link redact}, {@link Sensitive} values
 * masked. The original is never changed.
 */
export function redactValue(value: unknown, secrets: Iterable<string> = [], depth = 0): unknown {
  if (typeof value === 'string') return redact(value, secrets);
  if (value instanceof Sensitive) return value.toString();
  if (typeof value === 'number' || typeof value === 'bigint') {
    // A card number may arrive as a JSON number: it is masked like the same digits in a string.
    const masked = redact(String(value), secrets);
    return masked === String(value) ? value : masked;
  }
  if (value === null || typeof value !== 'object') return value;
  if (depth > 8) return '[Truncated]';
  if (Array.isArray(value)) return value.map((item) => redactValue(item, secrets, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value))
    out[key] = isSecretKey(key) ? REDACTED : redactValue(item, secrets, depth + 1);
  return out;
}
