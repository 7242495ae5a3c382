import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CardsClient } from '../../src/client.js';
import { CATALOGUE } from '../../src/resources/catalogue.js';
import { API_ROUTES } from '../../src/testing/api-routes.js';

// The catalogue is the one list of endpoints; everything that must exist per endpoint is checked
// from it here, so a new endpoint that misses its method, sandbox route, README row or doctor
// probe fails this file.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

/** Every operation name an endpoint builder in src/resources/endpoints sends. */
function builtOperations(): Set<string> {
  const dir = join(ROOT, 'src/resources/endpoints');
  const names = new Set<string>();
  for (const file of readdirSync(dir)) {
    const text = readFileSync(join(dir, file), 'utf8');
    // Builders pass the name as `operation: '…'` or as the first argument of a shared builder; no
    // other quoted literal in these files has the `resource.method` shape.
    for (const literal of text.matchAll(/'([a-z]+(?:\.[a-zA-Z]+)+)'/g)) names.add(literal[1] ?? '');
  }
  return names;
}

/** A route with its parameters written alike: `/cards/{id}` and `/cards/:id` both become `/cards/:`. */
const shape = (route: string): string => route.replace(/\{[^}]+\}|:[a-zA-Z]+/g, ':');

describe('the endpoint catalogue', () => {
  it('lists each operation once, and exactly the operations the endpoint builders send', () => {
    const listed = CATALOGUE.map((entry) => entry.operation);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...builtOperations()].sort()).toEqual([...listed].sort());
  });

  it('has a public method on CardsClient for each operation', () => {
    const client = new CardsClient({ apiToken: 'catalogue-token' });
    for (const { operation } of CATALOGUE) {
      const value = operation
        .split('.')
        .reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], client);
      expect(typeof value, operation).toBe('function');
    }
  });

  it('has a sandbox route for each method and path', () => {
    const served = new Set(API_ROUTES.map((route) => `${route.method} ${shape(route.path)}`));
    const missing = CATALOGUE.flatMap((entry) =>
      entry.routes.map((route) => `${entry.method} ${shape(route)}`).filter((key) => !served.has(key)),
    );
    expect(missing).toEqual([]);
  });

  it('has a README row for each operation, naming its method and paths', () => {
    const readme = read('README.md');
    for (const entry of CATALOGUE) {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${entry.operation}\` |`));
      expect(row, entry.operation).toBeDefined();
      expect(row).toContain(`| ${entry.method} |`);
      for (const route of entry.routes) expect(row, entry.operation).toContain(`\`${route}\``);
    }
  });

  it('gives each GET without card data a doctor probe or the reason it has none, and the doctor never reads card data', () => {
    const probes = read('src/doctor/probes.ts');
    const probed = new Set([...probes.matchAll(/probe\(\s*'([a-zA-Z.]+)'/g)].map((m) => m[1]));
    expect(probed.size).toBeGreaterThan(0);
    for (const entry of CATALOGUE) {
      if (entry.cardData) expect(probed.has(entry.operation), entry.operation).toBe(false);
      else if (entry.method === 'GET' && entry.notProbed === undefined) {
        expect(probed.has(entry.operation), `${entry.operation} has no doctor probe`).toBe(true);
      }
      if (entry.notProbed !== undefined) expect(entry.method).toBe('GET');
    }
    for (const operation of probed) {
      expect(CATALOGUE.find((entry) => entry.operation === operation)?.method, operation).toBe('GET');
    }
  });
});
