import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A `bfinance-cards-sandbox` started from source on 127.0.0.1 by a test. */
export interface RunningCli {
  /** Its start banner, line by line. */
  lines: string[];
  /** The API base it printed. */
  url: string;
  /** Stops it and waits for it to exit. */
  stop(): Promise<void>;
}

/** Runs the CLI from source (`tsx src/testing/cli.ts`) with `args` and waits until it listens. */
export function startCli(args: string[]): Promise<RunningCli> {
  const proc: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/testing/cli.ts', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
      proc.once('exit', () => resolve());
      proc.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    proc.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /listening on (\S+)/.exec(out)?.[1];
      // The banner's last line: the whole banner has arrived.
      if (url !== undefined && out.includes('\nCtrl-C stops the sandbox.\n'))
        resolve({ lines: out.trim().split('\n'), url, stop });
    });
    proc.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    proc.once('exit', (code) => reject(new Error(`CLI exited with ${code}: ${out}${err}`)));
  });
}

/** Runs the CLI to completion (for `--help` and bad options). */
export function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/testing/cli.ts', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  proc.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  proc.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve) => proc.once('close', (code) => resolve({ code, stdout, stderr })));
}

/**
 * The route rows of `--help` or the start banner, keyed `METHOD PATH`, each with the text beside
 * it (continuation lines joined).
 */
export function routeRows(text: string): Map<string, string> {
  const rows = new Map<string, string>();
  let current: string | undefined;
  for (const line of text.split('\n')) {
    const row = /^ {2}(GET|POST|PUT|PATCH|DELETE) +(\/\S*) *(.*)$/.exec(line);
    if (row !== null) {
      current = `${row[1]} ${row[2]}`;
      rows.set(current, row[3] ?? '');
    } else if (current !== undefined && /^ {10,}\S/.test(line)) {
      rows.set(current, `${rows.get(current)} ${line.trim()}`);
    } else {
      current = undefined;
    }
  }
  return rows;
}
