import { parse } from 'csv-parse/sync';
import type { BulkRowResult } from '../bulk/index.js';
import type { BulkOperation } from '../bulk/keys.js';

/** The CSV columns each operation reads; `displayName` goes into `configuration`. */
export const COLUMNS: Readonly<Record<BulkOperation, readonly string[]>> = {
  issue: [
    'ref',
    'typeId',
    'model',
    'firstName',
    'lastName',
    'customerId',
    'initialBalance',
    'budgetId',
    'label',
    'externalId',
    'displayName',
  ],
  topup: ['ref', 'card', 'amount', 'note'],
};

/** Rows read from a CSV file, with the file line each starts on. */
export interface CsvRows {
  rows: Record<string, unknown>[];
  lines: number[];
}

/**
 * Reads the rows of a CSV text: a header row naming the fields (UTF-8, with or without a BOM,
 * CRLF or LF, quoted fields). Empty cells are absent fields; issue rows default to `model: card`
 * and to `typeId` when given.
 *
 * @throws {Error} with a message naming the line, for malformed CSV or an unknown column.
 */
export function readCsv(text: string, operation: BulkOperation, typeId: string | undefined): CsvRows {
  const records = parse(text, {
    bom: true,
    columns: (header: string[]) => {
      const known = COLUMNS[operation];
      const unknown = header.filter((name) => !known.includes(name.trim()));
      if (unknown.length > 0) {
        throw new Error(
          `Unknown column(s) ${unknown.join(', ')}; the ${operation} columns are: ${known.join(', ')}.`,
        );
      }
      return header.map((name) => name.trim());
    },
    skip_empty_lines: true,
    trim: true,
    info: true,
  }) as { record: Record<string, string>; info: { lines: number } }[];
  const rows = records.map(({ record }) => {
    const row: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(record)) if (value !== '') row[name] = value;
    if (operation === 'issue') {
      row.model ??= 'card';
      if (typeId !== undefined) row.typeId ??= typeId;
      if (row.displayName !== undefined) {
        row.configuration = { displayName: row.displayName };
        delete row.displayName;
      }
    }
    return row;
  });
  return { rows, lines: records.map(({ info }) => info.lines) };
}

const cell = (value: string | undefined): string =>
  value === undefined ? '' : /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;

/** The results CSV: ref, card id, last four, outcome, error class and hint of every row. */
export function resultsCsv(rows: readonly BulkRowResult[]): string {
  const lines = rows.map((r) => [r.ref, r.cardId, r.last4, r.outcome, r.error, r.hint].map(cell).join(','));
  return ['ref,cardId,last4,outcome,error,hint', ...lines, ''].join('\n');
}
