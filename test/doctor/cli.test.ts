import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSandbox } from 'bfinance-cards/testing';
import { http, passthrough } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { CardsClient } from '../../src/client.js';
import { main } from '../../src/doctor/cli.js';
import { server as msw } from '../helpers/msw.js';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

function allowLoopback(url: string): void {
  msw.use(http.all(`${new URL(url).origin}/*`, () => passthrough()));
}

async function run(argv: string[], env: Record<string, string | undefined>) {
  let out = '';
  let err = '';
  const code = await main({ argv, env, out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

type Route = (req: IncomingMessage) => { status: number; body: unknown } | undefined;

/** A node:http fake of bfinance on 127.0.0.1; records every method it receives. */
async function fake(route: Route): Promise<{ url: string; methods: string[] }> {
  const methods: string[] = [];
  const srv = createServer((req: IncomingMessage, res: ServerResponse) => {
    methods.push(req.method ?? '');
    const reply = route(req) ?? { status: 404, body: { status: 'error', message: 'Route not found' } };
    res.writeHead(reply.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(reply.body));
  });
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(srv.address() as AddressInfo).port}/external/api`;
  closers.push(() => new Promise((resolve) => srv.close(() => resolve())));
  allowLoopback(url);
  return { url, methods };
}

const TOKEN = 'tok_live_CANARY_7f3a9b2c1d';
const PAN = '4111111111111111';

describe('bfinance-cards doctor against the sandbox', () => {
  it('reports every probe ok and exits 0', async () => {
    const sandbox = createSandbox({ seed: 3 });
    const running = await sandbox.listen();
    closers.push(() => running.close());
    allowLoopback(running.url);
    const client = new CardsClient({ apiToken: sandbox.token, baseUrl: running.url });
    const customer = await client.customers.create({
      type: 'individual',
      firstName: 'Grace',
      lastName: 'Hopper',
    });
    await client.cards.issue({
      model: 'card',
      typeId: sandbox.cardTypeIds.standalone,
      initialBalance: 25,
      firstName: 'Grace',
      lastName: 'Hopper',
      label: 'Travel',
      externalId: 'doctor-1',
    });
    const env = { BFINANCE_API_TOKEN: sandbox.token, BFINANCE_BASE_URL: running.url };
    const { code, out } = await run(['doctor', '--customer', customer.id], env);
    expect(out).toMatch(/funds\.balance\s+ok/);
    for (const op of [
      'cards.types',
      'cards.list',
      'cards.retrieve',
      'cards.transactions',
      'customers.retrieve',
    ]) {
      expect(out).toMatch(new RegExp(`${op.replace('.', '\\.')}\\s+ok`));
    }
    expect(out).not.toContain(sandbox.token);
    expect(code).toBe(0);
    const json = await run(['doctor', '--json'], env);
    const report = JSON.parse(json.out) as {
      ok: boolean;
      probes: Array<{ operation: string; result: string }>;
    };
    expect(report.ok).toBe(true);
    expect(report.probes.map((p) => [p.operation, p.result])).toEqual([
      ['funds.balance', 'ok'],
      ['cards.types', 'ok'],
      ['cards.list', 'ok'],
      ['cards.retrieve', 'ok'],
      ['cards.transactions', 'ok'],
      ['cards.limits.retrieve', 'ok'],
    ]);
    expect(json.code).toBe(0);
  });
});

describe('bfinance-cards doctor against a drifted API', () => {
  const canaries = [TOKEN, PAN, '4111 1111 1111 1111', 'Secret Label', 'Mallory', 'tx-value-9d1'];
  const drifted: Route = (req) => {
    const path = (req.url ?? '').split('?')[0];
    if (path === '/external/api/balance')
      return { status: 200, body: { status: 'success', data: { eur: 1, usd: 2, credit: TOKEN } } };
    if (path === '/external/api/cards/types')
      return {
        status: 200,
        body: {
          status: 'success',
          data: { types: [{ id: 't1', name: 'V', cardCurrency: 'USD', price: 5, brand: null }] },
        },
      };
    if (path === '/external/api/cards/list')
      return {
        status: 200,
        body: {
          status: 'success',
          data: {
            cards: [
              {
                id: 'c1',
                maskedCardNumber: PAN,
                currency: 'USD',
                status: 'active',
                label: `Secret Label ${PAN}`,
                brand: 'visa',
                cardHolder: { firstName: 'Mallory', lastName: 'X' },
                tier: 'gold',
              },
            ],
            page: 1,
            limit: 10,
          },
        },
      };
    if (path === '/external/api/cards/c1')
      return {
        status: 200,
        body: {
          status: 'success',
          data: {
            id: 'c1',
            maskedCardNumber: PAN,
            currency: null,
            status: 'active',
            balance: { value: 1, currency: 'USD' },
            cardHolder: { firstName: 'Mallory' },
            sensetive: { number: PAN, expire: '07/29', cvc: '123' },
            pinSet: TOKEN,
          },
        },
      };
    if (path === '/external/api/cards/c1/transactions')
      return {
        status: 200,
        body: {
          status: 'success',
          data: {
            transactions: [
              {
                id: 'tx-value-9d1',
                amount: 1,
                currency: 'USD',
                usdAmount: 1,
                status: 's',
                type: 'purchase',
                transactionId: 'n',
              },
            ],
          },
        },
      };
    return undefined;
  };

  it('names the wire paths, exits 1, sends only GETs, and prints no value', async () => {
    const api = await fake(drifted);
    const env = { BFINANCE_API_TOKEN: TOKEN, BFINANCE_BASE_URL: api.url };
    const { code, out, err } = await run(['doctor'], env);
    expect(code).toBe(1);
    expect(out).toMatch(/funds\.balance\s+drift\s+unknown: credit/);
    expect(out).toMatch(/cards\.types\s+drift\s+null: types\[\]\.brand/);
    expect(out).toMatch(/cards\.list\s+drift\s+unknown: cards\[\]\.tier; missing: cards\[\]\.cardType/);
    expect(out).toMatch(
      /cards\.retrieve\s+drift\s+unknown: pinSet; missing: externalCardId|cards\.retrieve\s+drift\s+unknown: pinSet/,
    );
    expect(out).toContain('null: currency');
    expect(out).toMatch(/cards\.transactions\s+drift\s+missing: transactions\[\]\.date/);
    for (const canary of canaries) {
      expect(out).not.toContain(canary);
      expect(err).not.toContain(canary);
    }
    const json = await run(['doctor', '--json'], env);
    for (const canary of canaries) expect(json.out).not.toContain(canary);
    expect(JSON.parse(json.out)).toMatchObject({ ok: false });
    expect(new Set(api.methods)).toEqual(new Set(['GET']));
  });

  it('reports the error class of a failing probe and the unreadable paths', async () => {
    const api = await fake((req) => {
      const path = (req.url ?? '').split('?')[0];
      if (path === '/external/api/balance')
        return { status: 401, body: { status: 'error', message: `bad ${TOKEN}` } };
      if (path === '/external/api/cards/types')
        return { status: 200, body: { status: 'success', data: { types: [{ name: 'no id' }] } } };
      if (path === '/external/api/cards/list')
        return { status: 200, body: { status: 'success', data: { cards: [], page: 1, limit: 10 } } };
      return undefined;
    });
    const { code, out } = await run(['doctor', '--customer', 'cus/1'], {
      BFINANCE_API_TOKEN: TOKEN,
      BFINANCE_BASE_URL: api.url,
    });
    expect(code).toBe(10);
    expect(out).toMatch(/funds\.balance\s+AuthenticationError\s+HTTP 401/);
    expect(out).toMatch(
      /cards\.types\s+ResponseValidationError\s+missing: types\[\]\.id, .*; unreadable: types\[\]\.id; HTTP 200/,
    );
    expect(out).toMatch(/cards\.list\s+ok/);
    expect(out).not.toContain('cards.retrieve');
    expect(out).toMatch(/customers\.retrieve\s+NotFoundError\s+HTTP 404/);
    expect(out).not.toContain(TOKEN);
  });
});

describe('bfinance-cards arguments', () => {
  it('needs the token, a known command and known flags', async () => {
    expect((await run(['doctor'], {})).code).toBe(3);
    expect((await run(['doctor'], {})).err).toContain('BFINANCE_API_TOKEN');
    expect((await run(['sandbox'], { BFINANCE_API_TOKEN: 'x' })).code).toBe(2);
    expect((await run(['doctor', '--wat'], { BFINANCE_API_TOKEN: 'x' })).code).toBe(2);
    const help = await run(['--help'], {});
    expect(help.code).toBe(0);
    expect(help.out).toContain('GET only');
  });
});
