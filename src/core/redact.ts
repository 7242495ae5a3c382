import { digitsOf, maskPan, REDACTED } from './redact-mask.js';
import { redact } from './redact-text.js';

export { maskPan, redact };

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

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
    if (this.#kind !== 'pan') return undefined;
    const digits = digitsOf(this.#value);
    return digits.length >= 4 ? digits.slice(-4) : undefined;
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
  [INSPECT](): string {
    return `Sensitive<${this.#kind}>(${this.toString()})`;
  }
}

/**
 * Names of keys whose values are secrets whatever they look like, compared lower-case with `_` and
 * `-` dropped (so `card_number`, `Card-Number` and `cardNumber` are one key).
 */
const SECRET_KEYS: ReadonlySet<string> = new Set([
  'pin',
  'pincode',
  'cardpin',
  'cvc',
  'cvc2',
  'cvv',
  'cvv2',
  'csc',
  'cardcvc',
  'cardcvv',
  'securitycode',
  'cardsecuritycode',
  'number',
  'cardnumber',
  'pan',
  'primaryaccountnumber',
  'expire',
  'expiry',
  'expirydate',
  'cardexpire',
  'cardexpiry',
  'cardexpirydate',
  'activationcode',
  'code',
  'otp',
  'onetimepassword',
  'sensitive',
  'sensetive',
  'authorization',
  'apitoken',
  'apikey',
  'xapikey',
  'accesstoken',
  'refreshtoken',
  'clientsecret',
  'password',
  'token',
]);

/** True when a property name holds a secret, so its value must never be shown. */
export function isSecretKey(key: string): boolean {
  const name = key.toLowerCase().replace(/[_-]/g, '');
  // `cardCvv2`, `card_pin`: a secret name behind the `card` prefix is the same secret.
  return SECRET_KEYS.has(name) || (name.startsWith('card') && SECRET_KEYS.has(name.slice(4)));
}

/**
 * A deep copy of `value` safe to log: secret keys replaced whatever their value, strings (and
 * numbers that read as card numbers) passed through {@link redact}, {@link Sensitive} values masked. The original is never changed.
 */
export function redactValue(value: unknown, secrets: Iterable<string> = [], depth = 0): unknown {
  if (typeof value === 'string') return redact(value, secrets);
  if (value instanceof Sensitive) return value.toString();
  if (typeof value === 'number' || typeof value === 'bigint') {
    // A card number may arrive as a JSON number: it is masked like the same digits in a string.
    const text = String(value);
    const masked = redact(text, secrets);
    return masked === text ? value : masked;
  }
  if (value === null || typeof value !== 'object') return value;
  if (depth > 8) return '[Truncated]';
  if (Array.isArray(value)) return value.map((item) => redactValue(item, secrets, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = isSecretKey(key) ? REDACTED : redactValue(item, secrets, depth + 1);
  }
  return out;
}
