import { luhnCheckDigit } from '../core/luhn.js';

/** A source of 32-bit unsigned integers. */
export type NextUint32 = () => number;

/** FNV-1a over the text: turns any seed into 32 bits. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: tiny, fast and good enough for ids and test card numbers (not for secrets). */
function mulberry32(seed: number): NextUint32 {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

function randomSeed(): string {
  // Web Crypto keeps the module usable in browsers (msw) as well as Node.
  const words = new Uint32Array(2);
  globalThis.crypto.getRandomValues(words);
  return `${words[0]}:${words[1]}`;
}

/**
 * Independent deterministic streams derived from one seed, so that for example an error answer
 * (which draws an `errorId`) never shifts the ids of the cards issued after it.
 */
export class SandboxRandom {
  readonly #seed: string;
  readonly #streams = new Map<string, NextUint32>();
  readonly #issued = new Set<string>();

  constructor(seed: number | string | undefined) {
    this.#seed = seed === undefined ? randomSeed() : String(seed);
  }

  #stream(name: string): NextUint32 {
    let next = this.#streams.get(name);
    if (next === undefined) {
      next = mulberry32(hash32(`${this.#seed}/${name}`));
      this.#streams.set(name, next);
    }
    return next;
  }

  #digits(stream: string, count: number): string {
    const next = this.#stream(stream);
    let out = '';
    for (let i = 0; i < count; i++) out += String(next() % 10);
    return out;
  }

  #unique(make: () => string): string {
    for (;;) {
      const value = make();
      if (!this.#issued.has(value)) {
        this.#issued.add(value);
        return value;
      }
    }
  }

  /** Reserves a caller-chosen id so generated ids never collide with it. */
  reserve(value: string): void {
    this.#issued.add(value);
  }

  /** A fresh 24-char lowercase hex id, like bfinance's. */
  id(): string {
    const next = this.#stream('ids');
    return this.#unique(() => {
      let out = '';
      for (let i = 0; i < 3; i++) out += next().toString(16).padStart(8, '0');
      return out;
    });
  }

  /** A fresh UUID-shaped external card id. */
  externalId(): string {
    const next = this.#stream('external');
    return this.#unique(() => {
      let hex = '';
      for (let i = 0; i < 4; i++) hex += next().toString(16).padStart(8, '0');
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    });
  }

  /** A fresh Luhn-valid 16-digit test PAN in the 4111 11xx family, digits only. */
  pan(): string {
    return this.#unique(() => {
      const partial = `411111${this.#digits('pan', 9)}`;
      return partial + luhnCheckDigit(partial);
    });
  }

  /** A 3-digit CVC. */
  cvc(): string {
    return this.#digits('cvc', 3);
  }

  /** A month 1–12 for a card expiry. */
  month(): number {
    return (this.#stream('expiry')() % 12) + 1;
  }

  /** A physical-card activation code shaped like `1234-5678`. */
  activationCode(): string {
    return `${this.#digits('activation', 4)}-${this.#digits('activation', 4)}`;
  }

  /** A fresh transaction id for a ledger movement, from its own stream so card ids stay put. */
  movementId(): string {
    const next = this.#stream('movements');
    return this.#unique(() => {
      let out = '';
      for (let i = 0; i < 3; i++) out += next().toString(16).padStart(8, '0');
      return out;
    });
  }

  /** A fraction in [0, 1), from its own stream (webhook faults), so ids stay put. */
  fraction(): number {
    return this.#stream('fraction')() / 2 ** 32;
  }

  /** An `errorId` for an error answer. */
  errorId(): string {
    const next = this.#stream('errors');
    let out = '';
    for (let i = 0; i < 3; i++) out += next().toString(16).padStart(8, '0');
    return out;
  }
}
