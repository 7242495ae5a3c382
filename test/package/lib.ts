// Helpers shared by the package checks (test/package) and the runtime matrix (test/runtimes):
// running commands, packing the package the way `npm publish` would, and installing the tarball
// into a throwaway folder the way a user would.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** What a finished command left behind. */
export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/** Options of {@link run}. */
export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Kills the process (and its group) after this many milliseconds. Default 120000. */
  timeoutMs?: number;
}

/** Runs a command to completion, capturing its output; never throws for a non-zero exit. */
export function run(command: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd ?? ROOT,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
    }, options.timeoutMs ?? 120_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut });
    });
  });
}

/** Runs a command and throws with its output when it fails. */
export async function runOrThrow(
  command: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<RunResult> {
  const result = await run(command, args, options);
  if (result.code !== 0) {
    const why = result.timedOut ? 'timed out' : `exited with ${result.code}`;
    throw new Error(`${command} ${args.join(' ')} ${why}\n${result.stdout}\n${result.stderr}`.trim());
  }
  return result;
}

/** A fresh temporary folder. */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `bfinance-cards-${prefix}-`));
}

/** The packed tarball and the files `npm pack` put in it. */
export interface PackResult {
  tarball: string;
  files: string[];
}

/** `npm pack` into `destination`, exactly what `npm publish` would upload. */
export async function pack(destination: string): Promise<PackResult> {
  const { stdout } = await runOrThrow('npm', [
    'pack',
    '--json',
    '--pack-destination',
    destination,
    '--loglevel=error',
  ]);
  const [info] = JSON.parse(stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
  if (!info) throw new Error('npm pack printed no result');
  return { tarball: join(destination, info.filename), files: info.files.map((file) => file.path).sort() };
}

/**
 * Installs the tarball (and `extra` packages, e.g. `msw@2.15.0`) into `dir` with a plain
 * `npm install`, as a user would. Dependencies come from the npm cache when it has them.
 */
export async function installTarball(
  dir: string,
  tarball: string,
  extra: readonly string[] = [],
): Promise<void> {
  if (!existsSync(join(dir, 'package.json'))) {
    writeFileSync(
      join(dir, 'package.json'),
      `${JSON.stringify({ name: 'consumer', private: true }, null, 2)}\n`,
    );
  }
  await runOrThrow(
    'npm',
    [
      'install',
      tarball,
      ...extra,
      '--prefer-offline',
      '--ignore-scripts',
      '--no-audit',
      '--no-fund',
      '--no-package-lock',
      '--loglevel=error',
    ],
    { cwd: dir },
  );
}

/** A devDependency's exact version from the root package.json, to install the same one elsewhere. */
export function devDependencyVersion(name: string): string {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    devDependencies: Record<string, string>;
  };
  const version = manifest.devDependencies[name];
  if (!version) throw new Error(`${name} is not a devDependency`);
  return version;
}

/** Newest modification time of any file under `dir` (0 when it does not exist). */
function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** Builds `dist` when it is missing or older than `src`, so a clean clone can run the checks. */
export async function ensureBuilt(): Promise<void> {
  const entries = [
    'dist/lib/index.js',
    'dist/node/index.cjs',
    'dist/lib/index.d.cts',
    'dist/tools/testing.cjs',
  ];
  const missing = entries.some((entry) => !existsSync(join(ROOT, entry)));
  const built = missing ? 0 : Math.min(...entries.map((entry) => statSync(join(ROOT, entry)).mtimeMs));
  const sources = Math.max(newestMtime(join(ROOT, 'src')), statSync(join(ROOT, 'tsup.config.ts')).mtimeMs);
  if (missing || sources > built) {
    console.log(`building (dist is ${missing ? 'missing' : 'older than src'})`);
    await runOrThrow('npm', ['run', 'build', '--silent']);
  }
}

/** A size in kB with one decimal, e.g. `12.3 kB`. */
export function kb(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}
