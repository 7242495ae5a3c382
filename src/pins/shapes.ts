import { KEYPAD_PINS } from './common.js';

// The shapes a PIN can have, as predicates over its digits; rules.ts decides which ones a policy refuses.

const KEYPAD_SET: ReadonlySet<string> = new Set(KEYPAD_PINS);

// Indexed by month 1–12. February has 29 days so that leap-day birthdays (`0229`, `2902`) count as dates.
const DAYS_IN_MONTH: readonly number[] = Object.freeze([0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);

/** Char code of `0`; digits are compared as char codes to avoid allocating substrings. */
const ZERO = 48;

/** True when the PIN is one or more ASCII digits. */
export function isAsciiDigits(pin: string): boolean {
  if (pin.length === 0) return false;
  for (let i = 0; i < pin.length; i++) {
    const c = pin.charCodeAt(i);
    if (c < ZERO || c > ZERO + 9) return false;
  }
  return true;
}

/** True when every digit is the same. */
export function isRepeated(pin: string): boolean {
  const first = pin.charCodeAt(0);
  for (let i = 1; i < pin.length; i++) if (pin.charCodeAt(i) !== first) return false;
  return true;
}

/** Step between two digits modulo 10: 1 means +1 (9 then 0 counts), 9 means -1 (0 then 9 counts). */
function step(pin: string, i: number): number {
  return (pin.charCodeAt(i) - pin.charCodeAt(i - 1) + 10) % 10;
}

/** Whole PIN ascends by one without wrap-around: the only sequence rule the bfinance guide states. */
export function isAscendingRun(pin: string): boolean {
  for (let i = 1; i < pin.length; i++) if (pin.charCodeAt(i) - pin.charCodeAt(i - 1) !== 1) return false;
  return true;
}

/** Whole PIN is a +1 or -1 run with wrap-around (W2). */
export function isWrappedRun(pin: string): boolean {
  const s = step(pin, 1);
  if (s !== 1 && s !== 9) return false;
  for (let i = 2; i < pin.length; i++) if (step(pin, i) !== s) return false;
  return true;
}

/** Any three consecutive digits that ascend or descend by one, with wrap-around (sequence half of W8). */
export function hasRunOfThree(pin: string): boolean {
  for (let i = 2; i < pin.length; i++) {
    const s = step(pin, i);
    if ((s === 1 || s === 9) && step(pin, i - 1) === s) return true;
  }
  return false;
}

/** Any three identical consecutive digits (repetition half of W8). */
export function hasTriple(pin: string): boolean {
  for (let i = 2; i < pin.length; i++) {
    const c = pin.charCodeAt(i);
    if (c === pin.charCodeAt(i - 1) && c === pin.charCodeAt(i - 2)) return true;
  }
  return false;
}

function twoDigits(pin: string, i: number): number {
  return (pin.charCodeAt(i) - ZERO) * 10 + pin.charCodeAt(i + 1) - ZERO;
}

function isMonthDay(month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= (DAYS_IN_MONTH[month] ?? 0);
}

/** Four-digit PIN is a year 1900–2099 (W4). */
export function isYear(pin: string): boolean {
  const century = twoDigits(pin, 0);
  return century === 19 || century === 20;
}

/** Four-digit `ABAB`, `AABB` (W5) or keypad shape (W6); with `abba`, also `ABBA`. A ≠ B throughout. */
export function isFourDigitPattern(pin: string, abba: boolean): boolean {
  const a = pin.charCodeAt(0);
  const b = pin.charCodeAt(1);
  const c = pin.charCodeAt(2);
  const d = pin.charCodeAt(3);
  if (a === c && b === d && a !== b) return true;
  if (a === b && c === d && a !== c) return true;
  if (abba && a === d && b === c && a !== b) return true;
  return KEYPAD_SET.has(pin);
}

/** Four-digit PIN reads as MMDD or DDMM (W7). */
export function isDate(pin: string): boolean {
  const head = twoDigits(pin, 0);
  const tail = twoDigits(pin, 2);
  return isMonthDay(head, tail) || isMonthDay(tail, head);
}
