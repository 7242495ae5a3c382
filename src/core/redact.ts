import { isLuhnValid } from './luhn.js';

const INSPECT = Symbol.for('nodejs.util.inspect.custom');
const REDACTED = '[REDACTED]';

/** Kinds of secret the SDK wraps; each decides how the value is masked. */
export type SensitiveKind = 'pan' | 'cvc' | 'expiry' | 'pin' | 'code' | 'token';

/** Masks a card number to its last four digits, e.g. `•••• 1234`. */
export function maskPan(pan: string): string {
  const digits = pan.replace(/\D/g, '');
  return digits.length >= 4 ? `•••• ${digits.slice(-4)}` : REDACTED;
}

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
    const digits = this.#value.replace(/\D/g, '');
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

/** Names of keys whose values are secrets whatever they look like (compared lower-case). */
const SECRET_KEYS: ReadonlySet<string> = new Set([
  'pin',
  'cvc',
  'cvv',
  'cvv2',
  'cardcvc',
  'number',
  'cardnumber',
  'pan',
  'expire',
  'expiry',
  'cardexpire',
  'cardexpiry',
  'activationcode',
  'code',
  'sensitive',
  'sensetive',
  'authorization',
  'apitoken',
  'token',
]);

/** True when a property name holds a secret, so its value must never be shown. */
export function isSecretKey(key: string): boolean {
  return SECRET_KEYS.has(key.toLowerCase());
}

const BEARER = /\bBearer\s+[^\s"',;]+/gi;
const JWT = /\beyJ[\w-]*\.[\w-]+\.[\w-]*/g;
// 13–19 digits, optionally split by single spaces or dashes; the Luhn check below decides.
const DIGIT_RUN = /(?<![\d])\d(?:[ -]?\d){12,18}(?![\d])/g;
// `"pin": "1234"`, `cvc=123`, `number: 4111…` inside free text such as a server message.
const KEY_CONTEXT =
  /((?:"|')?\b(?:pin|cvc|cvv2?|cardCVC|number|cardNumber|pan|expire|expiry|cardExpire|cardExpiry|code|activationCode|sensitive|sensetive)\b(?:"|')?\s*[:=]\s*)("[^"]*"|'[^']*'|[^\s,;}&]+)/gi;

/**
 * Masks every secret in a string: the known secret values, `Bearer …` credentials,
 * JWT-shaped tokens, Luhn-valid 13–19 digit card numbers and values of secret keys.
 */
export function redact(text: string, secrets: Iterable<string> = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join(REDACTED);
  }
  return out
    .replace(BEARER, `Bearer ${REDACTED}`)
    .replace(JWT, REDACTED)
    .replace(KEY_CONTEXT, (_m, key: string) => `${key}${REDACTED}`)
    .replace(DIGIT_RUN, maskRun);
}

/**
 * Masks a digit run that is a card number, or that holds one once separator-delimited groups at
 * its ends are dropped: the regex takes the longest run, so a PAN written next to another number
 * (`4111… 12/25`, `4111…-123`, `12 4111 …`) would otherwise fail the Luhn check and stay in clear.
 */
function maskRun(run: string): string {
  const digits = run.replace(/[ -]/g, '');
  if (digits.length < 13) return run;
  if (isLuhnValid(digits)) return maskPan(digits);
  const head = /^\d+[ -]/.exec(run)?.[0];
  if (head !== undefined) {
    const rest = run.slice(head.length);
    const masked = maskRun(rest);
    if (masked !== rest) return head + masked;
  }
  const tail = /[ -]\d+$/.exec(run)?.[0];
  if (tail !== undefined) {
    const rest = run.slice(0, -tail.length);
    const masked = maskRun(rest);
    if (masked !== rest) return masked + tail;
  }
  return run;
}

/**
 * A deep copy of `value` safe to log: secret keys replaced whatever their value, strings passed
 * through {@link redact}, {@link Sensitive} values masked. The original is never changed.
 */
export function redactValue(value: unknown, secrets: Iterable<string> = [], depth = 0): unknown {
  if (typeof value === 'string') return redact(value, secrets);
  if (value instanceof Sensitive) return value.toString();
  if (value === null || typeof value !== 'object') return value;
  if (depth > 8) return '[Truncated]';
  if (Array.isArray(value)) return value.map((item) => redactValue(item, secrets, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = isSecretKey(key) ? REDACTED : redactValue(item, secrets, depth + 1);
  }
  return out;
}
