import type { Diagnosis } from './diagnosis.js';
import type { ProbeResult } from './probes.js';

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

/** The diagnosis as text: what is wrong, the next step, and the exit status. */
export function formatDiagnosis(diagnosis: Diagnosis): string {
  return `${diagnosis.message}\nNext step: ${diagnosis.nextStep}\n(exit ${diagnosis.exitCode}: ${diagnosis.code})\n`;
}

/** The results as a text table (operation, result, the wire paths that differ), then the diagnosis. */
export function formatTable(results: readonly ProbeResult[], diagnosis: Diagnosis): string {
  const rows = [
    ['operation', 'result', 'fields'],
    ...results.map((r) => [r.operation, r.result, details(r)]),
  ];
  const widths = [0, 1].map((col) => Math.max(...rows.map((row) => (row[col] ?? '').length)));
  const lines = rows.map((row) =>
    `${(row[0] ?? '').padEnd(widths[0] ?? 0)}  ${(row[1] ?? '').padEnd(widths[1] ?? 0)}  ${row[2] ?? ''}`.trimEnd(),
  );
  return `${lines.join('\n')}\n\n${formatDiagnosis(diagnosis)}`;
}

/** The results as JSON, with the same facts as the table; `probes` is empty when none ran. */
export function formatJson(results: readonly ProbeResult[], version: string, diagnosis: Diagnosis): string {
  const report = { ok: diagnosis.exitCode === 0, version, probes: results, diagnosis };
  return `${JSON.stringify(report, null, 2)}\n`;
}
