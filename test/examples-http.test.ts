import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningCli, startCli } from './helpers/sandbox-cli.js';
import { allowLoopback } from './testing/http-support.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));

let cli: RunningCli | undefined;
afterEach(async () => {
  await cli?.stop();
  cli = undefined;
});

describe('npm run demo against a separately started bfinance-cards-sandbox', () => {
  it('runs the whole flow over HTTP, with bfinance played through the control routes', async () => {
    cli = await startCli(['--port', '0', '--seed', 'demo']);
    allowLoopback(cli.url);
    const env = {
      ...process.env,
      BFINANCE_API_TOKEN: 'must-not-be-used',
      BFINANCE_LIVE: '',
      BFINANCE_SANDBOX_URL: cli.url,
      TSX_TSCONFIG_PATH: 'examples/tsconfig.json',
    };
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'examples/issue-card-flow.ts'], {
      cwd: root,
      env,
      timeout: 60_000,
    });
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toBe(
      `SANDBOX: the bfinance-cards-sandbox at ${cli.url} (BFINANCE_SANDBOX_URL): test cards, no real money`,
    );
    expect(lines).toContain('• customer verified');
    expect(lines).toContain('• card access granted');
    expect(lines).toContain('• topped up 49.90 EUR (note "Conference")');
    expect(stdout).toMatch(/• dispute [0-9a-f]{24} opened on the 30\.00 EUR charge: pending/);
    expect(lines.at(-1)).toMatch(/expected (\d+\.\d\d) EUR: reconciled$/);
    for (const money of stdout.matchAll(/(\d+(?:\.\d+)?) (USD|EUR)/g)) expect(money[1]).toMatch(/\.\d\d$/);

    // The flow went over the wire: the server's request log has the dispute and the top-up.
    const log = await fetch(`${new URL(cli.url).origin}/__sandbox/requests`, {
      headers: { authorization: 'Bearer sandbox_test_token' },
    });
    const requests = ((await log.json()) as { data: { requests: Array<{ method: string; path: string }> } })
      .data.requests;
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining([
        'POST /disputes',
        expect.stringMatching(/^POST \/cards\/[0-9a-f]{24}\/topup$/),
      ]),
    );
  });
});
