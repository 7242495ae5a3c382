import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDrift } from '../../src/core/drift.js';
import * as z from '../../src/core/reader.js';
import { CORPUS, type Fixture } from './corpus.js';

type Json = Record<string, unknown>;

/** Wire paths of every field of the example (`cards[].id`), arrays by their first element. */
function fieldPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.length > 0 ? fieldPaths(value[0], `${prefix}[]`) : [];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, v]) => {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    return [path, ...fieldPaths(v, path)];
  });
}

/** Object paths of the example, `''` for the top level. */
function objectPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.length > 0 ? objectPaths(value[0], `${prefix}[]`) : [];
  if (typeof value !== 'object' || value === null) return [];
  return [
    prefix,
    ...Object.entries(value).flatMap(([k, v]) => objectPaths(v, prefix === '' ? k : `${prefix}.${k}`)),
  ];
}

/** A copy of `data` with `change` applied at `path` (in every array element). */
function edit(data: unknown, path: string, change: (parent: Json, key: string) => void): unknown {
  const copy = structuredClone(data);
  const steps = path.split('.');
  const visit = (node: unknown, i: number): void => {
    if (node === null || typeof node !== 'object') return;
    const step = steps[i] as string;
    const isArray = step.endsWith('[]');
    const key = isArray ? step.slice(0, -2) : step;
    if (i === steps.length - 1 && !isArray) {
      change(node as Json, key);
      return;
    }
    const next = key === '' ? node : (node as Json)[key];
    if (isArray && Array.isArray(next)) {
      for (const item of next) visit(item, i + 1);
      if (i === steps.length - 1) return;
    } else visit(next, i + 1);
  };
  visit(copy, 0);
  return copy;
}

function wire(path: string): string {
  return path
    .split('.')
    .map((p) => (/^\d+$/.test(p) ? '[]' : p))
    .join('.')
    .replace(/\.\[\]/g, '[]');
}

function atObject(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

describe.each(CORPUS.map((f) => [`${f.endpoint} [${f.tag}]`, f] as const))(
  '%s',
  (_name, fixture: Fixture) => {
    it(`parses the documented example (${fixture.source}) with no drift`, () => {
      const result = z.safeParse(fixture.schema, fixture.data);
      expect(result.ok, JSON.stringify(result.ok || result.issues)).toBe(true);
      expect(findDrift(fixture.schema, fixture.data)).toEqual([]);
    });

    it('tolerates each optional field missing or null, and names each required one', () => {
      for (const path of fieldPaths(fixture.data)) {
        const required = fixture.required.includes(path);
        for (const variant of ['missing', 'null'] as const) {
          const data = edit(fixture.data, path, (parent, key) => {
            if (variant === 'missing') delete parent[key];
            else parent[key] = null;
          });
          const result = z.safeParse(fixture.schema, data);
          if (!required) {
            expect(result.ok, `${variant} ${path}: ${JSON.stringify(result.ok || result.issues)}`).toBe(true);
            continue;
          }
          expect(result.ok, `${variant} ${path} must fail`).toBe(false);
          expect(result.ok ? [] : result.issues.map((i) => wire(i.path)), `${variant} ${path}`).toContain(
            path,
          );
        }
      }
    });

    it('never fails on extra fields, and reports each as unknown drift', () => {
      for (const path of objectPaths(fixture.data)) {
        const data = edit(fixture.data, atObject(path, 'x_extra'), (parent, key) => {
          parent[key] = { nested: [1, 'two', null] };
        });
        expect(z.safeParse(fixture.schema, data).ok, path).toBe(true);
        expect(findDrift(fixture.schema, data)).toContainEqual({
          path: atObject(path, 'x_extra'),
          kind: 'unknown',
        });
      }
    });

    it('parses any mix of dropped, nulled and extra optional fields', () => {
      const optional = fieldPaths(fixture.data).filter(
        (p) => !fixture.required.some((r) => r === p || r.startsWith(`${p}.`) || r.startsWith(`${p}[]`)),
      );
      if (optional.length === 0) return;
      fc.assert(
        fc.property(
          fc.array(fc.tuple(fc.constantFrom(...optional), fc.constantFrom('drop', 'null', 'extra')), {
            maxLength: 6,
          }),
          (edits) => {
            let data: unknown = fixture.data;
            for (const [path, how] of edits) {
              data = edit(data, path, (parent, key) => {
                if (how === 'drop') delete parent[key];
                else if (how === 'null') parent[key] = null;
                else parent[`${key}_new`] = 1;
              });
            }
            expect(z.safeParse(fixture.schema, data).ok).toBe(true);
          },
        ),
        { numRuns: 50 },
      );
    });
  },
);

it('covers every endpoint the SDK reads a body from', () => {
  expect(new Set(CORPUS.map((f) => f.endpoint.split(' ')[1])).size).toBeGreaterThanOrEqual(20);
  for (const fixture of CORPUS)
    expect(fixture.source).toMatch(/^https:\/\/(docs\.bfinance\.app|github\.com\/BFinance-Technologies)\//);
});
