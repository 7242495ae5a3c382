import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const exampleDir = new URL('../examples/', import.meta.url);
const examples = readdirSync(exampleDir)
  .filter((name) => name.endsWith('.ts'))
  .map((name) => ({ name, lines: normalise(readFileSync(new URL(name, exampleDir), 'utf8')) }));

function normalise(code: string): string[] {
  return code
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

function containsRun(haystack: string[], needle: string[]): boolean {
  for (let i = 0; i + needle.length <= haystack.length; i++) {
    if (needle.every((line, j) => haystack[i + j] === line)) return true;
  }
  return false;
}

const snippets = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');

describe('README snippets', () => {
  it('has a snippet for the quick start and each of the six resources', () => {
    expect(snippets.length).toBeGreaterThanOrEqual(7);
    for (const resource of ['customers', 'cards', 'pins', 'funds', 'status', 'disputes']) {
      expect(readme).toContain(`### \`client.${resource}\``);
    }
  });

  it.each(snippets.map((code, i) => [i + 1, code] as const))(
    'snippet %i is copied from an example that CI typechecks and runs',
    (_i, code) => {
      const lines = normalise(code);
      const source = examples.find((example) => containsRun(example.lines, lines));
      expect(source?.name, `no example contains:\n${code}`).toBeDefined();
    },
  );

  it('starts with the consumer install, before the set-up for working on this repository', () => {
    const install = readme.indexOf('```sh\nnpm install bfinance-cards\n```');
    expect(install).toBeGreaterThan(-1);
    expect(install).toBeLessThan(readme.indexOf('```sh\nnpm ci\n'));
  });

  it('links only to sections it has', () => {
    // GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens.
    const anchors = [...readme.matchAll(/^#+ (.+)$/gm)].map((m) =>
      (m[1] ?? '')
        .toLowerCase()
        .replace(/[^\p{L}\p{N} _-]/gu, '')
        .replace(/ /g, '-'),
    );
    const links = [...readme.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((link) => !anchors.includes(link ?? ''))).toEqual([]);
  });

  it('gives the set-up commands CI runs', () => {
    expect(readme).toMatch(/```sh\nnpm ci\nnpm run demo[^\n]*\nnpm test/);
  });
});
