// What the packed files reach: the files package.json points at and everything they load through
// relative imports and requires, and the packages they load by name. Used by check.ts to prove
// that nothing is packed that nothing reaches and that the runtime dependencies are exactly the
// packages the built code loads.
import { builtinModules } from 'node:module';
import { dirname, join, normalize } from 'node:path';

// `from '…'`, `import('…')`, `require('…')` (and esbuild's `__require('…')`) and
// `createRequire(import.meta.url)('…')`.
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|(?:\b|__)require\s*\(\s*|\)\s*\(\s*)["']([^"']+)["']/g;
const BUILTINS = new Set(builtinModules);

function specifiers(source: string): string[] {
  return [...source.matchAll(SPECIFIER)].map((m) => m[1] ?? '');
}

/** The package name of a bare specifier (`undici/lib/api` → `undici`, `@scope/a/b` → `@scope/a`). */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

/**
 * From the entry files, follows every relative specifier through the packed files. Returns the
 * files reached and the packages loaded by name (Node built-ins and `self` left out).
 */
export function reach(
  entries: readonly string[],
  read: (file: string) => string | undefined,
  self: string,
): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (files.has(file)) continue;
    const source = read(file);
    if (source === undefined) continue;
    files.add(file);
    const declaration = /\.d\.[cm]?ts$/.test(file);
    if (!declaration && !/\.[cm]?js$/.test(file)) continue;
    for (const specifier of specifiers(source)) {
      if (specifier.startsWith('.')) {
        const target = normalize(join(dirname(file), specifier));
        // A declaration names its sibling declaration by the JavaScript file it describes.
        queue.push(declaration ? target.replace(/\.([cm]?)js$/, '.d.$1ts') : target);
      } else if (!specifier.startsWith('node:') && !BUILTINS.has(packageOf(specifier))) {
        const name = packageOf(specifier);
        if (name !== self) packages.add(name);
      }
    }
  }
  return { files, packages };
}
