import { describe, expect, it } from 'vitest';
import { CardsClient } from '../../src/client.js';
import type { PinPreset, PinRule } from '../../src/index.js';
import { newStats, report, type SuiteStats } from './config.js';

// reliability.md §6.3, PINs: every 4-digit and every 6-digit PIN (the full spaces take under 2 s,
// so the fast run checks them all too) through client.pins.check for each preset, against an oracle written here from the rule table of
// reliability.md §2.5, with its own technique (digit arrays and arithmetic, no shared lists).

const client = new CardsClient({ apiToken: 'pin-suite-token-unused' });

// DataGenetics top 20 and the W6 keypad shapes, as printed in reliability.md §2.4 and §2.5.
const TOP_20 = new Set(
  '1234 1111 0000 1212 7777 1004 2000 4444 2222 6969 9999 3333 5555 6666 1122 1313 8888 4321 2001 1010'.split(
    ' ',
  ),
);
const KEYPAD = new Set(
  '2580 0852 1470 0741 3690 0963 1379 9731 3197 7913 1590 0951 2468 8642 1357 7531 1236 6321'.split(' '),
);
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const digitsOf = (pin: string): number[] => [...pin].map(Number);
const allSame = (d: number[]): boolean => d.every((x) => x === d[0]);
/** Each step is +1 (no wrap): 0123, 6789, 012345. */
const ascendingNoWrap = (d: number[]): boolean =>
  d.every((x, i) => i === 0 || x === (d[i - 1] as number) + 1);
/** Each step is the same ±1 modulo 10: 7890, 9012, 3210, 0987. */
const wrappedRun = (d: number[]): boolean =>
  [1, 9].some((step) => d.every((x, i) => i === 0 || x === ((d[i - 1] as number) + step) % 10));
const isDate = (a: number, b: number): boolean =>
  a >= 1 && a <= 12 && b >= 1 && b <= (MONTH_DAYS[a - 1] as number);

/** The first broken rule for a 4-digit PIN, or undefined when the preset accepts it. */
function oracle4(pin: string, preset: PinPreset): PinRule | undefined {
  const d = digitsOf(pin);
  const [a, b, c, e] = d as [number, number, number, number];
  if (allSame(d)) return 'PIN_REPEATED';
  if (preset === 'bfinance') return ascendingNoWrap(d) ? 'PIN_SEQUENCE' : undefined;
  if (wrappedRun(d)) return 'PIN_SEQUENCE';
  if (TOP_20.has(pin)) return 'PIN_COMMON';
  const n = Number(pin);
  if (n >= 1900 && n <= 2099) return 'PIN_YEAR';
  const abab = a === c && b === e && a !== b;
  const aabb = a === b && c === e && a !== c;
  const abba = a === e && b === c && a !== b;
  if (abab || aabb || KEYPAD.has(pin) || (preset === 'strict' && abba)) return 'PIN_PATTERN';
  const head = a * 10 + b;
  const tail = c * 10 + e;
  if (preset === 'strict' && (isDate(head, tail) || isDate(tail, head))) return 'PIN_DATE';
  return undefined;
}

/** The first broken rule for a 6-digit PIN (W1, W2, W8; `strict` adds nothing beyond 4 digits). */
function oracle6(pin: string, preset: PinPreset): PinRule | undefined {
  const d = digitsOf(pin);
  if (allSame(d)) return 'PIN_REPEATED';
  if (preset === 'bfinance') return ascendingNoWrap(d) ? 'PIN_SEQUENCE' : undefined;
  let runOfThree = false;
  let triple = false;
  for (let i = 2; i < d.length; i++) {
    const x = d[i - 2] as number;
    const y = d[i - 1] as number;
    const z = d[i] as number;
    if ((y === (x + 1) % 10 && z === (y + 1) % 10) || (y === (x + 9) % 10 && z === (y + 9) % 10))
      runOfThree = true;
    if (x === y && y === z) triple = true;
  }
  if (wrappedRun(d) || runOfThree) return 'PIN_SEQUENCE';
  if (triple) return 'PIN_PATTERN';
  return undefined;
}

const stats: SuiteStats = newStats('4 PIN spaces');
const started = Date.now();

interface Tally {
  checked: number;
  rejected: number;
  disagreements: string[];
  messagesWithDigits: number;
}

function sweep(length: 4 | 6, preset: PinPreset): Tally {
  const tally: Tally = { checked: 0, rejected: 0, disagreements: [], messagesWithDigits: 0 };
  const policy = { preset, length };
  const oracle = length === 4 ? oracle4 : oracle6;
  for (let n = 0; n < 10 ** length; n++) {
    const pin = String(n).padStart(length, '0');
    const verdict = client.pins.check(pin, { policy });
    const expected = oracle(pin, preset);
    tally.checked += 1;
    if (!verdict.ok) {
      tally.rejected += 1;
      if (/\d/.test(verdict.message) || verdict.message.includes(pin)) tally.messagesWithDigits += 1;
    }
    const got = verdict.ok ? undefined : verdict.rule;
    if (got !== expected && tally.disagreements.length < 10)
      tally.disagreements.push(`${pin}: ${got} vs ${expected}`);
  }
  stats.cases += tally.checked;
  return tally;
}

describe('PIN spaces against an independent oracle', () => {
  it.each([
    ['bfinance', 17],
    ['recommended', 427],
    ['strict', 1_055],
  ] as const)(
    'all 10,000 four-digit PINs, %s preset: rejects exactly %i, no digit in any message',
    (preset, count) => {
      const tally = sweep(4, preset);
      expect(tally.checked).toBe(10_000);
      expect(tally.disagreements).toEqual([]);
      expect(tally.rejected).toBe(count);
      expect(tally.messagesWithDigits).toBe(0);
    },
  );

  it.each([
    ['bfinance', 15],
    ['recommended', 109_050],
    ['strict', 109_050],
  ] as const)(
    'all 1,000,000 six-digit PINs, %s preset: rejects exactly %i, no digit in any message',
    (preset, count) => {
      const tally = sweep(6, preset);
      expect(tally.checked).toBe(1_000_000);
      expect(tally.disagreements).toEqual([]);
      expect(tally.rejected).toBe(count);
      expect(tally.messagesWithDigits).toBe(0);
    },
  );

  it('reports', (context) => {
    stats.elapsedMs = Date.now() - started;
    report(context, stats);
    expect(stats.cases).toBe(3 * 10_000 + 3 * 1_000_000);
  });
});
