import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/core/errors.js';
import { snapshot } from '../../src/core/snapshot.js';

/** `value` rebuilt with every object key a getter that counts its reads in `reads`. */
function withGetters(value: unknown, reads: number[]): unknown {
  if (Array.isArray(value)) return value.map((item) => withGetters(item, reads));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const slot = reads.push(0) - 1;
    const inner = withGetters(item, reads);
    Object.defineProperty(out, key, {
      enumerable: true,
      get: () => {
        reads[slot] = (reads[slot] ?? 0) + 1;
        return inner;
      },
    });
  }
  return out;
}

/** True when no plain object or array of `copy` is one of `source`'s, and none has a prototype. */
function detached(source: unknown, copy: unknown): boolean {
  if (typeof copy !== 'object' || copy === null) return true;
  if (copy === source) return false;
  if (!Array.isArray(copy) && Object.getPrototypeOf(copy) !== null) return false;
  const from = source as Record<string, unknown>;
  return Object.keys(copy).every((key) => detached(from[key], (copy as Record<string, unknown>)[key]));
}

describe('snapshot', () => {
  it('copies JSON data equal and detached, reading every getter exactly once', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const reads: number[] = [];
        const copy = snapshot(withGetters(value, reads), 'params');
        expect(copy).toEqual(value);
        expect(detached(value, copy)).toBe(true);
        expect(reads.every((n) => n === 1)).toBe(true);
      }),
    );
  });

  it('copies own enumerable string keys only: nothing inherited, hidden or keyed by a symbol', () => {
    const source: Record<string | symbol, unknown> = { own: 1 };
    Object.defineProperty(source, 'hidden', { value: 2, enumerable: false });
    source[Symbol('s')] = 3;
    Object.defineProperty(Object.prototype, 'inherited', { value: 4, configurable: true, writable: true });
    try {
      const copy = snapshot({ source }, 'params') as Record<string, Record<string, unknown>>;
      expect(Reflect.ownKeys(copy.source ?? {})).toEqual(['own']);
      expect(copy.source?.inherited).toBeUndefined();
      expect(copy.inherited).toBeUndefined();
    } finally {
      delete (Object.prototype as Record<string, unknown>).inherited;
    }
  });

  it('copies arrays by own index: holes are undefined, Array.prototype is never read', () => {
    Object.defineProperty(Array.prototype, '1', { value: 'polluted', configurable: true, writable: true });
    try {
      // biome-ignore lint/suspicious/noSparseArray: a hole is the point.
      const copy = snapshot([1, , 3], 'list');
      expect(Object.hasOwn(copy as unknown[], 1)).toBe(true);
      expect((copy as unknown[])[1]).toBeUndefined();
    } finally {
      delete (Array.prototype as unknown as Record<string, unknown>)['1'];
    }
  });

  it('keeps class instances, functions and kept keys by reference', () => {
    const signal = new AbortController().signal;
    const fn = (): void => undefined;
    const logger = { lines: [] as string[] };
    const copy = snapshot(
      { signal, fn, logger, date: new Date(0) },
      'options',
      new Set(['logger']),
    ) as Record<string, unknown>;
    expect(copy.signal).toBe(signal);
    expect(copy.fn).toBe(fn);
    expect(copy.logger).toBe(logger);
    expect(copy.date).toBeInstanceOf(Date);
  });

  it('refuses a cycle with rule cycle, and copies a shared object twice', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = { back: cyclic };
    const error = (() => {
      try {
        snapshot({ extraBody: cyclic }, 'options');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'options', rule: 'cycle' });
    const shared = { x: 1 };
    expect(snapshot({ a: shared, b: [shared] }, 'params')).toEqual({ a: { x: 1 }, b: [{ x: 1 }] });
  });

  it('a Proxy decides the keys with ownKeys, and get runs once per key', () => {
    const gets: PropertyKey[] = [];
    const proxy = new Proxy(
      { a: 1, b: 2 },
      {
        ownKeys: () => ['b'],
        get: (target, key, receiver) => {
          gets.push(key);
          return Reflect.get(target, key, receiver);
        },
      },
    );
    expect(snapshot(proxy, 'params')).toEqual({ b: 2 });
    expect(gets).toEqual(['b']);
  });
});

describe('snapshot bounds', () => {
  it('refuses an array that claims more items than any parameter holds, without reading them', () => {
    let reads = 0;
    const huge = new Proxy([] as unknown[], {
      get(target, key, receiver) {
        if (key === 'length') return 2 ** 31;
        reads++;
        return Reflect.get(target, key, receiver);
      },
    });
    expect(() => snapshot({ list: huge }, 'params')).toThrow(ValidationError);
    expect(reads).toBe(0);
  });
});
