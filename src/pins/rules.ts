import { COMMON_PINS } from './common.js';
import {
  hasRunOfThree,
  hasTriple,
  isAscendingRun,
  isAsciiDigits,
  isDate,
  isFourDigitPattern,
  isRepeated,
  isWrappedRun,
  isYear,
} from './shapes.js';

/**
 * Identifier of the first rule a PIN broke, so apps can show targeted guidance.
 *
 * Rules are evaluated in the order listed here (and in `PIN_RULES`); the first match wins.
 */
export type PinRule =
  | 'PIN_FORMAT'
  | 'PIN_LENGTH'
  | 'PIN_REPEATED'
  | 'PIN_SEQUENCE'
  | 'PIN_COMMON'
  | 'PIN_YEAR'
  | 'PIN_PATTERN'
  | 'PIN_DATE';

/**
 * Named rule set for {@link checkPin}.
 *
 * - `bfinance`: only what the bfinance guide prohibits: all digits identical, and an ascending run by one
 *   without wrap-around (`0123`, `6789`, `345678`; not `7890`, not `4321`). Rejects 17 of the 10,000
 *   four-digit PINs.
 * - `recommended` (default): all digits identical; step +1 or -1 runs with wrap-around (`7890`, `9012`,
 *   `3210`); for 4 digits also the DataGenetics top 20, years 1900–2099, `ABAB`, `AABB` and keypad
 *   patterns; for 6+ digits also any three identical or three consecutive digits (Interlace style, with
 *   wrap-around). Rejects 427 of 10,000 four-digit and 109,050 of 1,000,000 six-digit PINs.
 * - `strict`: `recommended` plus `ABBA` and calendar dates (MMDD or DDMM) for 4 digits, which puts it near
 *   the ~10% block rate Markert et al. (IEEE S&P 2020) found worthwhile. Rejects 1,055 of 10,000
 *   four-digit PINs; identical to `recommended` for 6+ digits.
 */
export type PinPreset = 'bfinance' | 'recommended' | 'strict';

/** Options for {@link checkPin}; omitted fields take the defaults (`recommended`, exactly 4 digits). */
export interface PinPolicy {
  /** Rule set to apply; defaults to `recommended`. */
  preset?: PinPreset;
  /**
   * Allowed PIN length: a number for an exact length, or an inclusive range. Defaults to exactly 4, the
   * length the bfinance API reference documents. Must be integers within 4–12 (ISO 9564-1).
   */
  length?:
    | number
    | {
        /** Shortest allowed PIN. */
        min: number;
        /** Longest allowed PIN. */
        max: number;
      };
}

/** Outcome of {@link checkPin}; on rejection `message` is the fixed text of the rule and never echoes the PIN. */
export type PinCheckResult =
  | {
      /** The PIN passes every rule of the policy. */
      ok: true;
    }
  | {
      /** The PIN breaks a rule. */
      ok: false;
      /** The rule it breaks. */
      rule: PinRule;
      /** The rule's fixed description, safe to show the cardholder. */
      message: string;
    };

/** Every preset name accepted by {@link checkPin}, from the most lenient to the strictest. */
export const PIN_PRESETS: readonly PinPreset[] = Object.freeze([
  'bfinance',
  'recommended',
  'strict',
] as const);

/** Every rule id, in evaluation order. */
export const PIN_RULES: readonly PinRule[] = Object.freeze([
  'PIN_FORMAT',
  'PIN_LENGTH',
  'PIN_REPEATED',
  'PIN_SEQUENCE',
  'PIN_COMMON',
  'PIN_YEAR',
  'PIN_PATTERN',
  'PIN_DATE',
] as const);

/** Shortest PIN ISO 9564-1 and the bfinance guide allow. */
export const PIN_MIN_LENGTH = 4;
/** Longest PIN ISO 9564-1 and the bfinance guide allow. */
export const PIN_MAX_LENGTH = 12;

