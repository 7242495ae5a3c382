/**
 * Where the receiver remembers the events it accepted, to answer a repeated delivery without
 * calling `onEvent` again. `claim` must be atomic: of two deliveries of one event, only one gets
 * `true`. Both methods may be sync or async (a database with a unique key fits).
 */
export interface WebhookEventStore {
  /** Marks `id` as taken; true when it was free, false when it was already claimed. */
  claim(id: string): boolean | Promise<boolean>;
  /** Frees `id` again after `onEvent` threw, so a redelivery is processed. */
  release(id: string): void | Promise<void>;
}

/**
 * The default store: the last `max` ids (default 10,000) in this process's memory. It forgets on
 * restart and is not shared between processes or instances, so behind a load balancer, or when a
 * duplicate must never reach `onEvent` twice, give the receiver a shared store instead.
 */
export function memoryEventStore(max = 10_000): WebhookEventStore {
  const ids = new Set<string>();
  return {
    claim: (id) => {
      if (ids.has(id)) return false;
      ids.add(id);
      // A Set iterates in insertion order: the first id is the oldest.
      if (ids.size > max) ids.delete(ids.values().next().value as string);
      return true;
    },
    release: (id) => {
      ids.delete(id);
    },
  };
}
