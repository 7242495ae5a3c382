import { isFaultKind, type SandboxFaultKind } from './fault-table.js';
import type { SandboxFaultMatch, SandboxFaultOptions, SandboxFaultSpec } from './options.js';

/** A fault waiting for matching requests. */
export interface QueuedFault {
  readonly kind: SandboxFaultKind;
  remaining: number;
  readonly match: SandboxFaultMatch | undefined;
  readonly ms: number | undefined;
  readonly retryAfter: string | undefined;
  readonly status: number | undefined;
  readonly bytes: number | undefined;
}

function matches(match: SandboxFaultMatch | undefined, method: string, path: string): boolean {
  if (match === undefined) return true;
  if (match.method !== undefined && match.method.toUpperCase() !== method) return false;
  if (match.path === undefined) return true;
  if (typeof match.path === 'string') return match.path === path;
  // A global or sticky RegExp keeps state between calls; start every test from the beginning.
  match.path.lastIndex = 0;
  return match.path.test(path);
}

/** Faults in the order they were queued; a request takes the first one that matches it. */
export class FaultQueue {
  readonly #queue: QueuedFault[] = [];

  /**
   * Queues a fault.
   *
   * @throws RangeError for an unknown kind or a `times` that is not a positive integer.
   */
  add(kind: SandboxFaultKind, options: SandboxFaultOptions = {}): void {
    if (!isFaultKind(kind)) throw new RangeError(`Unknown sandbox fault kind: ${String(kind)}`);
    const times = options.times ?? 1;
    if (!Number.isInteger(times) || times < 1) throw new RangeError('Fault times must be a positive integer');
    const { status, bytes } = options;
    if (status !== undefined && (!Number.isInteger(status) || status < 200 || status > 599))
      throw new RangeError('Fault status must be an HTTP status from 200 to 599');
    if (bytes !== undefined && (!Number.isInteger(bytes) || bytes < 1))
      throw new RangeError('Fault bytes must be a positive integer');
    this.#queue.push({
      kind,
      remaining: times,
      match: options.match,
      ms: options.ms,
      retryAfter: options.retryAfter,
      status: options.status,
      bytes: options.bytes,
    });
  }

  /** Queues every fault of a list. */
  addAll(specs: readonly SandboxFaultSpec[]): void {
    for (const { kind, ...options } of specs) this.add(kind, options);
  }

  /** Drops every queued fault. */
  clear(): void {
    this.#queue.length = 0;
  }

  /** Consumes one use of the first fault matching the request, if any. */
  take(method: string, path: string): QueuedFault | undefined {
    const index = this.#queue.findIndex((f) => matches(f.match, method, path));
    const fault = this.#queue[index];
    if (fault === undefined) return undefined;
    fault.remaining -= 1;
    if (fault.remaining === 0) this.#queue.splice(index, 1);
    return fault;
  }

  /** How many faults are still queued. */
  get size(): number {
    return this.#queue.length;
  }

  /** How many uses are left across every queued fault (a fault with `times: 3` counts 3). */
  get pending(): number {
    return this.#queue.reduce((sum, f) => sum + f.remaining, 0);
  }
}
