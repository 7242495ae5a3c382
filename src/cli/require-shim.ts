import { createRequire } from 'node:module';

/**
 * Gives the bundled bin a `require`: it is ESM with cli-progress (CommonJS) inside, whose
 * require() of Node built-ins (readline, events) an ESM bundle can only serve through a `require`
 * in scope. Call it before the progress bar is loaded (the bulk command loads it lazily).
 */
export function installRequire(): void {
  const scope = globalThis as { require?: NodeJS.Require };
  scope.require ??= createRequire(import.meta.url);
}
