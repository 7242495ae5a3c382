import { describe, expect, it } from 'vitest';
import {
  checkPin,
  describePinRule,
  PIN_PRESETS,
  PIN_RULES,
  type PinPolicy,
  type PinPreset,
  type PinRule,
} from '../../src/pins/rules.js';
import {
  oracle4,
  oracleLong,
  pad,
  SAME_THREE,
  TRIPLE_RUN_NO_WRAP,
  TRIPLE_RUN_WRAP,
  unionSize,
  W4D,
} from '../helpers/pin-oracle.js';

const ruleOf = (pin: unknown, policy?: PinPreset | PinPolicy): PinRule | undefined => {
  const result = checkPin(pin, policy);
  return result.ok ? undefined : result.rule;
};

const FIXED_TEXTS = new Set(PIN_RULES.map(describePinRule));

// ---------------------------------------------------------------------------------------------------------

describe('oracle sanity (reproduces the published count of every 4-digit rule set and of W8)', () => {
  it('4-digit rule sets', () => {
    const w = W4D;
    expect(unionSize(w.repeated, w.ascendingNoWrap)).toBe(17);
    expect(unionSize(w.repeated, w.ascendingNoWrap, w.descendingNoWrap)).toBe(24);
    const baseline = [w.repeated, w.runWithWrap, w.common];
    expect(unionSize(...baseline)).toBe(38);
    const recommended = [...baseline, w.year, w.abab, w.aabb, w.keypad];
    expect(unionSize(...recommended)).toBe(427);
    expect(unionSize(...recommended, w.abba)).toBe(515);
    expect(unionSize(...recommended, w.abba, w.date)).toBe(1055);
  });

  it('W8 alone over 6 digits: 109,050 with wrap, 95,272 without', () => {
    let withWrap = 0;
    let withoutWrap = 0;
    for (let i = 0; i < 1_000_000; i++) {
      const pin = pad(i, 6);
      const same = SAME_THREE.test(pin);
      if (same || TRIPLE_RUN_WRAP.test(pin)) withWrap++;
      if (same || TRIPLE_RUN_NO_WRAP.test(pin)) withoutWrap++;
    }
    expect(withWrap).toBe(109_050);
    expect(withoutWrap).toBe(95_272);
  });
});

