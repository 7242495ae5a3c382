// `npm run sandbox [-- flags]`: starts bfinance-cards-sandbox from dist, building first only when
// dist is missing or older than what it is built from (src/, package.json, tsup.config.ts).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) latest = Math.max(latest, mtime(join(entry.parentPath, entry.name)));
  }
  return latest;
}

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const bin = join(root, manifest.bin['bfinance-cards-sandbox']);
const sources = Math.max(
  newest(join(root, 'src')),
  mtime(join(root, 'package.json')),
  mtime(join(root, 'tsup.config.ts')),
);
if (mtime(bin) < sources) {
  process.stderr.write('dist is missing or older than src: building first (npm run build)\n');
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) process.exit(build.status ?? 1);
} else {
  process.stderr.write('dist is current: starting without a rebuild\n');
}
// The bin reads process.argv.slice(2), which are this script's own arguments.
await import(pathToFileURL(bin).href);
