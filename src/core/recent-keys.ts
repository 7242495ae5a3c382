/** How many keys each generation holds: a client remembers at least this many of its newest keys. */
const LIMIT = 10_000;

/**
 * A fingerprint of a request, not its text: two 32-bit FNV-1a style hashes folded into one 53-bit
 * number (a number, not a string: building the string cost twice the hashing on every call).
 */
function fingerprint(text: string): number {
  let a = 0x811c9dc5;
  let b = 0x9747b28c ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0) * 0x200000 + (b >>> 11);
}

/**
 * The `Idempotency-Key`s one client sent recently, each with a fingerprint of the request it
 * carried, so the client can refuse to send one key with two different requests (bfinance answers
 * that with an error, after the fact). Bounded: it keeps the newest {@link LIMIT} keys at least
 * and twice that at most, in two generations; when the newer one is full the older is dropped
 * whole (evicting the oldest key one by one made a full client's every call scan a Map's holes).
 */
export class RecentKeys {
  #newer = new Map<string, number>();
  #older = new Map<string, number>();

  /**
   * Records `key` for this request: `new` for a key not seen before, `same` for one sent with this
   * request before, `conflict` for one sent with a different request (nothing is recorded then).
   */
  claim(key: string, method: string, url: string, body: string | undefined): 'new' | 'same' | 'conflict' {
    const print = fingerprint(`${method} ${url}\n${body ?? ''}`);
    const seen = this.#newer.get(key) ?? this.#older.get(key);
    if (seen !== undefined) return seen === print ? 'same' : 'conflict';
    if (this.#newer.size >= LIMIT) {
      this.#older = this.#newer;
      this.#newer = new Map();
    }
    this.#newer.set(key, print);
    return 'new';
  }

  /** Forgets `key`: a definite refusal did nothing, so the key may carry a mended request. */
  release(key: string): void {
    this.#newer.delete(key);
    this.#older.delete(key);
  }
}
