/**
 * The abort signal of one attempt, fired by the transport on the attempt's timeout or the caller's
 * abort. On Node 20 a real `AbortSignal` costs ~3 µs to create, and undici's listener bookkeeping
 * on it adds several more; together ~6% of a whole request (bench/README.md). This stand-in has
 * what undici reads (`aborted`, `reason`, `addEventListener`/`removeEventListener` for `abort`)
 * and becomes a real `AbortSignal` only when a sender asks for one ({@link toAbortSignal}, fetch).
 */
export class AttemptSignal {
  #aborted = false;
  #listeners: Array<() => void> | undefined;
  #controller: AbortController | undefined;

  /** True once {@link abort} ran. */
  get aborted(): boolean {
    return this.#aborted;
  }

  /** Always undefined: senders classify an abort by `aborted`, never by its reason. */
  get reason(): undefined {
    return undefined;
  }

  /** Itself: it is its own controller, as {@link AttemptController} asks. */
  get signal(): AttemptSignal {
    return this;
  }

  /** Adds an `abort` listener; each runs at most once (the signal aborts once). */
  addEventListener(type: string, listener: () => void, _options?: { once?: boolean }): void {
    if (type !== 'abort' || this.#aborted) return;
    this.#listeners ??= [];
    this.#listeners.push(listener);
  }

  /** Removes an `abort` listener. */
  removeEventListener(type: string, listener: () => void): void {
    const listeners = this.#listeners;
    if (type !== 'abort' || !listeners) return;
    const index = listeners.indexOf(listener);
    if (index !== -1) listeners.splice(index, 1);
  }

  /** Fires the signal: listeners run in order; a throwing one is reported like an EventTarget's. */
  abort(): void {
    if (this.#aborted) return;
    this.#aborted = true;
    const listeners = this.#listeners;
    this.#listeners = undefined;
    this.#controller?.abort();
    if (!listeners) return;
    for (const listener of listeners) {
      try {
        listener();
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  /** A real `AbortSignal` that follows this one (created on first use, then reused). */
  toAbortSignal(): AbortSignal {
    if (!this.#controller) {
      this.#controller = new AbortController();
      if (this.#aborted) this.#controller.abort();
    }
    return this.#controller.signal;
  }
}

/** The `AbortSignal` to hand to an API that needs a real one (fetch). */
export function toAbortSignal(signal: AbortSignal | AttemptSignal): AbortSignal {
  // Not `instanceof`: a bundle for fetch alone then carries no AttemptSignal class.
  return (signal as Partial<AttemptSignal>).toAbortSignal?.() ?? (signal as AbortSignal);
}
