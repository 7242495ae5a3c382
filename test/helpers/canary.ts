import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import fc from 'fast-check';
import type { Logger } from '../../src/core/logger.js';
import { checkPin } from '../../src/pins/rules.js';

/** Where a canary showed up and which one. */
export interface CanaryHit {
  where: string;
  what: string;
}

const FULL = { depth: Number.POSITIVE_INFINITY, showHidden: true } as const;

/** A JWT-shaped token nobody else could produce. */
export function jwtCanary(): string {
  const part = (bytes: number): string => randomBytes(bytes).toString('base64url');
  return `eyJ${part(18)}.${part(40)}.${part(30)}`;
}

// Secret keys followed by a value that is not a mask: `"cvc":"123"`, `pin=4821`, `cardExpire: 07/29`.
const CVC_CONTEXT = /\b(?:cvc|cvv2?|card_?cvc)["'\\]*\s*[:=]\s*["'\\]*\d{3,4}\b/i;
const PIN_CONTEXT = /\bpin["'\\]*\s*[:=]\s*["'\\]*\d{4,12}\b/i;
const EXPIRY_CONTEXT = /\b(?:expire|expiry|card_?expire)["'\\]*\s*[:=]\s*["'\\]*\d{2}\/\d{2}\b/i;
const CODE_CONTEXT = /\b(?:code|activation_?code)["'\\]*\s*[:=]\s*["'\\]*\d{4}-\d{4}\b/i;
// Idempotency keys are random hex and errors carry ISO timestamps (`startedAt`, `endedAt`): a
// 3-digit CVC turns up in one by chance now and then (`2026-…`, `….123Z`), which is no leak.
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const ISO_TIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z/g;

/** `"pin":"1234"`, `cvc=123`, `cardExpire: 07/29`, `number: 123`… for one known short secret. */
function keyContext(value: string): RegExp {
  const escaped = value.replace(/[/]/g, '\\/');
  return new RegExp(
    `(pin|cvc|cvv2?|cardCVC|expire|cardExpire|code|number|cardNumber)["'\\\\]*\\s*[:=]\\s*["'\\\\]*${escaped}`,
    'i',
  );
}

/**
 * The one canary scanner of the test suite (unit and reliability tests). It scans every text the
 * SDK produces, or that a caller could render from what it returned or threw, for planted secrets:
 * the token (whole or any of its parts), every known PAN with and without separators (and its first
 * twelve digits), any CVC, PIN, expiry date or activation code in key context, the known short
 * secrets (PINs, CVCs, expiries) under any card-data key, and the activation codes bare. `message`
 * texts (SDK-made sentences and rendered values, no stack traces or timings) are also searched for
 * the known short secrets bare. Texts are scanned as they arrive and then dropped, so a long soak
 * does not hold its logs in memory.
 */
export class CanaryScanner {
  readonly tokens = new Set<string>();
  readonly #pans = new Set<string>();
  readonly #codes = new Set<string>();
  readonly #pins = new Set<string>();
  readonly #short = new Map<string, { what: string; context: RegExp }>();
  /** Every hit, in order. */
  readonly hits: CanaryHit[] = [];
  /** How many texts were scanned. */
  scanned = 0;

  /** Starts with one JWT-shaped API token. */
  constructor(readonly token: string = jwtCanary()) {
    this.tokens.add(token);
  }

  /** Adds a PAN (any format) to look for. */
  addPan(pan: string): void {
    this.#pans.add(pan.replace(/\D/g, ''));
  }

  /** Adds an activation code to look for, bare. */
  addCode(code: string): void {
    this.#codes.add(code);
  }

  /** Adds a PIN to look for in SDK-made messages (bare digits) as well as in key context. */
  addPin(pin: string): void {
    this.#pins.add(pin);
    this.#addShort('PIN', pin);
  }

  /** Adds a CVC to look for under card-data keys, and bare in `message` texts. */
  addCvc(cvc: string): void {
    this.#addShort('CVC', cvc);
  }

  /** Adds an expiry date (MM/YY) to look for under card-data keys, and bare in `message` texts. */
  addExpiry(expiry: string): void {
    this.#addShort('expiry', expiry);
  }

  #addShort(what: string, value: string): void {
    this.#short.set(value, { what, context: keyContext(value) });
  }

  /** Adds another token (e.g. a wrong one a test sends on purpose). */
  addToken(token: string): void {
    this.tokens.add(token);
  }

  /** Records every canary in `text`. `message` texts (SDK-made sentences) are also searched for bare PINs. */
  scan(where: string, text: string, kind: 'output' | 'message' = 'output'): void {
    this.scanned += 1;
    const hit = (what: string): void => {
      this.hits.push({ where, what });
    };
    for (const token of this.tokens) {
      if (text.includes(token)) hit('token');
      for (const part of token.split('.').slice(1))
        if (part.length > 8 && text.includes(part)) hit('token part');
    }
    if (this.#pans.size > 0 && /\d/.test(text)) {
      const squeezed = text.replace(/[\s-]/g, '');
      for (const pan of this.#pans) {
        if (squeezed.includes(pan)) hit('PAN');
        else if (squeezed.includes(pan.slice(0, 12))) hit('PAN digits');
      }
    }
    if (CVC_CONTEXT.test(text)) hit('CVC in key context');
    if (PIN_CONTEXT.test(text)) hit('PIN in key context');
    if (EXPIRY_CONTEXT.test(text)) hit('expiry in key context');
    if (CODE_CONTEXT.test(text)) hit('activation code in key context');
    for (const code of this.#codes) if (text.includes(code)) hit('activation code');
    const withoutKeys =
      kind === 'message' && this.#short.size > 0
        ? text.replace(UUID, '<key>').replace(ISO_TIME, '<time>')
        : '';
    for (const [value, { what, context }] of this.#short) {
      if (context.test(text)) hit(`${what} in key context`);
      if (kind === 'message' && withoutKeys.includes(value)) hit(`bare ${what}`);
    }
  }

  /** Scans every way a caller might print a value: `String`, `JSON.stringify`, full `util.inspect`, and an error's message. */
  scanValue(where: string, value: unknown): void {
    this.scan(`${where} inspect`, inspect(value, FULL));
    let json = '';
    try {
      json = JSON.stringify(value) ?? '';
    } catch {
      json = '';
    }
    this.scan(`${where} JSON`, json);
    this.scan(`${where} String`, String(value));
    if (value instanceof Error) {
      this.scan(`${where} message`, value.message, 'message');
      const hint = (value as { hint?: unknown }).hint;
      if (typeof hint === 'string') this.scan(`${where} hint`, hint, 'message');
      if (value.cause !== undefined) this.scanValue(`${where} cause`, value.cause);
    }
  }

  /** A logger that scans every event it receives (at any level) and keeps a count. */
  logger(counter: { lines: number } = { lines: 0 }): Logger {
    const take = (level: string) => (fields: unknown, message: unknown) => {
      counter.lines += 1;
      this.scan(`log ${level}`, `${String(message)} ${inspect(fields, FULL)} ${JSON.stringify(fields)}`);
    };
    return { debug: take('debug'), info: take('info'), warn: take('warn'), error: take('error') };
  }

  /**
   * Scans everything written to stdout, stderr and the console until the returned function is
   * called. Console calls are swallowed (scanned, not printed); raw writes still go through.
   */
  captureStdio(): () => void {
    const out = process.stdout.write.bind(process.stdout);
    const err = process.stderr.write.bind(process.stderr);
    const original = {
      log: console.log,
      info: console.info,
      warn: console.warn,
      error: console.error,
      debug: console.debug,
    };
    const writer =
      (name: string, write: typeof out): typeof out =>
      (chunk: unknown, ...rest: unknown[]) => {
        this.scan(
          name,
          typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'),
        );
        return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
      };
    process.stdout.write = writer('stdout', out);
    process.stderr.write = writer('stderr', err);
    for (const name of Object.keys(original) as Array<keyof typeof original>) {
      console[name] = (...args: unknown[]) => this.scan(`console.${name}`, inspect(args, FULL));
    }
    return () => {
      process.stdout.write = out;
      process.stderr.write = err;
      Object.assign(console, original);
    };
  }
}

// Secrets one call sends, echoed back by a server in any encoding (issue #17 part 4).

/** A random 4–12 digit PIN the default policy accepts (no sequences, repeats, years…). */
export const pinArb: fc.Arbitrary<string> = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 4, maxLength: 12 })
  .map((digits) => digits.join(''))
  .filter((pin) => checkPin(pin).ok);

/** A random activation code: 6–12 letters or digits (at least 4 digits), as sent, maybe dashed. */
export const activationCodeArb: fc.Arbitrary<string> = fc
  .tuple(
    fc.string({
      unit: fc.constantFrom(...'0123456789ABCDEFGHJKLMNPQRSTUVWXYZ'),
      minLength: 6,
      maxLength: 12,
    }),
    fc.constantFrom('', '-', ' '),
  )
  .filter(([code]) => (code.match(/\d/g) ?? []).length >= 4)
  .map(([code, dash]) => (code.match(/.{1,4}/g) ?? []).join(dash));

/** A random API token with characters URL encoding changes (`+`, `=`). */
export const tokenArb: fc.Arbitrary<string> = fc
  .string({
    unit: fc.constantFrom(...'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789+=_'),
    minLength: 20,
    maxLength: 40,
  })
  .map((tail) => `tok_${tail}`);

const b64 = (text: string): string => Buffer.from(text).toString('base64');
const ungrouped = (secret: string): string => secret.replace(/[\s.-]/g, '');
const squeeze = (text: string): string => text.toLowerCase().replace(/%20|[\s.\-+]/g, '');

/** One way a server may echo a secret it received; `g` and `sep` regroup it. */
export type Echo = (secret: string) => string;

/** How many of {@link ECHOES} are encodings; the rest regroup the value. */
const ENCODINGS = 8;

/** Every encoding the SDK must mask: plain, URL, base64(url), hex, then regroupings; either case. */
export const ECHOES: ReadonlyArray<readonly [string, Echo]> = [
  ['plain', (s) => s],
  ['ungrouped', ungrouped],
  ['url', (s) => encodeURIComponent(s)],
  ['url twice', (s) => encodeURIComponent(encodeURIComponent(s))],
  ['base64', b64],
  ['base64 unpadded', (s) => b64(s).replace(/=+$/, '')],
  ['base64url', (s) => Buffer.from(s).toString('base64url')],
  ['hex', (s) => Buffer.from(s).toString('hex')],
  ...[2, 3, 4].flatMap((g) =>
    [' ', '-', '.', '%20', '+', ' - '].map(
      (sep) =>
        [
          `groups of ${g} by ${JSON.stringify(sep)}`,
          (s: string) => (ungrouped(s).match(new RegExp(`.{1,${g}}`, 'g')) ?? []).join(sep),
        ] as const,
    ),
  ),
];

/**
 * An echo of a secret from {@link ECHOES}, in its own case, upper case or lower case. Only PINs
 * and activation codes (`short`) are regrouped: an echo never regroups a token.
 */
export function echoArb(secret: string): fc.Arbitrary<readonly [string, string]> {
  const echoes = secret.length <= 16 ? ECHOES : ECHOES.slice(0, ENCODINGS);
  return fc
    .tuple(fc.constantFrom(...echoes), fc.constantFrom('as is', 'upper', 'lower'))
    .map(([[name, echo], casing]) => {
      const out = echo(secret);
      const cased = casing === 'upper' ? out.toUpperCase() : casing === 'lower' ? out.toLowerCase() : out;
      return [`${name}, ${casing}`, cased] as const;
    });
}

/** Stack frames, UUIDs and ISO timestamps: where short digit runs turn up by chance. */
function withoutNoise(text: string): string {
  return text
    .split('\n')
    .filter((line) => !/^\s*at\s/.test(line) && !/\.(?:ts|js|mjs):\d+/.test(line))
    .join('\n')
    .replace(UUID, '<key>')
    .replace(ISO_TIME, '<time>');
}

/**
 * Which of `secrets` show up in `text`, in any encoding of {@link ECHOES} or with separators
 * squeezed out (any case); an empty list when none does.
 */
export function echoedSecrets(text: string, secrets: readonly string[]): string[] {
  const clean = withoutNoise(text).toLowerCase();
  const squeezed = squeeze(clean);
  const found: string[] = [];
  for (const secret of secrets) {
    const forms = ECHOES.slice(0, ENCODINGS).map(([, echo]) => echo(secret).toLowerCase());
    if (forms.some((form) => clean.includes(form)) || squeezed.includes(squeeze(secret))) found.push(secret);
  }
  return found;
}
