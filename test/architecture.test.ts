import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The layering of src/, checked on every import (type-only imports too): the engine (src/core)
// knows no domain, the library never reaches the sandbox or the command-line tools, nothing
// imports in a circle, and no file grows past what one reader holds in mind.

const SRC = fileURLToPath(new URL('../src/', import.meta.url));
const IMPORT =
  /^\s*(?:import|export)\s[^;]*?\sfrom\s+'(\.{1,2}\/[^']+)'|^\s*import\s+'(\.{1,2}\/[^']+)'|import\(\s*'(\.{1,2}\/[^']+)'\s*\)/gm;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|mts|mjs)$/.test(entry.name))
    .map((entry) => relative(SRC, join(entry.parentPath, entry.name)));
}

/** The src-relative files `file` imports (relative specifiers only; `.js` names their `.ts` source). */
function importsOf(file: string, known: ReadonlySet<string>): string[] {
  const text = readFileSync(join(SRC, file), 'utf8');
  const out: string[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const specifier = match[1] ?? match[2] ?? match[3];
    if (specifier === undefined) continue;
    const target = relative(SRC, join(SRC, dirname(file), specifier));
    const candidates = [target, target.replace(/\.js$/, '.ts'), target.replace(/\.mjs$/, '.mts')];
    const found = candidates.find((candidate) => known.has(candidate));
    if (found) out.push(found);
  }
  return out;
}

const FILES = sourceFiles(SRC);
const KNOWN = new Set(FILES);
const GRAPH = new Map(FILES.map((file) => [file, importsOf(file, KNOWN)]));

/** Edges from files matching `from` to files matching `to`, as `a -> b` lines. */
function edges(from: (file: string) => boolean, to: (file: string) => boolean): string[] {
  const found: string[] = [];
  for (const [file, targets] of GRAPH) {
    if (!from(file)) continue;
    for (const target of targets) if (to(target)) found.push(`${file} -> ${target}`);
  }
  return found;
}

const inFolder =
  (...folders: string[]) =>
  (file: string): boolean =>
    folders.some((folder) => file.startsWith(`${folder}/`));
const TOOLS = inFolder('testing', 'doctor', 'cli');

describe('architecture of src/', () => {
  it('finds the source files and their imports (the checks below see the real graph)', () => {
    expect(FILES.length).toBeGreaterThan(50);
    expect(GRAPH.get('client.ts')).toContain('connection.ts');
  });

  it('the engine (src/core) imports nothing outside src/core', () => {
    expect(edges(inFolder('core'), (target) => !target.startsWith('core/'))).toEqual([]);
  });

  it('the library never imports the sandbox, the doctor or the command-line code', () => {
    expect(edges((file) => !TOOLS(file), TOOLS)).toEqual([]);
  });

  it('has no import cycle', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (file: string): void => {
      state.set(file, 'open');
      stack.push(file);
      for (const next of GRAPH.get(file) ?? []) {
        if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next].join(' -> '));
        else if (!state.has(next)) visit(next);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const file of FILES) if (!state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });

  it('has no file over 300 lines', () => {
    const long = FILES.map(
      (file) => [file, readFileSync(join(SRC, file), 'utf8').split('\n').length] as const,
    )
      .filter(([, lines]) => lines > 300)
      .map(([file, lines]) => `${file}: ${lines} lines`);
    expect(long).toEqual([]);
  });
});
