import { createHash, randomBytes } from 'node:crypto';

/** The operations a batch can run. */
export type BulkOperation = 'issue' | 'topup';

/** A batch id: 1–64 of letters, digits, `_` and `-` (no `.`, which joins it to a ref). */
export const BATCH_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** A row ref: 1–64 of letters, digits, `.`, `_` and `-`. */
export const REF = /^[A-Za-z0-9._-]{1,64}$/;

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** A new batch id: the UTC date and 12 random hex digits, e.g. `2026-12-07-3fa9c1d2e4b5`. */
export function newBatchId(now: number = Date.now()): string {
  return `${new Date(now).toISOString().slice(0, 10)}-${randomBytes(6).toString('hex')}`;
}

/**
 * The `Idempotency-Key` of a row: a UUID-shaped digest of operation, batch and ref, so every run
 * of the batch sends the same key for the row and another batch never does.
 */
export function rowKey(operation: BulkOperation, batchId: string, ref: string): string {
  const h = sha256(`bfinance-cards/bulk\n${operation}\n${batchId}\n${ref}`);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The default `externalId` of an issued card: batch id and ref, so a run can find the card again. */
export function rowExternalId(batchId: string, ref: string): string {
  return `${batchId}.${ref}`;
}

/** A short digest of a journal line's text, its checksum. */
export function checksum(text: string): string {
  return sha256(text).slice(0, 16);
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value).sort();
    return Object.fromEntries(keys.map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  }
  return value;
}

/** A digest of a row's fields (key order aside): the journal keeps it, never the fields. */
export function rowFingerprint(row: object): string {
  return sha256(JSON.stringify(canonical(row))).slice(0, 24);
}
