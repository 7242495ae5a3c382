import type { JournalStore } from '../../src/bulk/index.js';

/** A journal store in memory, as a database-backed one would be; `lines` is its content. */
export interface MemoryStore extends JournalStore {
  /** The stored lines. */
  readonly stored: string[];
  /** The lock as stored. */
  lock: string | undefined;
}

/** A fresh in-memory journal store. */
export function memoryStore(): MemoryStore {
  const store: MemoryStore = {
    stored: [],
    lock: undefined,
    async lines() {
      return [...store.stored];
    },
    async append(lines) {
      store.stored.push(...lines);
    },
    async dropLast() {
      store.stored.pop();
    },
    async readLock() {
      return store.lock;
    },
    async swapLock(expected, next) {
      if (store.lock !== expected) return false;
      store.lock = next;
      return true;
    },
  };
  return store;
}
