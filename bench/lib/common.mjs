// Helpers shared by the benchmark scripts: arguments, statistics, the fixture server process and
// the JSON hand-off to bench/run.mjs. Plain ESM so every script runs on `node` with no loader.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository root (benchmarks run against its built `dist`). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Parses `--name=value` and bare `--flag` arguments. Numbers stay strings; use {@link intArg}.
 *
 * @param {string[]} argv
 * @returns {Record<string, string | true>}
 */
export function parseArgs(argv = process.argv.slice(2)) {
  const out = {};
  for (const arg of argv) {
    const match = /^--([\w-]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`unknown argument ${arg}`);
    out[match[1]] = match[2] ?? true;
  }
  return out;
}

/** A whole-number argument, with a default and a lower bound (loops stay bounded). */
export function intArg(args, name, fallback, min = 1, max = 1_000_000) {
  const raw = args[name];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`--${name} must be a whole number from ${min} to ${max}`);
  }
  return value;
}

/** The median of a non-empty list (mean of the middle two for an even count). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** `{ median, min, max }` of a list, rounded to `digits`. */
export function summary(values, digits = 2) {
  const round = (n) => Number(n.toFixed(digits));
  return { median: round(median(values)), min: round(Math.min(...values)), max: round(Math.max(...values)) };
}

/** Element-wise `a[i] / b[i]`: ratios paired run by run. */
export function paired(a, b, op = (x, y) => x / y) {
  return a.map((value, i) => op(value, b[i]));
}

/** `12.3 (11.9–13.0)`: a summary as the table prints it. */
export function fmt(s, digits = 1, unit = '') {
  return `${s.median.toFixed(digits)}${unit} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;
}

/**
 * `list` rotated by `by` places, and reversed every other lap (A/B/C, B/C/A, C/A/B, then C/B/A,
 * A/C/B, B/A/C): each variant leads equally often and, for three variants, runs right after each
 * other one equally often. Rotation alone keeps the cyclic order, so one client would always follow
 * the same other one and pay for the garbage that one leaves (raw fetch leaves the most: the SDK's
 * ratio to raw undici measured 1.30 behind fetch against 1.10 with fetch out of the rotation).
 */
export function rotate(list, by) {
  const k = by % list.length;
  const rotated = [...list.slice(k), ...list.slice(0, k)];
  return Math.floor(by / list.length) % 2 === 1 ? rotated.reverse() : rotated;
}

/** Runs a full collection when the script was started with --expose-gc. */
export function collect() {
  if (typeof globalThis.gc === 'function') {
    globalThis.gc();
    globalThis.gc();
  }
}

/**
 * Starts the fixture server in its own process and resolves once it listens. The server exits when
 * this process closes its stdin, including when this process dies.
 *
 * @returns {Promise<{ origin: string, stop: () => Promise<void> }>}
 */
export function startServer() {
  const child = spawn(process.execPath, [fileURLToPath(new URL('./server.mjs', import.meta.url))], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error('the fixture server did not start within 10 s'));
    }, 10_000);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the fixture server exited early (${code})`)));
    child.stdout.on('data', (chunk) => {
      buffered += chunk;
      const line = buffered.split('\n')[0];
      if (!buffered.includes('\n')) return;
      clearTimeout(timer);
      const { port } = JSON.parse(line);
      resolve({
        origin: `http://127.0.0.1:${port}`,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.removeAllListeners('exit');
            child.once('exit', () => done());
            child.stdin.end();
          }),
      });
    });
  });
}

/** Writes a script's result where bench/run.mjs asked (`--json=path`), or prints it. */
export function report(args, result) {
  const text = `${JSON.stringify(result, null, 2)}\n`;
  if (typeof args.json === 'string') writeFileSync(args.json, text);
  else process.stdout.write(text);
}
