import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/exit-codes.js';
import { type ScriptedServer, startScriptedServer } from '../helpers/http-server.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
});

describe('the bfinance-cards executable', () => {
  it('exits 5 (interrupted) on Ctrl-C during a probe', async () => {
    server = await startScriptedServer(['hang']);
    const proc = spawn(process.execPath, ['--import', 'tsx', 'src/doctor/bin.ts', 'doctor'], {
      cwd: ROOT,
      env: {
        ...process.env,
        BFINANCE_API_TOKEN: 'tok_interrupt_canary_5f0e',
        BFINANCE_BASE_URL: `${server.origin}/external/api`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    proc.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    proc.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => proc.once('close', (code) => resolve(code)));
    await server.waitForRequests(1);
    proc.kill('SIGINT');
    expect(await exited).toBe(EXIT.interrupted);
    expect(output).toContain('bfinance-cards: interrupted.');
    expect(output).not.toContain('tok_interrupt_canary_5f0e');
  });
});
