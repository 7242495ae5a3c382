import type { ValidationError } from './errors.js';
import { redact } from './redact/index.js';
import { invalid } from './refuse.js';

/** Lower case, without `_` and `-`: `initial_balance`, `Initial-Balance` and `initialBalance` agree. */
function fold(name: string): string {
  return name.toLowerCase().replace(/[_-]/g, '');
}

/** Edits (insert, delete, substitute, swap two neighbours) that turn `a` into `b`. */
function distance(a: string, b: string): number {
  // Three rows of the optimal-string-alignment table: the one before last, the last, the current.
  let before: number[] = [];
  let last = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((last[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (last[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (before[j - 2] ?? 0) + 1);
      }
      row.push(best);
    }
    before = last;
    last = row;
  }
  return last[b.length] ?? 0;
}

/**
 * The known name `name` is most likely a typo of, or undefined when none is close: the same
 * name ignoring case, `_` and `-`, or within one edit of it (two for a known name of five letters
 * or more). On a tie the first of `known` wins.
 */
export function closestName(name: string, known: Iterable<string>): string | undefined {
  const folded = fold(name);
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    const target = fold(candidate);
    const allowed = target.length >= 5 ? 2 : 1;
    const d = distance(folded, target);
    if (d <= allowed && d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * The error for the unknown name `key`, written `prefix + key` where the caller sees it (redacted:
 * a secret may be pasted as a key): `…; did you mean <name>?` and "Rename …" when a known name is
 * close, else `.` and the hint `otherwise`.
 */
export function unknownField(
  prefix: string,
  key: string,
  known: Iterable<string>,
  what: string,
  otherwise: string,
  operation?: string,
): ValidationError {
  const field = redact(prefix + key);
  const close = closestName(key, known);
  const near = close === undefined ? undefined : prefix + close;
  return invalid(
    field,
    'unknown_field',
    `${field} is not ${what}${near ? `; did you mean ${near}?` : '.'}`,
    near ? `Rename ${field} to ${near}.` : otherwise,
    operation,
  );
}
