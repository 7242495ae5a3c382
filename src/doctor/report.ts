import type { ProbeResult } from './probes.js';

/** True when every probe matched the documented shapes. */
export function allOk(results: readonly ProbeResult[]): boolean {
  return results.length > 0 && results.every((r) => r.result === 'ok');
}

function details(result: ProbeResult): string {
  const parts: string[] = [];
  for (const kind of ['unknown', 'missing', 'null'] as const) {
    const paths = result.drift.filter((d) => d.kind === kind).map((d) => d.path);
    if (paths.length > 0) parts.push(`${kind}: ${paths.join(', ')}`);
  }
  if (result.invalid.length > 0) parts.push(`unreadable: ${result.invalid.join(', ')}`);
  if (result.status !== undefined && result.result !== 'ok' && result.result !== 'drift') {
    parts.push(`HTTP ${result.status}`);
  }
  return parts.join('; ');
}

/** The results as a text table: operation, result, and the wire paths that differ. */
export function formatTable(results: readonly ProbeResult[]): string {
  const rows = [
    ['operation', 'result', 'fields'],
    ...results.map((r) => [r.operation, r.result, details(r)]),
  ];
  const widths = [0, 1].map((col) => Math.max(...rows.map((row) => (row[col] ?? '').length)));
  const lines = rows.map((row) =>
    `${(row[0] ?? '').padEnd(widths[0] ?? 0)}  ${(row[1] ?? '').padEnd(widths[1] ?? 0)}  ${row[2] ?? ''}`.trimEnd(),
  );
  const verdict = allOk(results)
    ? 'Every probe matched the shapes bfinance-cards expects.'
    : 'Some probes differ: send this table (it holds field names only, no values) with your bfinance-cards version.';
  return `${lines.join('\n')}\n\n${verdict}\n`;
}

/** The results as JSON, with the same facts as the table. */
export function formatJson(results: readonly ProbeResult[], version: string): string {
  return `${JSON.stringify({ ok: allOk(results), version, probes: results }, null, 2)}\n`;
}
