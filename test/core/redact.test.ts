import { format, inspect } from 'node:util';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLuhnValid, luhnCheckDigit } from '../../src/core/luhn.js';
import { isSecretKey, maskPan, redact, redactValue, Sensitive } from '../../src/core/redact.js';

const PAN = '4111111111111111';
const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
const FULL = { depth: Number.POSITIVE_INFINITY, showHidden: true } as const;

/** A Luhn-valid PAN from 15 digits. */
const panArb = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 15, maxLength: 15 }).map((digits) => {
  const partial = `4${digits.slice(1).join('')}`;
  return partial + luhnCheckDigit(partial);
});

/** Text around a PAN that holds no digits and no separators next to it. */
const prose = fc.string({ unit: fc.constantFrom('a', 'Z', ':', '.', '"', '(', '\n', '_', 'é') });

function grouped(pan: string, separator: string): string {
  return pan.replace(/(\d{4})(?=\d)/g, `$1${separator}`);
}

describe('Sensitive', () => {
  it('masks a PAN to its last four digits everywhere it can be rendered', () => {
    const secret = new Sensitive('4111 1111 1111 1234', 'pan');
    const renders = [
      String(secret),
      `${secret}`,
      JSON.stringify({ secret }),
      inspect(secret, FULL),
      inspect({ nested: [secret] }, FULL),
      format('%s %o %O %j', secret, secret, secret, { secret }),
    ];
    for (const text of renders) {
      expect(text).not.toMatch(/4111/);
      expect(text).toContain('•••• 1234');
    }
    expect(inspect(secret)).toBe('Sensitive<pan>(•••• 1234)');
  });

  it.each(['cvc', 'expiry', 'pin', 'code', 'token'] as const)('masks a %s completely', (kind) => {
    const secret = new Sensitive('8642', kind);
    for (const text of [
      String(secret),
      JSON.stringify(secret),
      inspect(secret, FULL),
      format('%o', secret),
    ]) {
      expect(text).not.toContain('8642');
      expect(text).toContain('[REDACTED]');
    }
    expect(secret.last4).toBeUndefined();
  });

  it('gives the value back only through reveal()', () => {
    const secret = new Sensitive('123', 'cvc');
    expect(secret.reveal()).toBe('123');
    expect(secret.kind).toBe('cvc');
    expect(Reflect.ownKeys(secret)).toEqual([]);
    expect(Object.values(secret)).toEqual([]);
    expect({ ...secret }).toEqual({});
    expect(Object.getOwnPropertyNames(Object.getPrototypeOf(secret))).not.toContain('value');
  });

  it('knows the last four digits of a PAN, spaces or not', () => {
    expect(new Sensitive('5168 3214 5678 1234', 'pan').last4).toBe('1234');
    expect(new Sensitive('12', 'pan').last4).toBeUndefined();
    expect(String(new Sensitive('12', 'pan'))).toBe('[REDACTED]');
  });
});

describe('maskPan', () => {
  it.each([
    ['4111111111111111', '•••• 1111'],
    ['4111 1111 1111 1234', '•••• 1234'],
    ['4111-1111-1111-5678', '•••• 5678'],
    ['123', '[REDACTED]'],
    ['', '[REDACTED]'],
  ])('%s → %s', (input, masked) => {
    expect(maskPan(input)).toBe(masked);
  });
});

