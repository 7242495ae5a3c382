import * as esbuild from 'esbuild';
import { gzipSync } from 'node:zlib';
const entry = process.argv[2] ?? "import { CardsClient } from '../src/index.ts';\nconst client = new CardsClient({ apiToken: 'token' });\nconst card = await client.cards.retrieve('card_1');\nconsole.log(card.status, card.last4);";
const r = await esbuild.build({ stdin: { contents: entry, loader: 'ts', resolveDir: '/work/main/bench' }, bundle: true, format: 'esm', minify: true, write: false, metafile: true, platform: 'browser', conditions: ['workerd','edge-light'], plugins: [], logLevel: 'error' });
const out = r.outputFiles[0].contents;
console.log('total', out.length, 'gzip', gzipSync(out, {level:9}).length);
const inputs = Object.values(r.metafile.outputs)[0].inputs;
const rows = Object.entries(inputs).map(([f, i]) => [f.replace(/^.*?(src|node_modules)\//, '$1/'), i.bytesInOutput]).sort((a,b)=>b[1]-a[1]);
const byDir = {};
for (const [f,b] of rows) { const d = f.split('/').slice(0, f.startsWith('node_modules')? 3: 2).join('/'); byDir[d]=(byDir[d]??0)+b; }
console.log(byDir);
for (const [f,b] of rows.slice(0, Number(process.env.N ?? 40))) console.log(String(b).padStart(7), f);