describe('checkPin exhaustive', () => {
  it('PIN_PRESETS lists the presets from lenient to strict', () => {
    expect(PIN_PRESETS).toEqual(['bfinance', 'recommended', 'strict']);
  });

  it.each([
    ['bfinance', 17],
    ['recommended', 427],
    ['strict', 1055],
  ] as const)('%s rejects exactly %i of the 10,000 four-digit PINs', (preset, count) => {
    let rejected = 0;
    for (let i = 0; i < 10_000; i++) if (!checkPin(pad(i, 4), preset).ok) rejected++;
    expect(rejected).toBe(count);
  });

  it.each(PIN_PRESETS)('%s matches the oracle rule by rule on all 4-digit PINs', (preset) => {
    const expected = oracle4(preset);
    const mismatches: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      const pin = pad(i, 4);
      const actual = ruleOf(pin, preset);
      if (actual !== expected.get(pin)) mismatches.push(`${pin}: ${actual} != ${expected.get(pin)}`);
    }
    expect(mismatches).toEqual([]);
  });

  it.each([
    ['bfinance', 15],
    ['recommended', 109_050],
    ['strict', 109_050],
  ] as const)(
    '%s matches the oracle on all 1,000,000 six-digit PINs (%i rejected), every message a fixed text without digits',
    (preset, count) => {
      const policy: PinPolicy = { preset, length: 6 };
      const mismatches: string[] = [];
      let rejected = 0;
      let messagesNotFixed = 0;
      for (let i = 0; i < 1_000_000; i++) {
        const pin = pad(i, 6);
        const result = checkPin(pin, policy);
        const actual = result.ok ? undefined : result.rule;
        if (!result.ok) {
          rejected++;
          if (result.message !== describePinRule(result.rule) || /\d/.test(result.message))
            messagesNotFixed++;
        }
        if (actual !== oracleLong(pin, preset) && mismatches.length < 20) mismatches.push(pin);
      }
      expect(mismatches).toEqual([]);
      expect(rejected).toBe(count);
      expect(messagesNotFixed).toBe(0);
    },
  );

  it.each(PIN_PRESETS)('%s matches the oracle on all 100,000 five-digit PINs', (preset) => {
    const mismatches: string[] = [];
    for (let i = 0; i < 100_000; i++) {
      const pin = pad(i, 5);
      if (ruleOf(pin, { preset, length: 5 }) !== oracleLong(pin, preset)) mismatches.push(pin);
    }
    expect(mismatches).toEqual([]);
  });

  it('defaults to recommended with exactly 4 digits', () => {
    for (let i = 0; i < 10_000; i++) {
      const pin = pad(i, 4);
      expect(ruleOf(pin)).toBe(ruleOf(pin, 'recommended'));
    }
    expect(ruleOf('1987')).toBe('PIN_YEAR');
    expect(ruleOf('58241')).toBe('PIN_LENGTH');
  });

  it('messages are the fixed rule texts and never contain the PIN', () => {
    const seen = new Set<string>();
    for (const preset of PIN_PRESETS) {
      for (let i = 0; i < 10_000; i++) {
        const pin = pad(i, 4);
        const result = checkPin(pin, preset);
        if (result.ok) continue;
        expect(result.message.includes(pin)).toBe(false);
        expect(result.message).toBe(describePinRule(result.rule));
        seen.add(result.message);
      }
    }
    for (const input of ['12a4', '58241']) {
      const result = checkPin(input);
      if (!result.ok) seen.add(result.message);
    }
    expect(seen).toEqual(FIXED_TEXTS);
  });
});

describe('describePinRule', () => {
  it('gives eight distinct one-sentence texts with no digit characters', () => {
    expect(PIN_RULES).toHaveLength(8);
    expect(FIXED_TEXTS.size).toBe(8);
    for (const text of FIXED_TEXTS) {
      expect(text).not.toMatch(/[0-9\u0660-\u0669\uFF10-\uFF19]/);
      expect(text).toMatch(/^[A-Z][^.]*\.$/);
    }
  });

  it('throws for an unknown rule id', () => {
    expect(() => describePinRule('PIN_NOPE' as PinRule)).toThrow(RangeError);
  });
});

