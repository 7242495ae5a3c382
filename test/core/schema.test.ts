import { inspect } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as z from '../../src/core/reader.js';
import { Sensitive } from '../../src/core/redact/index.js';
import { actionResult, builtOnFirstUse, last4Of, maybe, sensitive } from '../../src/core/schema.js';

describe('sensitive()', () => {
  const card = z.object({
    cardNumber: sensitive('pan'),
    cardCVC: sensitive('cvc'),
    cardExpire: sensitive('expiry'),
  });

  it('wraps secret fields into Sensitive, masked when rendered', () => {
    const parsed = z.parse(card, { cardNumber: '4111 1111 1111 1111', cardCVC: '123', cardExpire: '07/29' });
    expect(parsed.cardNumber).toBeInstanceOf(Sensitive);
    expect(parsed.cardNumber.reveal()).toBe('4111 1111 1111 1111');
    expect(parsed.cardNumber.last4).toBe('1111');
    expect(parsed.cardCVC.kind).toBe('cvc');
    expect(parsed.cardExpire.kind).toBe('expiry');
    const rendered = [
      JSON.stringify(parsed),
      inspect(parsed, { depth: 10, showHidden: true }),
      String(parsed.cardCVC),
    ];
    for (const text of rendered) {
      expect(text).not.toContain('4111 1111');
      expect(text).not.toContain('123');
      expect(text).not.toContain('07/29');
    }
    expect(JSON.parse(JSON.stringify(parsed))).toEqual({
      cardNumber: '•••• 1111',
      cardCVC: '[REDACTED]',
      cardExpire: '[REDACTED]',
    });
  });

  it('accepts a PAN that arrives as a JSON number', () => {
    const parsed = z.parse(
      card,
      JSON.parse('{"cardNumber":4111111111111111,"cardCVC":"1","cardExpire":"1"}'),
    );
    expect(parsed.cardNumber.reveal()).toBe('4111111111111111');
  });

  it.each([
    ['null', null],
    ['missing', undefined],
    ['an object', { n: '4111' }],
    ['a boolean', true],
  ])(
    'refuses a %s value with invalid_type, and the error does not carry the other fields',
    (_label, value) => {
      const result = z.safeParse(card, { cardNumber: value, cardCVC: '987', cardExpire: '07/29' });
      expect(result.ok).toBe(false);
      expect(result.ok ? [] : result.issues.map((i) => [i.path, i.code])).toEqual([
        ['cardNumber', 'invalid_type'],
      ]);
    },
  );
});

describe('maybe()', () => {
  it('allows absent and null, keeping null', () => {
    const schema = z.object({ label: maybe(z.string()) });
    expect(z.parse(schema, {})).toStrictEqual({});
    expect(z.parse(schema, { label: null })).toEqual({ label: null });
    expect(z.parse(schema, { label: 'x' })).toEqual({ label: 'x' });
    expect(z.safeParse(schema, { label: 1 }).ok).toBe(false);
  });
});

describe('actionResult', () => {
  it('keeps the message, and tolerates an empty success', () => {
    expect(z.parse(actionResult(), { message: 'Card has been frozen' })).toEqual({
      message: 'Card has been frozen',
    });
    expect(z.parse(actionResult(), {})).toEqual({ message: '' });
    expect(z.safeParse(actionResult(), { message: 3 }).ok).toBe(false);
  });
});

describe('last4Of', () => {
  it('takes the first candidate that has four digits', () => {
    expect(last4Of(undefined, null, '**** **** **** 4321')).toBe('4321');
    expect(last4Of(new Sensitive('4111 1111 1111 9876', 'pan'), '**** 1234')).toBe('9876');
    expect(last4Of(new Sensitive('12', 'pan'), '****1234')).toBe('1234');
    expect(last4Of(new Sensitive('1234', 'cvc'), 'no digits')).toBeUndefined();
    expect(last4Of()).toBeUndefined();
  });
});

describe('builtOnFirstUse()', () => {
  it('builds on the first call only and returns the same value after', () => {
    const build = vi.fn(() => ({ built: true }));
    const get = builtOnFirstUse(build);
    expect(build).not.toHaveBeenCalled();
    const first = get();
    expect(get()).toBe(first);
    expect(build).toHaveBeenCalledTimes(1);
  });

  it('keeps a falsy value instead of building again', () => {
    const build = vi.fn(() => undefined);
    const get = builtOnFirstUse(build);
    get();
    get();
    expect(build).toHaveBeenCalledTimes(1);
  });
});

describe('importing the SDK', () => {
  afterEach(() => {
    vi.doUnmock('../../src/core/reader.js');
    vi.resetModules();
  });

  it('builds no schema until an operation needs one', async () => {
    vi.resetModules();
    const built: string[] = [];
    vi.doMock('../../src/core/reader.js', async (importOriginal) => {
      const real = await importOriginal<Record<string, unknown>>();
      const counted: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(real)) {
        counted[name] =
          typeof value === 'function' && /^[a-z]/.test(name)
            ? (...args: unknown[]) => {
                built.push(name);
                return (value as (...a: unknown[]) => unknown)(...args);
              }
            : value;
      }
      return counted;
    });
    const sdk = await import('../../src/index.js');
    new sdk.CardsClient({ apiToken: 'tok_test_deferred' });
    expect(built).toEqual([]);
    const { cardSchema } = await import('../../src/resources/card-schemas.js');
    cardSchema('card');
    expect(built).toContain('object');
  });
});
