/** How many keys each generation holds: a client remembers at least this many of its newest keys. */
const LIMIT = 10_000;

/** A short fingerprint of a request (length and two 32-bit FNV-1a style hashes), not its text. */
function fingerprint(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x9747b28c ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return `${text.length}.${(a >>> 0).toString(36)}.${(b >>> 0).toString(36)}`;
}

/**
 * The `Idempotency-Key`s one client sent recently, each with a fingerprint of the request it
 * carried, so the client can refuse to send one key with two different requests (bfinance answers
 * that with an error, after the fact). Bounded: it keeps the newest {@link LIMIT} keys at least
 * and twice that at most, in two generations; when the newer one is full the older is dropped
 * whole (evicting the oldest key one by one made a full client's every call scan a Map's holes).
 */
export class RecentKeys {
  #newer = new Map<string, string>();
  #older = new Map<string, string>();

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
