import { CONTROL_ROUTES, createSandbox, SANDBOX_MESSAGES as M } from 'bfinance-cards/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { API_ROUTES } from '../../src/testing/api-routes.js';
import type { Route } from '../../src/testing/route.js';
import { type RunningCli, routeRows, runCli, startCli } from '../helpers/sandbox-cli.js';
import { allowLoopback } from './http-support.js';
import { caller } from './support.js';

let cli: RunningCli | undefined;

/** Asserts that `text` has one row per route of `routes` and of the control routes, each with its body fields. */
function expectRouteRows(text: string, routes: readonly Route[]): void {
  const rows = routeRows(text);
  for (const route of routes) {
    const row = rows.get(`${route.method} ${route.path}`);
    expect(row, `${route.method} ${route.path}`).toBeDefined();
    const fields = Object.entries(route.fields ?? {}).map(([name, type]) => `${name}: ${type}`);
    expect(row).toContain(fields.join(', '));
    expect(row?.match(/\w+: \w+/g) ?? []).toEqual(fields);
  }
  for (const route of CONTROL_ROUTES)
    expect(rows.get(`${route.method} /__sandbox${route.path}`)).toBe(route.summary);
  expect(rows.size).toBe(routes.length + CONTROL_ROUTES.length);
}

/** Asserts that `text` has one row per seeded program role with its id. */
function expectProgramIds(text: string, ids: Readonly<Record<string, string>>): void {
  expect(Object.keys(ids).length).toBeGreaterThan(0);
  for (const [role, id] of Object.entries(ids))
    expect(text).toMatch(new RegExp(`^ {2}${role} +${id} +\\S`, 'm'));
}

afterEach(async () => {
  await cli?.stop();
  cli = undefined;
});

describe('bfinance-cards-sandbox CLI', () => {
  it('starts on a free port, prints the URL and token, and answers GET /cards/types', async () => {
    cli = await startCli(['--port', '0', '--seed', 'cli']);
    const { lines, url } = cli;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/external\/api$/);
    expect(lines.slice(0, 2)).toEqual([`bfinance sandbox listening on ${url}`, 'token: sandbox_test_token']);
    expect(lines[2]).toMatch(/^control routes: http:\/\/127\.0\.0\.1:\d+\/__sandbox \(quirks on;/);
    allowLoopback(url);
    const res = await fetch(`${url}/cards/types`, {
      headers: { authorization: 'Bearer sandbox_test_token' },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; data: { types: unknown[] } };
    expect(body.status).toBe('success');
    expect(body.data.types).toHaveLength(3);
    const unauthorized = await fetch(`${url}/cards/types`);
    expect(unauthorized.status).toBe(401);
  });

  it('exits with a usage message on a bad option', async () => {
    await expect(startCli(['--port', 'abc'])).rejects.toThrow(/Invalid port/);
    const unknown = await runCli(['--bogus']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown option '--bogus'[\s\S]*Usage: bfinance-cards-sandbox/);
  });

  it('--help lists every flag, every API route with its body fields, every control route and the programs', async () => {
    const help = await runCli(['--help', '--seed', 'help']);
    expect(help.code).toBe(0);
    for (const flag of ['--seed', '--port', '--auto-verify', '--quirks', '--no-quirks', '--strict-issuance'])
      expect(help.stdout).toContain(flag);
    expectRouteRows(help.stdout, API_ROUTES);
    // The quirks-only spelling and the correct one are both listed, each saying when it is served.
    expect(routeRows(help.stdout).get('GET /cards/:id/sensitive')).toBe('(only with --no-quirks)');
    // With a seed the ids are known before the start: those of that seed.
    expectProgramIds(help.stdout, createSandbox({ seed: 'help' }).cardTypeIds);
    const unseeded = await runCli(['--help']);
    expect(unseeded.stdout).toMatch(/^ {2}standalone +\(random\) +POST \/cards\/issue/m);
  });

  it('the start banner lists the routes it serves and the program and budget ids to issue with', async () => {
    cli = await startCli(['--port', '0']);
    const banner = cli.lines.join('\n');
    expectRouteRows(
      banner,
      API_ROUTES.filter((r) => r.when?.(true) ?? true),
    );
    allowLoopback(cli.url);
    const state = await caller(cli.url.replace('/external/api', '/__sandbox'), 'sandbox_test_token')(
      'GET',
      '/state',
    );
    expectProgramIds(banner, state.body.data.cardTypeIds);
    expect(state.body.data.budgetIds.length).toBeGreaterThan(0);
    for (const id of state.body.data.budgetIds) expect(banner).toMatch(new RegExp(`^ {2}${id} +\\S`, 'm'));
  });

  it('--no-quirks, --auto-verify, --strict-issuance and --token change what the server does', async () => {
    cli = await startCli([
      '--port',
      '0',
      '--no-quirks',
      '--auto-verify',
      '--strict-issuance',
      '--token',
      'cli-token',
    ]);
    expect(cli.lines[2]).toContain('(no quirks, auto-verify, strict issuance;');
    expectRouteRows(cli.lines.join('\n'), API_ROUTES);
    allowLoopback(cli.url);
    const call = caller(cli.url, 'cli-token');
    const customer = await call('POST', '/customers', {
      type: 'individual',
      firstName: 'Ada',
      lastName: 'Lovelace',
    });
    expect((await call('GET', `/customers/${customer.body.data.id}`)).body.data.status).toBe('active');
    const types = (await call('GET', '/cards/types')).body.data.types as Array<{ id: string }>;
    const refused = await call('POST', '/cards/issue', {
      typeId: types[0]?.id,
      initialBalance: 1,
      firstName: 'Ada',
      lastName: 'Lovelace',
    });
    expect([refused.status, refused.body.message]).toEqual([400, M.EXTERNAL_ID_REQUIRED]);
    // Without the quirks, the correctly spelled card-data route exists (404 for the card, not the route).
    const spelled = await call('GET', '/cards/no-such-card/sensitive');
    expect(spelled.body.message).toBe(M.CARD_NOT_FOUND);
  });

  it('--seed makes two servers hand out the same ids', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      cli = await startCli(['--port', '0', '--seed', 'same']);
      allowLoopback(cli.url);
      const created = await caller(cli.url, 'sandbox_test_token')('POST', '/customers', {
        type: 'individual',
      });
      ids.push(created.body.data.id);
      await cli.stop();
      cli = undefined;
    }
    expect(ids[0]).toBe(ids[1]);
  });
});
