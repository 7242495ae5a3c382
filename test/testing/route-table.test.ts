import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_ROUTES } from '../../src/testing/api-routes.js';
import { apiRouteTable } from '../../src/testing/route-table.js';
import { routeRows } from '../helpers/sandbox-cli.js';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('the route table', () => {
  it('is in the README as --help prints it, so the README cannot drift from the routes', () => {
    const blocks = [...README.matchAll(/```text\n([\s\S]*?)\n```/g)].map((m) => m[1]);
    const inReadme = blocks.filter((b) => b?.includes('/cards/:id/topup'));
    expect(inReadme).toEqual([apiRouteTable()]);
  });

  it('has one row per route, wrapped to 110 columns, and a served-only table without the other spelling', () => {
    const all = apiRouteTable();
    expect(routeRows(all).size).toBe(API_ROUTES.length);
    for (const line of all.split('\n')) expect(line.length).toBeLessThanOrEqual(110);
    const served = (quirks: boolean): string[] => [...routeRows(apiRouteTable(quirks)).keys()];
    expect(served(true)).not.toContain('GET /cards/:id/sensitive');
    expect(served(false)).toContain('GET /cards/:id/sensitive');
    expect(served(true)).toContain('GET /cards/:id/sensetive');
  });
});
