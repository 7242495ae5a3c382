import { createSandbox } from 'bfinance-cards/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXIT, EXIT_MEANINGS } from '../../src/cli/exit-codes.js';
import { CardsClient } from '../../src/client.js';
import { DEFAULT_BASE_URL, SANDBOX_TOKEN } from '../../src/core/base-url.js';
import { isCardsError } from '../../src/core/errors.js';
import { main } from '../../src/doctor/cli.js';
import type { FetchLike } from '../../src/doctor/get-only.js';
import { CanaryScanner } from '../helpers/canary.js';
import { letLoopbackThroughMsw, refusedPort, startScriptedServer } from '../helpers/http-server.js';

const closers: Array<() => Promise<void>> = [];
beforeEach(() => letLoopbackThroughMsw());
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

interface Run {
  code: number;
  out: string;
  err: string;
}

async function run(argv: string[], env: Record<string, string>, fetch?: FetchLike): Promise<Run> {
  let out = '';
  let err = '';
  const code = await main({ argv, env, fetch, out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

/** Runs doctor as text and as --json; asserts neither output carries the canary token. */
async function both(scanner: CanaryScanner, env: Record<string, string>, fetch?: FetchLike) {
  const text = await run(['doctor'], env, fetch);
  const json = await run(['doctor', '--json'], env, fetch);
  for (const [where, output] of Object.entries({ text, json })) {
    scanner.scan(`${where} stdout`, output.out);
    scanner.scan(`${where} stderr`, output.err);
  }
  expect(scanner.hits).toEqual([]);
  const report = JSON.parse(json.out) as {
    ok: boolean;
    diagnosis: { code: string; exitCode: number; message: string; nextStep: string };
  };
  expect(report.ok).toBe(false);
  expect(json.code).toBe(report.diagnosis.exitCode);
  return { text, report, diagnosis: report.diagnosis };
}

/** What the SDK itself says about these options. */
function sdkRefusal(apiToken: string, baseUrl: string): { message: string; hint: string } {
  try {
    new CardsClient({ apiToken, baseUrl });
  } catch (error) {
    if (isCardsError(error) && error.name === 'ValidationError') return error;
  }
  throw new Error('the SDK accepted these options');
}

const neverCalled: FetchLike = async () => {
  throw new Error('doctor sent a request despite a configuration mistake');
};

describe('bfinance-cards doctor: a configuration mistake', () => {
  const cases: Array<[string, (token: string) => { token: string; baseUrl: string }]> = [
    [
      'the sandbox token with the production URL',
      () => ({ token: SANDBOX_TOKEN, baseUrl: DEFAULT_BASE_URL }),
    ],
    ['a token with a Bearer prefix', (token) => ({ token: `Bearer ${token}`, baseUrl: DEFAULT_BASE_URL })],
    [
      'http: to a host that is not loopback',
      (token) => ({ token, baseUrl: 'http://business.bfinance.app/external/api' }),
    ],
  ];

  it.each(cases)('%s: prints the SDK message and hint, sends nothing, exits 3', async (_name, make) => {
    const scanner = new CanaryScanner();
    const { token, baseUrl } = make(scanner.token);
    const sdk = sdkRefusal(token, baseUrl);
    const env = { BFINANCE_API_TOKEN: token, BFINANCE_BASE_URL: baseUrl };
    const { text, diagnosis } = await both(scanner, env, neverCalled);
    expect(text.code).toBe(EXIT.configuration);
    expect(text.err).toContain(sdk.message);
    expect(text.err).toContain(`Next step: ${sdk.hint}`);
    expect(text.err).not.toContain('failed unexpectedly');
    expect(diagnosis).toEqual({
      code: 'configuration',
      exitCode: EXIT.configuration,
      message: sdk.message,
      nextStep: sdk.hint,
    });
  });

  it('a base URL without /external/api: the SDK accepts it, doctor names it (404 on every probe), exits 3', async () => {
    const scanner = new CanaryScanner();
    const sandbox = createSandbox({ token: scanner.token });
    const running = await sandbox.listen();
    closers.push(() => running.close());
    expect(
      () => new CardsClient({ apiToken: scanner.token, baseUrl: new URL(running.url).origin }),
    ).not.toThrow();
    const env = { BFINANCE_API_TOKEN: scanner.token, BFINANCE_BASE_URL: new URL(running.url).origin };
    const { text, diagnosis } = await both(scanner, env);
    expect(text.code).toBe(EXIT.configuration);
    expect(text.out).toMatch(/funds\.balance\s+NotFoundError\s+HTTP 404/);
    expect(diagnosis.code).toBe('configuration');
    expect(diagnosis.message).toContain('no /external/api path');
    expect(diagnosis.message).toContain('every call answered 404');
    expect(diagnosis.nextStep).toContain(`BFINANCE_BASE_URL to the API base, ${DEFAULT_BASE_URL}`);
    expect(text.out).toContain(`Next step: ${diagnosis.nextStep}`);
  });

  it('no token: says which variable to set, exits 3', async () => {
    const text = await run(['doctor'], {});
    expect(text.code).toBe(EXIT.configuration);
    expect(text.err).toContain('BFINANCE_API_TOKEN is not set');
  });
});

describe('bfinance-cards doctor: refusals and a dead host each name the next step', () => {
  it('401 from the sandbox (a wrong token): token refused, check the token, exits 10', async () => {
    const scanner = new CanaryScanner();
    const sandbox = createSandbox();
    const running = await sandbox.listen();
    closers.push(() => running.close());
    const { text, diagnosis } = await both(scanner, {
      BFINANCE_API_TOKEN: scanner.token,
      BFINANCE_BASE_URL: running.url,
    });
    expect(text.code).toBe(EXIT.tokenRefused);
    expect(diagnosis).toMatchObject({ code: 'token-refused', exitCode: 10 });
    expect(diagnosis.message).toContain('HTTP 401');
    expect(diagnosis.nextStep).toMatch(/^Check BFINANCE_API_TOKEN/);
    expect(text.out).toContain(
      `${diagnosis.message}\nNext step: ${diagnosis.nextStep}\n(exit 10: token-refused)`,
    );
    expect(text.out).not.toMatch(/send this/i);
  });

  it("403 on every call: access refused, check the account's access, exits 11", async () => {
    const scanner = new CanaryScanner();
    const denied = { status: 403, body: { status: 'error', message: `Forbidden for ${scanner.token}` } };
    const server = await startScriptedServer(Array.from({ length: 6 }, () => denied));
    closers.push(() => server.close());
    const { text, diagnosis } = await both(scanner, {
      BFINANCE_API_TOKEN: scanner.token,
      BFINANCE_BASE_URL: `${server.origin}/external/api`,
    });
    expect(text.code).toBe(EXIT.accessRefused);
    expect(diagnosis).toMatchObject({ code: 'access-refused', exitCode: 11 });
    expect(diagnosis.message).toContain('HTTP 403 on funds.balance, cards.types, cards.list');
    expect(diagnosis.nextStep).toMatch(/^Check the account's access/);
    expect(text.out).toContain('(exit 11: access-refused)');
    expect(new Set(server.requests.map((r) => r.method))).toEqual(new Set(['GET']));
  });

  it('404 on every call at a path ending in /external/api: the base URL is wrong, exits 12', async () => {
    const scanner = new CanaryScanner();
    const sandbox = createSandbox({ token: scanner.token });
    const running = await sandbox.listen();
    closers.push(() => running.close());
    const { text, diagnosis } = await both(scanner, {
      BFINANCE_API_TOKEN: scanner.token,
      BFINANCE_BASE_URL: `${new URL(running.url).origin}/v2/external/api`,
    });
    expect(text.code).toBe(EXIT.notFound);
    expect(diagnosis).toMatchObject({ code: 'not-found', exitCode: 12 });
    expect(diagnosis.nextStep).toMatch(/^Set BFINANCE_BASE_URL to the API base/);
    expect(text.out).toContain('(exit 12: not-found)');
  });

  it('a closed port: cannot connect, check the network, exits 13', async () => {
    const scanner = new CanaryScanner();
    const port = await refusedPort();
    const { text, diagnosis } = await both(scanner, {
      BFINANCE_API_TOKEN: scanner.token,
      BFINANCE_BASE_URL: `http://127.0.0.1:${port}/external/api`,
    });
    expect(text.code).toBe(EXIT.cannotConnect);
    expect(diagnosis).toMatchObject({ code: 'cannot-connect', exitCode: 13 });
    expect(diagnosis.message).toContain(`Could not reach 127.0.0.1:${port}`);
    expect(diagnosis.nextStep).toMatch(/^Check the network/);
    expect(text.out).toMatch(/funds\.balance\s+ConnectionError/);
  });
});

describe('bfinance-cards --help', () => {
  it('lists every exit status of the table', async () => {
    const help = await run(['--help'], {});
    expect(help.code).toBe(EXIT.ok);
    for (const [code, meaning] of EXIT_MEANINGS) {
      expect(help.out).toMatch(new RegExp(`^ *${code}  ${meaning.replace(/[()]/g, '\\$&')}$`, 'm'));
    }
    expect(help.out).toContain('the highest-risk wins');
  });
});
