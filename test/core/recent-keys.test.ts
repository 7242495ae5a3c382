import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecentKeys } from '../../src/core/recent-keys.js';

const URL = 'https://api.example.test/cards/c1/topup';

describe('RecentKeys', () => {
  it('tells a new key, the same request again and another request under the key apart', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (key, body, other) => {
        const keys = new RecentKeys();
        expect(keys.claim(key, 'POST', URL, body)).toBe('new');
        expect(keys.claim(key, 'POST', URL, body)).toBe('same');
        expect(keys.claim(key, 'POST', URL, other)).toBe(other === body ? 'same' : 'conflict');
        expect(keys.claim(key, 'DELETE', URL, body)).toBe('conflict');
      }),
    );
  });

  it('answers like a plain map of keys to requests while under its bound, releases included', () => {
    const step = fc.record({
      release: fc.boolean(),
      key: fc.constantFrom('a', 'b', 'order-7', '', 'ключ'),
      body: fc.constantFrom('{"amount":1}', '{"amount":2}', ''),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const keys = new RecentKeys();
        const model = new Map<string, string>();
        for (const { release, key, body } of steps) {
          if (release) {
            keys.release(key);
            model.delete(key);
            continue;
          }
          const seen = model.get(key);
          const expected = seen === undefined ? 'new' : seen === body ? 'same' : 'conflict';
          if (seen === undefined) model.set(key, body);
          expect(keys.claim(key, 'POST', URL, body)).toBe(expected);
        }
      }),
    );
  });

  it('remembers at least its newest 10,000 keys, forgets older ones, and forgets a released key', () => {
    const keys = new RecentKeys();
    const total = 25_000;
    for (let i = 0; i < total; i++) keys.claim(`k${i}`, 'POST', URL, `{"n":${i}}`);
    for (let i = total - 10_000; i < total; i++) {
      expect(keys.claim(`k${i}`, 'POST', URL, '{"n":-1}')).toBe('conflict');
    }
    expect(keys.claim('k0', 'POST', URL, '{"n":-1}')).toBe('new');
    keys.release(`k${total - 1}`);
    keys.release(`k${total - 10_000}`);
    expect(keys.claim(`k${total - 1}`, 'POST', URL, '{"n":-1}')).toBe('new');
    expect(keys.claim(`k${total - 10_000}`, 'POST', URL, '{"n":-1}')).toBe('new');
  });
});
