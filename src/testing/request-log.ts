import type { SandboxReply, SandboxRequest } from './router-types.js';
import { isFaultInstruction } from './router-types.js';

/** One request the sandbox answered: never a body, never a header but the idempotency key. */
export interface SandboxRequestLogEntry {
  /** HTTP method, upper case. */
  readonly method: string;
  /** Path relative to the API base, without the query. */
  readonly path: string;
  /** HTTP status answered; null when an injected fault sent no status line (reset, hang). */
  readonly status: number | null;
  /** The fault the answer was spoiled with, if any: `reset`, `hang`, `truncate`, `short` or `stall`. */
  readonly fault?: string;
  /** The request's `Idempotency-Key`, or null. */
  readonly idempotencyKey: string | null;
  /** When the request arrived, ISO 8601. */
  readonly at: string;
}

/** Keeps the newest entries only, so a sandbox left running for days stays small. */
const MAX_ENTRIES = 1000;

/** The sandbox's request log, newest last. */
export class RequestLog {
  #entries: SandboxRequestLogEntry[] = [];

  /** Records one answered request. */
  add(req: SandboxRequest, path: string, reply: SandboxReply, at: string): void {
    let key: string | null = null;
    for (const [name, value] of Object.entries(req.headers))
      if (name.toLowerCase() === 'idempotency-key' && value !== undefined) key = value;
    const fault = isFaultInstruction(reply) ? reply.fault : undefined;
    const status = 'status' in reply ? reply.status : null;
    const entry: SandboxRequestLogEntry = {
      method: req.method.toUpperCase(),
      path,
      status,
      ...(fault !== undefined ? { fault } : {}),
      idempotencyKey: key,
      at,
    };
    this.#entries.push(Object.freeze(entry));
    if (this.#entries.length > MAX_ENTRIES) this.#entries.splice(0, this.#entries.length - MAX_ENTRIES);
  }

  /** A copy of the entries, oldest first. */
  entries(): readonly SandboxRequestLogEntry[] {
    return Object.freeze([...this.#entries]);
  }

  /** Drops every entry. */
  clear(): void {
    this.#entries = [];
  }
}
