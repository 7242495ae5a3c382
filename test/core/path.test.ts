import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/core/errors.js';
import { path } from '../../src/core/path.js';

/** Path segments of `p` as a WHATWG URL parser (undici, fetch, the server) sees them. */
function segments(p: string): string[] {
  return new URL(`https://api.example.test${p}`).pathname.split('/').slice(1);
}

/** Ids mixing the characters that break naive path building. */
const trickyId = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1 }),
  fc.string({
    unit: fc.constantFrom(
      '/',
      '?',
      '#',
      '%',
      '.',
      '..',
      '%2e',
      '%2F',
      '\\',
      ' ',
      '\t',
      '&',
      '=',
      ';',
      'a',
      'é',
      '😀',
      '\u0000',
    ),
    minLength: 1,
  }),
);

const isAllowed = (id: string): boolean => id.trim() !== '' && id !== '.' && id !== '..';

/** No lone UTF-16 surrogate (String#isWellFormed is ES2024, beyond the lib this repo targets). */
const isWellFormed = (id: string): boolean =>
  /^(?:[^\uD800-\uDFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF])*$/.test(id);

describe('path', () => {
  it('encodes every id into one segment and keeps a template for logs', () => {
    const p = path`/cards/${'card/1?x#y'}/topup`;
    expect(p.path).toBe('/cards/card%2F1%3Fx%23y/topup');
    expect(p.template).toBe('/cards/:id/topup');
  });

  it('handles several ids and a path with none', () => {
    expect(path`/budgets/${'b 1'}/cards/${'c%1'}`).toEqual({
      path: '/budgets/b%201/cards/c%251',
      template: '/budgets/:id/cards/:id',
    });
    expect(path`/cards/types`).toEqual({ path: '/cards/types', template: '/cards/types' });
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['a dot', '.'],
    ['two dots', '..'],
    ['a number', 42],
    ['undefined', undefined],
    ['null', null],
    ['an object', { id: 'card_1' }],
    ['a lone surrogate', '\uD800'],
    ['a cut emoji', '😀'.slice(0, 1)],
  ])('rejects %s with a ValidationError', (_label, id) => {
    let thrown: unknown;
    try {
      path`/cards/${id}/topup`;
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ValidationError);
    expect(thrown).toMatchObject({ field: 'id', rule: 'path_segment' });
    expect((thrown as ValidationError).hint).toContain('card.id');
  });

  it('accepts ids with dots that are not . or ..', () => {
    expect(segments(path`/cards/${'...'}/x`.path)).toEqual(['cards', '...', 'x']);
    expect(segments(path`/cards/${'.hidden'}/x`.path)).toEqual(['cards', '.hidden', 'x']);
  });

  it('property: any allowed id is exactly one segment that decodes back to the id', () => {
    fc.assert(
      fc.property(
        trickyId.filter((id) => isAllowed(id) && isWellFormed(id)),
        (id) => {
          const p = path`/cards/${id}/topup`;
          const parts = segments(p.path);
          expect(parts).toHaveLength(3);
          expect(parts[0]).toBe('cards');
          expect(parts[2]).toBe('topup');
          expect(decodeURIComponent(parts[1] as string)).toBe(id);
          expect(p.template).toBe('/cards/:id/topup');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('property: every other string is a ValidationError, never a URIError', () => {
    const surrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));
    const rejected = fc.oneof(
      fc.constantFrom('', '.', '..'),
      fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\u00a0'), minLength: 1 }),
      fc.tuple(fc.string(), surrogate, fc.string()).map(([a, s, b]) => a + s + b),
    );
    fc.assert(
      fc.property(rejected, (id) => {
        expect(() => path`/cards/${id}`).toThrow(ValidationError);
      }),
    );
  });
});
