/** How many keys each generation holds: a client remembers at least this many of its newest keys. */
const LIMIT = 10_000;
// Slots per generation, a power of two: a generation is never more than 61% full.
const SLOTS = 16_384;

// The key's hash at [0, 1], its request's at [2, 3]: a slot's layout. Claims are synchronous.
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

/** One generation: open addressing over 4-word slots; word 1 is 0 when empty, 2 when released. */
class Generation {
  readonly slots = new Uint32Array(SLOTS * 4);
  /** Keys put, released ones included, so a probe always reaches an empty slot. */
  size = 0;

  /** Where the key hashed in `H` is, or -1. */
  find(): number {
    for (let i = (H[0] as number) & (SLOTS - 1); ; i = (i + 1) & (SLOTS - 1)) {
      const tag = this.slots[i * 4 + 1];
      if (tag === 0) return -1;
      if (tag === H[1] && this.slots[i * 4] === H[0]) return i * 4;
    }
  }

  /** Puts the key and request hashed in `H` (the key is not here). */
  put(): void {
    let i = (H[0] as number) & (SLOTS - 1);
    while (((this.slots[i * 4 + 1] as number) & 1) === 1) i = (i + 1) & (SLOTS - 1);
    this.slots.set(H, i * 4);
    this.size++;
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
  // Built on the first claim: a client that sends no keyed call allocates nothing.
  #generations: Generation[] = [];

  /**
   * Records `key` for this request: `new` for a key not seen before, `same` for one sent with this
   * request before, `conflict` for one sent with a different request (nothing is recorded then).
   */
  claim(key: string, method: string, url: string, body: string | undefined): 'new' | 'same' | 'conflict' {
    hashInto(key, 0);
    hashInto(`${method} ${url}\n${body ?? ''}`, 2);
    for (const generation of this.#generations) {
      const at = generation.find();
      if (at === -1) continue;
      const slots = generation.slots;
      return slots[at + 2] === H[2] && slots[at + 3] === H[3] ? 'same' : 'conflict';
    }
    let newer = this.#generations[0];
    if (newer === undefined || newer.size >= LIMIT) {
      const older = this.#generations[1];
      newer = older ?? new Generation();
      if (older) {
        older.slots.fill(0);
        older.size = 0;
      }
      this.#generations = this.#generations[0] ? [newer, this.#generations[0]] : [newer];
    }
    newer.put();
    return 'new';
  }

  /** Forgets `key`: a definite refusal did nothing, so the key may carry a mended request. */
  release(key: string): void {
    hashInto(key, 0);
    for (const generation of this.#generations) {
      const at = generation.find();
      if (at !== -1) generation.slots[at + 1] = 2;
    }
  }
}
