const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 8_000;
/** Longest `Retry-After` the SDK waits for; a longer one falls back to its own backoff. */
export const MAX_RETRY_AFTER_MS = 60_000;

/** Statuses worth another attempt of a read or state call. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

/** Full-jitter exponential backoff for retry number `retry` (0-based). */
export function backoffMs(retry: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** retry);
  return Math.floor(random() * ceiling);
}

/**
 * Parses `Retry-After` (delay in seconds or an HTTP-date) into milliseconds. Returns undefined when
 * absent, unparseable, negative or longer than {@link MAX_RETRY_AFTER_MS}.
 */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  let ms: number;
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    ms = Number(trimmed) * 1000;
  } else if (/[a-z]/i.test(trimmed)) {
    // An HTTP-date always names a month; V8 would otherwise read "-1" or "+3" as a year.
    const date = Date.parse(trimmed);
    if (Number.isNaN(date)) return undefined;
    ms = Math.max(0, date - now);
  } else {
    return undefined;
  }
  return ms <= MAX_RETRY_AFTER_MS ? Math.ceil(ms) : undefined;
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0 && !signal?.aborted) return Promise.resolve();
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