// No digit characters in these texts: they must never look like they leak the PIN, and they stay the
// same whatever length the policy allows.
const DESCRIPTIONS: Readonly<Record<PinRule, string>> = Object.freeze({
  PIN_FORMAT:
    'The PIN must be text made only of the digits zero to nine, with no spaces or other characters.',
  PIN_LENGTH: 'The PIN does not have the number of digits this card requires.',
  PIN_REPEATED: 'The PIN uses the same digit throughout; choose a mix of different digits.',
  PIN_SEQUENCE:
    'The PIN is a simple sequence such as an ascending or descending run; choose digits that do not follow each other.',
  PIN_COMMON: 'The PIN is one of the most commonly used PINs; choose one that is harder to guess.',
  PIN_YEAR: 'The PIN looks like a year; avoid birth years and other memorable years.',
  PIN_PATTERN:
    'The PIN follows an easy pattern such as repeated pairs, a line on the keypad or the same digit several times in a row; choose a less regular combination.',
  PIN_DATE: 'The PIN looks like a calendar date; avoid birthdays and other dates.',
});

type Rejection = { readonly ok: false; readonly rule: PinRule; readonly message: string };

// Shared frozen results keep checkPin allocation-free on the hot path.
const OK: { readonly ok: true } = Object.freeze({ ok: true as const });
const REJECT = Object.fromEntries(
  PIN_RULES.map((rule) => [rule, Object.freeze({ ok: false as const, rule, message: DESCRIPTIONS[rule] })]),
) as Readonly<Record<PinRule, Rejection>>;

const COMMON_SET: ReadonlySet<string> = new Set(COMMON_PINS);

const BFINANCE = 0;
const RECOMMENDED = 1;
const STRICT = 2;
type Level = typeof BFINANCE | typeof RECOMMENDED | typeof STRICT;

interface ResolvedPolicy {
  readonly level: Level;
  readonly min: number;
  readonly max: number;
}

const PRESET_POLICIES: Readonly<Record<PinPreset, ResolvedPolicy>> = Object.freeze({
  bfinance: Object.freeze({ level: BFINANCE, min: 4, max: 4 }),
  recommended: Object.freeze({ level: RECOMMENDED, min: 4, max: 4 }),
  strict: Object.freeze({ level: STRICT, min: 4, max: 4 }),
});

// Policy errors never echo the offending value: a caller mixing up arguments could pass a PIN there.
function presetPolicy(preset: unknown): ResolvedPolicy {
  if (preset === 'bfinance' || preset === 'recommended' || preset === 'strict')
    return PRESET_POLICIES[preset];
  throw new RangeError('Unknown PIN preset: expected "bfinance", "recommended" or "strict".');
}

function assertLengthBound(value: unknown, what: string): asserts value is number {
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < PIN_MIN_LENGTH ||
    value > PIN_MAX_LENGTH
  ) {
    throw new RangeError(
      `PIN policy ${what} must be an integer from ${PIN_MIN_LENGTH} to ${PIN_MAX_LENGTH} (ISO 9564-1).`,
    );
  }
}

function resolvePolicy(policy: PinPreset | PinPolicy | undefined): ResolvedPolicy {
  if (policy === undefined) return PRESET_POLICIES.recommended;
  if (typeof policy === 'string') return presetPolicy(policy);
  if (typeof policy !== 'object' || policy === null) {
    throw new RangeError('PIN policy must be a preset name or a policy object.');
  }
  const base = policy.preset === undefined ? PRESET_POLICIES.recommended : presetPolicy(policy.preset);
  const length: unknown = policy.length;
  if (length === undefined) return base;
  if (typeof length === 'number') {
    assertLengthBound(length, 'length');
    return { level: base.level, min: length, max: length };
  }
  if (typeof length === 'object' && length !== null) {
    const { min, max } = length as { min?: unknown; max?: unknown };
    assertLengthBound(min, 'length.min');
    assertLengthBound(max, 'length.max');
    if (min > max) throw new RangeError('PIN policy length.min must not be greater than length.max.');
    return { level: base.level, min, max };
  }
  throw new RangeError('PIN policy length must be a number or a { min, max } range.');
}