describe('redact', () => {
  it('masks the known secret values', () => {
    expect(redact('token is tok_abcdef!', ['tok_abcdef'])).toBe('token is [REDACTED]!');
    expect(redact('a tok_abcdef b tok_abcdef', ['tok_abcdef'])).toBe('a [REDACTED] b [REDACTED]');
  });

  it('ignores secrets shorter than 4 characters (they would mask ordinary text)', () => {
    expect(redact('abc', ['ab'])).toBe('abc');
  });

  it('masks Bearer credentials of any shape', () => {
    expect(redact('Authorization: Bearer sk_live_123-abc.def')).toBe('Authorization: Bearer [REDACTED]');
    expect(redact('"authorization":"bearer xyz"')).toBe('"authorization":"Bearer [REDACTED]"');
  });

  it('masks JWT-shaped strings', () => {
    const out = redact(`token=${JWT}; next`);
    expect(out).not.toContain('eyJ');
    expect(out).toContain('[REDACTED]');
    expect(out).toContain('; next');
  });

  it.each([
    ['plain', PAN],
    ['spaced', '4111 1111 1111 1111'],
    ['dashed', '4111-1111-1111-1111'],
    ['13 digits', '4222222222222'],
    ['19 digits', '6011000990139424000'.slice(0, 18) + luhnCheckDigit('6011000990139424000'.slice(0, 18))],
    ['a 16-digit Mastercard', '5555555555554444'],
  ])('masks a Luhn-valid card number (%s)', (_label, pan) => {
    expect(isLuhnValid(pan.replace(/\D/g, ''))).toBe(true);
    const out = redact(`card ${pan} declined`);
    expect(out).toBe(`card •••• ${pan.replace(/\D/g, '').slice(-4)} declined`);
  });

  it.each([
    ['a non-Luhn 16-digit number', '4111111111111112'],
    ['12 digits', '411111111111'],
    ['20 digits', '41111111111111111111'],
    ['a date', '2024-01-31'],
    ['a phone number', '+44 20 7946 0958'],
  ])('leaves %s alone', (_label, text) => {
    expect(redact(`id ${text} ok`)).toBe(`id ${text} ok`);
  });

  it.each([
    ['followed by an expiry', `Card ${PAN} 12/25`, 'Card •••• 1111 12/25'],
    ['followed by a CVC after a dash', `PAN ${PAN}-123`, 'PAN •••• 1111-123'],
    ['preceded by a number', `row 12 ${grouped(PAN, ' ')} ok`, 'row 12 •••• 1111 ok'],
    ['grouped and followed by a number', `${grouped(PAN, ' ')} 07`, '•••• 1111 07'],
  ])('masks a PAN written next to another number (%s)', (_label, text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  it.each([
    ['"pin":"1234"', '"pin":[REDACTED]'],
    ["{'cvc': '987'}", "{'cvc': [REDACTED]}"],
    ['cvv2=123&x=1', 'cvv2=[REDACTED]&x=1'],
    ['"cardCVC": 321,', '"cardCVC": [REDACTED],'],
    ['number: 1234567890123456', 'number: [REDACTED]'],
    ['"cardExpire":"07/29"', '"cardExpire":[REDACTED]'],
    ['expire=07/29', 'expire=[REDACTED]'],
    ['code: ABC-123 sent', 'code: [REDACTED] sent'],
    ['"sensetive":"x"', '"sensetive":[REDACTED]'],
    ['PAN = 5555', 'PAN = [REDACTED]'],
  ])('masks the value after a secret key: %s', (input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it('leaves ordinary text unchanged', () => {
    const text = 'Card card_123 was frozen at 2024-05-01T10:00:00Z (errorId e-42, amount 25.50)';
    expect(redact(text)).toBe(text);
  });

  it('property: a Luhn-valid PAN in prose never survives, in any grouping', () => {
    fc.assert(
      fc.property(panArb, prose, prose, fc.constantFrom('', ' ', '-'), (pan, before, after, separator) => {
        const out = redact(`${before} ${grouped(pan, separator)} ${after}`);
        expect(out.replace(/[ -]/g, '')).not.toContain(pan);
        expect(out).toContain(`•••• ${pan.slice(-4)}`);
      }),
      { numRuns: 300 },
    );
  });

  it('property: a PAN next to a short number separated by one space or dash is still masked', () => {
    fc.assert(
      fc.property(
        panArb,
        fc.integer({ min: 0, max: 999 }),
        fc.constantFrom(' ', '-'),
        fc.boolean(),
        (pan, n, separator, numberFirst) => {
          const text = numberFirst ? `x ${n}${separator}${pan} y` : `x ${pan}${separator}${n} y`;
          expect(redact(text).replace(/[ -]/g, '')).not.toContain(pan);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('redactValue', () => {
  it.each([
    'pin',
    'cvc',
    'cvv',
    'cardCVC',
    'number',
    'cardNumber',
    'pan',
    'expire',
    'cardExpire',
    'code',
    'sensitive',
    'sensetive',
  ])('redacts the value under "%s" whatever it is', (key) => {
    // A non-Luhn example PAN, a short string, a number, an object: all must go.
    for (const value of ['5168 3214 5678 1234', 'x', 42, { nested: 'v' }, ['a'], true]) {
      expect(redactValue({ [key]: value, id: 'card_1' })).toEqual({ [key]: '[REDACTED]', id: 'card_1' });
    }
    expect(isSecretKey(key)).toBe(true);
    expect(isSecretKey(key.toUpperCase())).toBe(true);
  });

  it('also redacts credentials by key', () => {
    expect(redactValue({ Authorization: 'x', apiToken: 'y', token: 'z' })).toEqual({
      Authorization: '[REDACTED]',
      apiToken: '[REDACTED]',
      token: '[REDACTED]',
    });
  });

  it.each(['id', 'amount', 'status', 'message', 'cardId', 'numberOfCards', 'currency'])(
    'keeps the ordinary key "%s"',
    (key) => {
      expect(isSecretKey(key)).toBe(false);
    },
  );

  it('walks nested objects and arrays, redacting strings and Sensitive values', () => {
    const input = {
      card: {
        id: 'card_1',
        sensetive: { number: PAN, cvc: '123', expire: '07/29' },
        notes: [`paid with ${PAN}`, { cardNumber: '0000' }],
        masked: new Sensitive(PAN, 'pan'),
      },
      header: `Bearer ${JWT}`,
      token_hint: 'secret-token-1',
      count: 3,
      ok: true,
      none: null,
    };
    expect(redactValue(input, ['secret-token-1'])).toEqual({
      card: {
        id: 'card_1',
        sensetive: '[REDACTED]',
        notes: ['paid with •••• 1111', { cardNumber: '[REDACTED]' }],
        masked: '•••• 1111',
      },
      header: 'Bearer [REDACTED]',
      token_hint: '[REDACTED]',
      count: 3,
      ok: true,
      none: null,
    });
  });

  it('never changes the original', () => {
    const input = { pin: '1234', nested: { text: PAN } };
    redactValue(input);
    expect(input).toEqual({ pin: '1234', nested: { text: PAN } });
  });

  it('stops at depth 8 instead of recursing forever', () => {
    const cyclic: Record<string, unknown> = { id: 'x' };
    cyclic.self = cyclic;
    const out = JSON.stringify(redactValue(cyclic));
    expect(out).toContain('[Truncated]');
  });
});
