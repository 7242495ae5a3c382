import { ValidationError } from '../core/errors.js';

/** What a cursor holds: the floor date and the transactions seen at or above it. */
export interface FeedState {
  /** Transactions dated before it are past the lateness bound (ms since the epoch; -Infinity: none). */
  floor: number;
  /** Id → fingerprint (status and amount) and date (ms, rounded up to the second). */
  seen: Map<string, { fp: string; at: number }>;
  /** True once a whole read found the listing newest first (and no read since saw it broken). */
  verified: boolean;
}

type Entry = [id: string, fp: string, seconds: number | null];

function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/** Encodes a state as an opaque, URL-safe string. */
export function encodeCursor(state: FeedState): string {
  const seen: Entry[] = [...state.seen].map(([id, { fp, at }]) => [
    id,
    fp,
    Number.isFinite(at) ? Math.ceil(at / 1000) : null,
  ]);
  const floor = Number.isFinite(state.floor) ? state.floor : null;
  return toBase64Url(JSON.stringify({ v: 1, f: floor, o: state.verified ? 1 : 0, s: seen }));
}

function isEntry(value: unknown): value is Entry {
  return (
    Array.isArray(value) &&
    value.length === 3 &&
    typeof value[0] === 'string' &&
    typeof value[1] === 'string' &&
    (value[2] === null || Number.isSafeInteger(value[2]))
  );
}

/**
 * Decodes a cursor made by {@link encodeCursor}.
 *
 * @throws {ValidationError} when `cursor` is not one.
 */
export function decodeCursor(cursor: unknown, operation: string): FeedState {
  let parsed: { v?: unknown; f?: unknown; o?: unknown; s?: unknown } | undefined;
  try {
    parsed = typeof cursor === 'string' ? JSON.parse(fromBase64Url(cursor)) : undefined;
  } catch {
    parsed = undefined;
  }
  const floor = parsed?.f;
  if (
    parsed?.v !== 1 ||
    !(floor === null || Number.isSafeInteger(floor)) ||
    (parsed.o !== 0 && parsed.o !== 1) ||
    !Array.isArray(parsed.s) ||
    !parsed.s.every(isEntry)
  ) {
    throw new ValidationError('cursor is not a cursor this feed returned.', {
      field: 'cursor',
      rule: 'format',
      operation,
      hint: 'Pass the cursor string of the previous result unchanged, or leave it out to start.',
    });
  }
  const seen = new Map<string, { fp: string; at: number }>();
  for (const [id, fp, seconds] of parsed.s as Entry[])
    seen.set(id, { fp, at: seconds === null ? Number.NEGATIVE_INFINITY : seconds * 1000 });
  return {
    floor: floor === null ? Number.NEGATIVE_INFINITY : (floor as number),
    seen,
    verified: parsed.o === 1,
  };
}
