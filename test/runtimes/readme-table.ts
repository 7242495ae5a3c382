// The README's compatibility table, generated from the matrix's results between two markers.
// `npm run test:runtimes` fails when the README's table differs from what the run produced;
// `npm run test:runtimes -- --update-readme` rewrites that block (and only that block).

export const START_MARKER = '<!-- runtimes:start -->';
export const END_MARKER = '<!-- runtimes:end -->';

/** One README row: a runtime as the matrix ran it. */
export interface TableRow {
  runtime: string;
  version: string;
  loadedAs: string;
  transport: string;
  result: 'pass' | 'fail';
}

/** The block between the markers (without them). */
export function renderTable(rows: readonly TableRow[]): string {
  const lines = [
    '<!-- Written by `npm run test:runtimes -- --update-readme` from its results; do not edit by hand. -->',
    '| Runtime | Version | How the smoke test loads the SDK | Transport | Result |',
    '|---|---|---|---|---|',
    ...rows.map(
      (row) => `| ${row.runtime} | ${row.version} | ${row.loadedAs} | ${row.transport} | ${row.result} |`,
    ),
  ];
  return `\n${lines.join('\n')}\n`;
}

/** The README's current block, or undefined when the markers are missing. */
export function currentTable(readme: string): string | undefined {
  const start = readme.indexOf(START_MARKER);
  const end = readme.indexOf(END_MARKER);
  if (start === -1 || end === -1 || end < start) return undefined;
  return readme.slice(start + START_MARKER.length, end);
}

/** The README with its block replaced by `table`. */
export function withTable(readme: string, table: string): string {
  const start = readme.indexOf(START_MARKER);
  const end = readme.indexOf(END_MARKER);
  if (start === -1 || end === -1 || end < start) {
    throw new Error(`README.md has no ${START_MARKER} … ${END_MARKER} block`);
  }
  return readme.slice(0, start + START_MARKER.length) + table + readme.slice(end);
}
