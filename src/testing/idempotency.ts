import type { SandboxHttpResponse } from './router-types.js';

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}

/**
 * What makes two requests "the same" for an `Idempotency-Key`: method, path and body, where JSON
 * bodies are compared by value so key order and whitespace do not matter.
 */
export function fingerprint(method: string, path: string, bodyText: string): string {
  let body = bodyText;
  try {
    body = JSON.stringify(canonical(JSON.parse(bodyText)));
  } catch {
    // Not JSON: compare the raw text.
  }
  return `${method} ${path}\n${body}`;
}

/** The first answer given for each `Idempotency-Key`, replayed for identical retries. */
export class IdempotencyCache {
  readonly #entries = new Map<string, { fingerprint: string; response: SandboxHttpResponse }>();

  /** The stored answer, `'mismatch'` when the key was used for a different request, or undefined. */
  lookup(key: string, print: string): SandboxHttpResponse | 'mismatch' | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    return entry.fingerprint === print ? entry.response : 'mismatch';
  }

  /** Remembers the answer for a key. */
  save(key: string, print: string, response: SandboxHttpResponse): void {
    this.#entries.set(key, { fingerprint: print, response });
  }
}
