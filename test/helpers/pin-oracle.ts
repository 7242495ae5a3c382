// The PIN oracle: the expected rule for any PIN under each preset, written from the rule table
// (W1–W8, in evaluation order) independently of src/pins/rules.ts. It shares no code or data with
// the implementation: 4-digit rejection sets are generated constructively, longer PINs are judged
// with substring and regex tests. Used by test/pins/rules.test.ts (the exhaustive sweeps) and by
// the reliability suite's client check, so there is one oracle.
import type { PinPreset, PinRule } from '../../src/pins/rules.js';

// biome-ignore format: ten entries per row, like the published table
const TOP_20 = [
  '1234', '1111', '0000', '1212', '7777', '1004', '2000', '4444', '2222', '6969',
  '9999', '3333', '5555', '6666', '1122', '1313', '8888', '4321', '2001', '1010',
];

// biome-ignore format: the W6 keypad shapes, one row
const KEYPAD = [
  '2580', '0852', '1470', '0741', '3690', '0963', '1379', '9731', '3197',
  '7913', '1590', '0951', '2468', '8642', '1357', '7531', '1236', '6321',
];

/** `n` as a PIN of `length` digits, zero-padded. */
export const pad = (n: number, length: number): string => String(n).padStart(length, '0');

function run(start: number, delta: 1 | -1, length: number, wrap: boolean): string | undefined {
  let out = '';
  for (let i = 0; i < length; i++) {
    const d = start + delta * i;
    if (!wrap && (d < 0 || d > 9)) return undefined;
    out += String((d + 10 * length) % 10);
  }
  return out;
}

function collect(fn: (add: (pin: string | undefined) => void) => void): ReadonlySet<string> {
  const set = new Set<string>();
  fn((pin) => {
    if (pin !== undefined) set.add(pin);
  });
  return set;
}

const DIGITS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The 4-digit rule sets, each built by enumeration. */
export const W4D = {
  repeated: collect((add) => {
    for (const d of DIGITS) add(String(d).repeat(4));
  }),
  ascendingNoWrap: collect((add) => {
    for (const d of DIGITS) add(run(d, 1, 4, false));
  }),
  descendingNoWrap: collect((add) => {
    for (const d of DIGITS) add(run(d, -1, 4, false));
  }),
  runWithWrap: collect((add) => {
    for (const d of DIGITS) {
      add(run(d, 1, 4, true));
      add(run(d, -1, 4, true));
    }
  }),
  common: new Set(TOP_20),
  year: collect((add) => {
    for (let y = 1900; y <= 2099; y++) add(String(y));
  }),
  abab: collect((add) => {
    for (const a of DIGITS) for (const b of DIGITS) if (a !== b) add(`${a}${b}${a}${b}`);
  }),
  aabb: collect((add) => {
    for (const a of DIGITS) for (const b of DIGITS) if (a !== b) add(`${a}${a}${b}${b}`);
  }),
  abba: collect((add) => {
    for (const a of DIGITS) for (const b of DIGITS) if (a !== b) add(`${a}${b}${b}${a}`);
  }),
  keypad: new Set(KEYPAD),
  date: collect((add) => {
    DAYS.forEach((days, index) => {
      const mm = pad(index + 1, 2);
      for (let day = 1; day <= days; day++) {
        add(`${mm}${pad(day, 2)}`);
        add(`${pad(day, 2)}${mm}`);
      }
    });
  }),
};

/** How many distinct PINs the sets hold together. */
export const unionSize = (...sets: ReadonlySet<string>[]): number =>
  new Set(sets.flatMap((s) => [...s])).size;

/** Expected rule per rejected 4-digit PIN; sets are added in evaluation order so the first rule wins. */
export function oracle4(preset: PinPreset): ReadonlyMap<string, PinRule> {
  const expected = new Map<string, PinRule>();
  const add = (set: ReadonlySet<string>, rule: PinRule): void => {
    for (const pin of set) if (!expected.has(pin)) expected.set(pin, rule);
  };
  add(W4D.repeated, 'PIN_REPEATED');
  if (preset === 'bfinance') {
    add(W4D.ascendingNoWrap, 'PIN_SEQUENCE');
    return expected;
  }
  add(W4D.runWithWrap, 'PIN_SEQUENCE');
  add(W4D.common, 'PIN_COMMON');
  add(W4D.year, 'PIN_YEAR');
  add(W4D.abab, 'PIN_PATTERN');
  add(W4D.aabb, 'PIN_PATTERN');
  add(W4D.keypad, 'PIN_PATTERN');
  if (preset === 'strict') {
    add(W4D.abba, 'PIN_PATTERN');
    add(W4D.date, 'PIN_DATE');
  }
  return expected;
}

const ASCENDING = '0123456789';
const ASCENDING_WRAPPED = ASCENDING.repeat(3);
const DESCENDING_WRAPPED = '9876543210'.repeat(3);
const triples = (wrap: boolean): RegExp => {
  const alternatives: string[] = [];
  for (const d of DIGITS) {
    for (const delta of [1, -1] as const) {
      const t = run(d, delta, 3, wrap);
      if (t !== undefined) alternatives.push(t);
    }
  }
  return new RegExp(alternatives.join('|'));
};
/** Three-digit ±1 runs, wrapping 9→0 (W8) or not. */
export const TRIPLE_RUN_WRAP = triples(true);
export const TRIPLE_RUN_NO_WRAP = triples(false);
/** Three identical digits in a row (W8). */
export const SAME_THREE = /(\d)\1\1/;
const ALL_SAME = /^(\d)\1*$/;

/** Expected rule for a PIN of 5+ digits (strings only, so it cannot share the implementation's tricks). */
export function oracleLong(pin: string, preset: PinPreset): PinRule | undefined {
  if (ALL_SAME.test(pin)) return 'PIN_REPEATED';
  if (preset === 'bfinance') return ASCENDING.includes(pin) ? 'PIN_SEQUENCE' : undefined;
  if (ASCENDING_WRAPPED.includes(pin) || DESCENDING_WRAPPED.includes(pin)) return 'PIN_SEQUENCE';
  if (pin.length < 6) return undefined;
  if (TRIPLE_RUN_WRAP.test(pin)) return 'PIN_SEQUENCE';
  if (SAME_THREE.test(pin)) return 'PIN_PATTERN';
  return undefined;
}

const BY_PRESET = new Map<PinPreset, ReadonlyMap<string, PinRule>>();

/** The rule the preset must reject an all-digit PIN of 4 or more digits with, or undefined. */
export function expectedPinRule(pin: string, preset: PinPreset): PinRule | undefined {
  if (pin.length !== 4) return oracleLong(pin, preset);
  let table = BY_PRESET.get(preset);
  if (!table) {
    table = oracle4(preset);
    BY_PRESET.set(preset, table);
  }
  return table.get(pin);
}
