import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// A call that succeeds needs no reconcile code: each *-outcomes.ts reaches its reconcilers only
// through import(), on the first error.reconcile(), so importing the SDK loads none of them.

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
// Loads at import time. `import type` and `export type` are erased; under verbatimModuleSyntax
// `import { type A } from` is not (it stays as a bare import), so it counts.
const STATIC = /^(?:import|export)\s+(?!type\s)(?:[^;]*?from\s+)?'(\.[^']+)'/gm;
const DYNAMIC = /\bimport\(\s*'(\.[^']+)'\s*\)/g;

const RECONCILE_ONLY = [
  'core/outcome/settle-by-read.ts',
  'resources/card-reconcile.ts',
  'resources/customer-reconcile.ts',
  'resources/funds-reconcile.ts',
  'resources/movement-listing.ts',
  'resources/movement-match.ts',
  'resources/movement-search.ts',
  'resources/reconcile-words.ts',
];

function targets(file: string, pattern: RegExp): string[] {
  const source = readFileSync(join(SRC, file), 'utf8');
  return [...source.matchAll(pattern)].map((m) =>
    relative(SRC, join(SRC, dirname(file), (m[1] as string).replace(/\.js$/, '.ts'))),
  );
}

/** Every src file `entries` reach through static imports, and through import() too when `lazy`. */
function reach(entries: string[], lazy: boolean): Set<string> {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file) || !file.endsWith('.ts')) continue;
    seen.add(file);
    queue.push(...targets(file, STATIC), ...(lazy ? targets(file, DYNAMIC) : []));
  }
  return seen;
}

describe('reconcile code is off the path of a call that succeeds', () => {
  const entries = [
    'index.ts',
    ...['cards', 'customers', 'pins', 'funds', 'status', 'disputes'].map((name) => `entries/${name}.ts`),
  ];

  it('importing either entry loads no reconciler, movement search or status words', () => {
    const eager = reach(entries, false);
    expect(eager.has('resources/funds-outcomes.ts')).toBe(true);
    expect(eager.has('core/outcome/settle.ts')).toBe(true);
    for (const file of RECONCILE_ONLY) expect(eager.has(file), file).toBe(false);
  });

  it('each of them is still reached, through import() in an outcome spec', () => {
    const all = reach(entries, true);
    for (const file of RECONCILE_ONLY) expect(all.has(file), file).toBe(true);
    const lazy = ['card', 'customer', 'funds'].flatMap((r) => targets(`resources/${r}-outcomes.ts`, DYNAMIC));
    expect(new Set(lazy)).toEqual(
      new Set([
        'resources/card-reconcile.ts',
        'resources/customer-reconcile.ts',
        'resources/funds-reconcile.ts',
      ]),
    );
  });

  it('imports no other SDK code than three small modules: a one-file bundle wraps what it imports for lazy loading', () => {
    // Redactors, schemas and endpoints come in from the outcome specs (see RecordRead, redactNote).
    const allowed = new Set([
      ...RECONCILE_ONLY,
      'core/errors/brand.ts',
      'core/outcome/contract.ts',
      'core/outcome/undecided.ts',
    ]);
    for (const file of RECONCILE_ONLY) {
      for (const target of targets(file, STATIC))
        expect(allowed.has(target), `${file} → ${target}`).toBe(true);
    }
  });
});