describe('rules, examples and near misses', () => {
  it.each([
    ['number', 1234],
    ['inner space', '12 34'],
    ['full-width digits', '１２３４'],
    ['Arabic-Indic digits', '١٢٣٤'],
    ['empty string', ''],
    ['null', null],
    ['undefined', undefined],
    ['plus sign', '+123'],
    ['minus sign', '-123'],
    ['dot', '12.3'],
    ['trailing newline', '5824\n'],
    ['bigint', 5824n],
    ['String object', new String('5824')],
  ])('PIN_FORMAT: %s', (_label, input) => {
    for (const preset of PIN_PRESETS) expect(ruleOf(input, preset)).toBe('PIN_FORMAT');
  });

  it('PIN_FORMAT comes before PIN_LENGTH', () => {
    expect(ruleOf('58a')).toBe('PIN_FORMAT');
    expect(ruleOf('582419x')).toBe('PIN_FORMAT');
  });

  it('PIN_LENGTH uses the policy, default exactly 4', () => {
    expect(ruleOf('582')).toBe('PIN_LENGTH');
    expect(ruleOf('58241')).toBe('PIN_LENGTH');
    expect(ruleOf('5824')).toBeUndefined();
    expect(ruleOf('582419', { length: 6 })).toBeUndefined();
    expect(ruleOf('5824', { length: 6 })).toBe('PIN_LENGTH');
    const range: PinPolicy = { length: { min: 4, max: 12 } };
    expect(ruleOf('583920174628', range)).toBeUndefined();
    expect(ruleOf('583920174628', { preset: 'strict', length: { min: 12, max: 12 } })).toBeUndefined();
    expect(ruleOf('5839201746285', range)).toBe('PIN_LENGTH');
    expect(ruleOf('582', range)).toBe('PIN_LENGTH');
    expect(ruleOf('58241', { length: { min: 5, max: 6 } })).toBeUndefined();
  });

  it.each([
    ['length 3', { length: 3 }],
    ['length 13', { length: 13 }],
    ['length 4.5', { length: 4.5 }],
    ['length NaN', { length: Number.NaN }],
    ['min > max', { length: { min: 6, max: 4 } }],
    ['min below 4', { length: { min: 3, max: 6 } }],
    ['max above 12', { length: { min: 4, max: 13 } }],
    ['fractional max', { length: { min: 4, max: 6.5 } }],
    ['unknown preset', { preset: 'lenient' as PinPreset }],
  ] as const)('RangeError for an invalid policy: %s', (_label, policy) => {
    expect(() => checkPin('8264', policy as PinPolicy)).toThrow(RangeError);
    try {
      checkPin('8264', policy as PinPolicy);
    } catch (error) {
      expect((error as Error).message).not.toContain('8264');
    }
  });

  it('RangeError for an unknown preset name, even when the PIN is invalid too', () => {
    expect(() => checkPin('8264', 'lenient' as PinPreset)).toThrow(RangeError);
    expect(() => checkPin(1234, { length: 3 })).toThrow(RangeError);
  });

  it('PIN_REPEATED: all digits identical, before any other rule', () => {
    for (const preset of PIN_PRESETS) {
      expect(ruleOf('0000', preset)).toBe('PIN_REPEATED');
      expect(ruleOf('1111', preset)).toBe('PIN_REPEATED'); // also in the top 20
      expect(ruleOf('777777777777', { preset, length: 12 })).toBe('PIN_REPEATED');
      expect(ruleOf('7778', preset)).toBeUndefined();
    }
    expect(ruleOf('111111', { length: 6 })).toBe('PIN_REPEATED'); // not the W8 PIN_PATTERN
  });

  it('PIN_SEQUENCE in bfinance: ascending runs without wrap only', () => {
    for (const pin of ['0123', '1234', '6789']) expect(ruleOf(pin, 'bfinance')).toBe('PIN_SEQUENCE');
    for (const pin of ['7890', '9012', '4321', '3210', '1235'])
      expect(ruleOf(pin, 'bfinance')).toBeUndefined();
    expect(ruleOf('345678', { preset: 'bfinance', length: 6 })).toBe('PIN_SEQUENCE');
    expect(ruleOf('890123', { preset: 'bfinance', length: 6 })).toBeUndefined();
    expect(ruleOf('158901', { preset: 'bfinance', length: 6 })).toBeUndefined();
    expect(ruleOf('581112', { preset: 'bfinance', length: 6 })).toBeUndefined();
  });

  it('PIN_SEQUENCE in recommended and strict: ±1 runs with wrap, W8 runs of three for 6+ digits', () => {
    for (const preset of ['recommended', 'strict'] as const) {
      for (const pin of ['0123', '1234', '7890', '9012', '3210', '4321', '0987', '8765']) {
        expect(ruleOf(pin, preset)).toBe('PIN_SEQUENCE'); // 1234 and 4321 are also in the top 20
      }
      expect(ruleOf('1235', preset)).toBeUndefined();
      expect(ruleOf('89012', { preset, length: 5 })).toBe('PIN_SEQUENCE');
      expect(ruleOf('890123', { preset, length: 6 })).toBe('PIN_SEQUENCE');
      expect(ruleOf('158901', { preset, length: 6 })).toBe('PIN_SEQUENCE');
      expect(ruleOf('270981', { preset, length: 6 })).toBe('PIN_SEQUENCE');
      expect(ruleOf('111234', { preset, length: 6 })).toBe('PIN_SEQUENCE'); // sequence before W8 triple
      expect(ruleOf('281739', { preset, length: 6 })).toBeUndefined();
      expect(ruleOf('12399', { preset, length: 5 })).toBeUndefined(); // no W8 below 6 digits
    }
  });

  it('PIN_COMMON: DataGenetics top 20, recommended and strict only', () => {
    for (const pin of ['1004', '2000', '2001', '1212', '6969', '1122', '1313', '1010']) {
      expect(ruleOf(pin, 'recommended')).toBe('PIN_COMMON'); // 2000/2001 are years, the rest patterns
      expect(ruleOf(pin, 'strict')).toBe('PIN_COMMON'); // 1004 and 1010 are also dates
      expect(ruleOf(pin, 'bfinance')).toBeUndefined();
    }
    expect(ruleOf('1005', 'recommended')).toBeUndefined();
  });

  it('PIN_YEAR: 1900 to 2099, recommended and strict only', () => {
    for (const pin of ['1900', '1987', '2024', '2099', '1919', '2020', '1991', '2002']) {
      expect(ruleOf(pin, 'recommended')).toBe('PIN_YEAR'); // 1919/2020 ABAB, 1991/2002 ABBA
      expect(ruleOf(pin, 'strict')).toBe('PIN_YEAR');
      expect(ruleOf(pin, 'bfinance')).toBeUndefined();
    }
    expect(ruleOf('1899', 'strict')).toBeUndefined();
    expect(ruleOf('2100', 'strict')).toBeUndefined();
    expect(ruleOf('19870', { length: 5 })).toBeUndefined(); // years are a 4-digit rule
  });

  it('PIN_PATTERN: ABAB, AABB, keypad; ABBA in strict only', () => {
    for (const pin of ['4747', '5588', '2580', '0852', '1357', '6321', '0101']) {
      expect(ruleOf(pin, 'recommended')).toBe('PIN_PATTERN');
      expect(ruleOf(pin, 'strict')).toBe('PIN_PATTERN'); // 0101 is also January 1st
      expect(ruleOf(pin, 'bfinance')).toBeUndefined();
    }
    for (const pin of ['4774', '3663']) {
      expect(ruleOf(pin, 'strict')).toBe('PIN_PATTERN');
      expect(ruleOf(pin, 'recommended')).toBeUndefined();
    }
    for (const pin of ['4748', '5589', '2581']) expect(ruleOf(pin, 'strict')).toBeUndefined();
  });

  it('PIN_PATTERN for 6+ digits: three identical digits in a row (W8)', () => {
    for (const preset of ['recommended', 'strict'] as const) {
      expect(ruleOf('581112', { preset, length: 6 })).toBe('PIN_PATTERN');
      expect(ruleOf('111222', { preset, length: 6 })).toBe('PIN_PATTERN');
      expect(ruleOf('5839201746999', { preset, length: { min: 4, max: 12 } })).toBe('PIN_LENGTH');
      expect(ruleOf('583920174999', { preset, length: 12 })).toBe('PIN_PATTERN');
      expect(ruleOf('581122', { preset, length: 6 })).toBeUndefined();
      expect(ruleOf('11122', { preset, length: 5 })).toBeUndefined();
    }
  });

  it('PIN_DATE: MMDD or DDMM with February as 29 days, strict only', () => {
    for (const pin of ['0229', '2902', '1231', '3112', '0704', '1508']) {
      expect(ruleOf(pin, 'strict')).toBe('PIN_DATE');
      expect(ruleOf(pin, 'recommended')).toBeUndefined();
    }
    for (const pin of ['0230', '3002', '1300', '0431', '3104', '0032']) {
      expect(ruleOf(pin, 'strict')).toBeUndefined();
    }
  });
});