/**
 * Checks a cardholder-chosen PIN locally and returns the first rule it breaks.
 *
 * Pure and synchronous, with no I/O, so it runs in browsers and edge runtimes and can be used to give
 * feedback before the PIN is sent. It only adds client-side strictness: bfinance's server-side rules are
 * unknown, so passing here does not guarantee the API accepts the PIN.
 *
 * Rules are evaluated in this order, the first match wins:
 * 1. `PIN_FORMAT`: not a string, or empty, or anything other than ASCII `0`–`9`. Numbers are rejected
 *    because `0123` would silently become `123`.
 * 2. `PIN_LENGTH`: length outside the policy (default exactly 4).
 * 3. `PIN_REPEATED`: all digits identical.
 * 4. `PIN_SEQUENCE`: `bfinance` — the whole PIN ascends by one without wrap-around. `recommended` and
 *    `strict` — the whole PIN steps by +1 or -1 with wrap-around, and for 6+ digits any three
 *    consecutive digits do (`890`, `098`).
 * 5. `PIN_COMMON` (4 digits, `recommended`/`strict`): DataGenetics top 20.
 * 6. `PIN_YEAR` (4 digits, `recommended`/`strict`): 1900–2099.
 * 7. `PIN_PATTERN` (`recommended`/`strict`): for 4 digits `ABAB`, `AABB`, keypad shapes, and `ABBA` in
 *    `strict`; for 6+ digits any three identical consecutive digits.
 * 8. `PIN_DATE` (4 digits, `strict`): MMDD or DDMM, February taken as 29 days.
 *
 * The common, year, pattern and date rules are defined on 4 digits only, and the three-in-a-row rules
 * (W8) come from a 6-digit scheme (Interlace), so 5-digit PINs get only the repeated and whole-PIN
 * sequence rules. Three-in-a-row repetition is reported as `PIN_PATTERN` rather than `PIN_REPEATED` so
 * that `PIN_REPEATED` keeps meaning "every digit the same".
 *
 * @param pin - Candidate PIN; anything other than a string of ASCII digits fails with `PIN_FORMAT`.
 * @param policy - Preset name or policy; defaults to `recommended` with exactly 4 digits.
 * @returns `{ ok: true }`, or the first broken rule with its fixed, PIN-free message.
 * @throws RangeError when the policy itself is invalid (unknown preset, length not an integer in 4–12,
 *   or `min > max`); the message never includes the PIN or the offending value.
 */
export function checkPin(pin: unknown, policy?: PinPreset | PinPolicy): PinCheckResult {
  // The policy is validated first so a programming error surfaces even when the input is also bad.
  const { level, min, max } = resolvePolicy(policy);
  if (typeof pin !== 'string' || !isAsciiDigits(pin)) return REJECT.PIN_FORMAT;
  const n = pin.length;
  if (n < min || n > max) return REJECT.PIN_LENGTH;
  if (isRepeated(pin)) return REJECT.PIN_REPEATED;
  if (level === BFINANCE) return isAscendingRun(pin) ? REJECT.PIN_SEQUENCE : OK;
  if (isWrappedRun(pin) || (n >= 6 && hasRunOfThree(pin))) return REJECT.PIN_SEQUENCE;
  if (n === 4) {
    if (COMMON_SET.has(pin)) return REJECT.PIN_COMMON;
    if (isYear(pin)) return REJECT.PIN_YEAR;
    if (isFourDigitPattern(pin, level === STRICT)) return REJECT.PIN_PATTERN;
    if (level === STRICT && isDate(pin)) return REJECT.PIN_DATE;
    return OK;
  }
  if (n >= 6 && hasTriple(pin)) return REJECT.PIN_PATTERN;
  return OK;
}

/**
 * One-sentence explanation of a rule, suitable to show a cardholder.
 *
 * The text is fixed per rule and contains no digit characters, so it can never reveal the PIN.
 *
 * @throws RangeError for an unknown rule id.
 */
export function describePinRule(rule: PinRule): string {
  if (!Object.hasOwn(DESCRIPTIONS, rule)) throw new RangeError('Unknown PIN rule id.');
  return DESCRIPTIONS[rule];
}
