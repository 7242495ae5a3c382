/** The most keys one client remembers; the oldest is forgotten first. */
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
 * that with an error, after the fact). Bounded: it keeps the newest {@link LIMIT} keys.
 */
export class RecentKeys {
  readonly #prints = new Map<string, string>();

  /**
   * Records `key` for this request: `new` for a key not seen before, `same` for one sent with this
   * request before, `conflict` for one sent with a different request (nothing is recorded then).
   */
  claim(key: string, method: string, url: string, body: string | undefined): 'new' | 'same' | 'conflict' {
    const print = fingerprint(`${method} ${url}\n${body ?? ''}`);
    const seen = this.#prints.get(key);
    if (seen !== undefined) return seen === print ? 'same' : 'conflict';
    if (this.#prints.size >= LIMIT) {
      const oldest = this.#prints.keys().next();
      if (!oldest.done) this.#prints.delete(oldest.value);
    }
    this.#prints.set(key, print);
    return 'new';
  }

  /** Forgets `key`: a definite refusal did nothing, so the key may carry a mended request. */
  release(key: string): void {
    this.#prints.delete(key);
  }
}
