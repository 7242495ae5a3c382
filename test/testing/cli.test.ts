import { CONTROL_ROUTES, SANDBOX_MESSAGES as M } from 'bfinance-cards/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningCli, runCli, startCli } from '../helpers/sandbox-cli.js';
import { allowLoopback } from './http-support.js';
import { caller } from './support.js';

let cli: RunningCli | undefined;

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

  it('--help lists every flag and every control route', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    for (const flag of ['--seed', '--port', '--auto-verify', '--quirks', '--no-quirks', '--strict-issuance'])
      expect(help.stdout).toContain(flag);
    for (const route of CONTROL_ROUTES)
      expect(help.stdout).toContain(`${route.method} /__sandbox${route.path}`);
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
