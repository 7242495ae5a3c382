/** How many keys each generation holds: a client remembers at least this many of its newest keys. */
const LIMIT = 10_000;
// Slots per generation, a power of two: a generation is never more than 61% full.
const MASK = 16_383;

// The key's two hashes at [0, 1], its request's at [2, 3]: one slot. Claims are synchronous.
const H = new Uint32Array(4);

/** Two 32-bit FNV-1a style hashes of `text` into `H[at]`, `H[at + 1]`; the second is odd. */
function hashInto(text: string, at: number): void {
  let a = 0x811c9dc5;
  let b = 0x9747b28c ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  H[at] = a;
  H[at + 1] = b | 1;
}

/** Where in `table` the key hashed in `H` is, or -1. A slot's word 1 is 0 when empty, 2 when released. */
function find(table: Uint32Array): number {
  for (let i = (H[0] as number) & MASK; ; i = (i + 1) & MASK) {
    const tag = table[i * 4 + 1];
    if (tag === 0) return -1;
    if (tag === H[1] && table[i * 4] === H[0]) return i * 4;
  }
}

/**
 * The `Idempotency-Key`s one client sent recently, each with a fingerprint of the request it
 * carried, so the client can refuse to send one key with two different requests (bfinance answers
 * that with an error, after the fact). Bounded: it keeps the newest {@link LIMIT} keys at least
 * and twice that at most, in two generations; when the newer one is full the older is emptied.
 * Keys and requests are kept as 64-bit hashes in typed arrays, not as strings in a Map: a Map
 * kept every key alive into the old generation and cost ~6 µs of GC per keyed call. Two
 * different keys hash alike with odds of ~10⁻¹⁴ per claim (then one reads as the other).
 */
export class RecentKeys {
  // Newer first; built on the first claim, so a client that sends no keyed call allocates nothing.
  #tables: Uint32Array[] | undefined;
  /** Keys put in the newer table, released ones included: a probe always reaches an empty slot. */
  #size = 0;

  /**
   * Records `key` for this request: `new` for a key not seen before, `same` for one sent with this
   * request before, `conflict` for one sent with a different request (nothing is recorded then).
   */
  claim(key: string, method: string, url: string, body: string | undefined): 'new' | 'same' | 'conflict' {
    hashInto(key, 0);
    hashInto(`${method} ${url}\n${body ?? ''}`, 2);
    this.#tables ??= [new Uint32Array((MASK + 1) * 4), new Uint32Array((MASK + 1) * 4)];
    const tables = this.#tables;
    for (const table of tables) {
      const at = find(table);
      if (at !== -1) return table[at + 2] === H[2] && table[at + 3] === H[3] ? 'same' : 'conflict';
    }
    // The newer table is full: the older one, emptied, becomes the newer.
    if (this.#size++ >= LIMIT) {
      tables.reverse()[0]?.fill(0);
      this.#size = 1;
    }
    const table = tables[0] as Uint32Array;
    let i = (H[0] as number) & MASK;
    while ((table[i * 4 + 1] as number) & 1) i = (i + 1) & MASK;
    table.set(H, i * 4);
    return 'new';
  }

  /** Forgets `key`: a definite refusal did nothing, so the key may carry a mended request. */
  release(key: string): void {
    hashInto(key, 0);
    for (const table of this.#tables ?? []) {
      const at = find(table);
      if (at !== -1) table[at + 1] = 2;
    }
  }
}
