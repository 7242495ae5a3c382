// Bundles a one-call program the way edge platforms do (esbuild, platform `browser`, the `workerd`
// or `edge-light` export condition, no polyfills) and reports what ended up in it.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** The programs: one call, as a Worker or edge function would hold it, through each front door. */
export const ONE_CALL = {
  /** The whole client. */
  client: `import { CardsClient } from 'bfinance-cards';
export default {
  async fetch() {
    const client = new CardsClient({ apiToken: 'token' });
    return Response.json(await client.cards.retrieve('card_1'));
  },
};
`,
  /** The cards resource alone, from its own entry. */
  cards: `import { Cards } from 'bfinance-cards/cards';
export default {
  async fetch() {
    const cards = new Cards({ apiToken: 'token' });
    return Response.json(await cards.retrieve('card_1'));
  },
};
`,
} as const;

/** Which program to bundle. */
export type OneCallProgram = keyof typeof ONE_CALL;

/** The export conditions each platform's bundler uses (wrangler, Next.js / Vercel). */
export const EDGE_CONDITIONS = {
  workerd: ['workerd', 'worker', 'browser'],
  'edge-light': ['edge-light', 'worker', 'browser'],
} as const;

/** Which platform's conditions to bundle with. */
export type EdgePlatform = keyof typeof EDGE_CONDITIONS;

/** What one bundle holds. */
export interface EdgeBundleReport {
  platform: EdgePlatform;
  /** Minified size in bytes. */
  bytes: number;
  /** Gzip (level 9) size of the minified bundle in bytes. */
  gzip: number;
  /** Which file of bfinance-cards the bundler picked. */
  entry: string | undefined;
  /** Everything wrong with the bundle; empty when it is clean. */
  problems: string[];
}

const NODE_BUILTIN =
  /["'`]node:[a-z_/]+["'`]|require\(\s*["'`](?:fs|http|https|http2|net|tls|dns|crypto|stream|util|buffer|events|zlib|url|path|os|child_process|worker_threads|async_hooks|perf_hooks)["'`]\s*\)/;

/**
 * Bundles the one-call program with `bfinance-cards` resolved from `resolveDir`'s node_modules.
 * A Node built-in import fails the build itself (platform `browser`, nothing marked external), so
 * a clean report also proves the bundle needs no polyfill.
 */
export async function bundleEdge(
  resolveDir: string,
  platform: EdgePlatform,
  program: OneCallProgram = 'client',
): Promise<EdgeBundleReport> {
  const problems: string[] = [];
  let result: Awaited<ReturnType<typeof build<{ write: false; metafile: true }>>>;
  try {
    result = await build({
      stdin: { contents: ONE_CALL[program], resolveDir, sourcefile: 'one-call.mjs', loader: 'js' },
      bundle: true,
      write: false,
      metafile: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      conditions: [...EDGE_CONDITIONS[platform]],
      logLevel: 'silent',
    });
  } catch (error) {
    const messages = (error as { errors?: Array<{ text: string }> }).errors?.map((e) => e.text) ?? [
      String(error),
    ];
    return {
      platform,
      bytes: 0,
      gzip: 0,
      entry: undefined,
      problems: messages.map((m) => `build failed: ${m}`),
    };
  }
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  const text = new TextDecoder().decode(code);
  const inputs = Object.keys(result.metafile.inputs);
  const expected = `dist/lib/${program === 'client' ? 'index' : program}.js`;
  const entry = inputs.find((input) => /(^|\/)dist\/lib\/[a-z]+\.c?js$/.test(input));
  if (!entry?.endsWith(expected))
    problems.push(`resolved the import to ${entry ?? 'nothing'}, not ${expected}`);
  const undiciInputs = inputs.filter((input) => /(^|\/)undici(\/|$)/.test(input));
  if (undiciInputs.length > 0) problems.push(`undici is in the bundle: ${undiciInputs.join(', ')}`);
  if (/undici/i.test(text)) problems.push('the bundle text mentions undici');
  const builtin = NODE_BUILTIN.exec(text);
  if (builtin) problems.push(`the bundle imports a Node built-in: ${builtin[0]}`);
  return { platform, bytes: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength, entry, problems };
}
