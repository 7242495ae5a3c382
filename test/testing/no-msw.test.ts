import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const here = fileURLToPath(new URL('.', import.meta.url));

describe('bfinance-cards/testing without msw installed', () => {
  it('serves the in-process and HTTP sandboxes, and loads msw only in handlers()', async () => {
    const { stdout } = await run(
      process.execPath,
      ['--import', './fixtures/block-msw.mjs', '--import', 'tsx', './fixtures/no-msw-user.ts'],
      { cwd: here, timeout: 60_000 },
    );
    expect(JSON.parse(stdout)).toEqual({ inProcess: 3, http: 200, handlers: "Cannot find package 'msw'" });
  });
});
