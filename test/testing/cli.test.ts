import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { allowLoopback } from './http-support.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

let child: ChildProcess | undefined;

function stop(proc: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
    proc.once('exit', () => resolve());
    // The CLI runs under npx and tsx: signal the whole process group this test started.
    if (proc.pid !== undefined) process.kill(-proc.pid, 'SIGTERM');
  });
}

afterEach(async () => {
  if (child) await stop(child);
  child = undefined;
});

function start(args: string[]): Promise<{ lines: string[]; url: string }> {
  const proc = spawn('npx', ['tsx', 'src/testing/cli.ts', ...args], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = proc;
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    proc.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /listening on (\S+)/.exec(out)?.[1];
      if (url !== undefined && /control routes: .*\n/.test(out))
        resolve({ lines: out.trim().split('\n'), url });
    });
    proc.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    proc.once('exit', (code) => reject(new Error(`CLI exited with ${code}: ${err}`)));
  });
}

describe('bfinance-cards-sandbox CLI', () => {
  it('starts on a free port, prints the URL and token, and answers GET /cards/types', async () => {
    const { lines, url } = await start(['--port', '0', '--seed', 'cli']);
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
    await expect(start(['--port', 'abc'])).rejects.toThrow(/Invalid port/);
  });
});
