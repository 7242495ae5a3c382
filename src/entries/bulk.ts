/**
 * Issue and fund cards in bulk, exactly once across crashes and re-runs: {@link issueCards},
 * {@link topUpCards}, a checksummed journal ({@link fileJournal} or your own {@link JournalStore})
 * and a run lock. Node only (the file journal and the lock use `node:fs`, keys `node:crypto`).
 *
 * @module bfinance-cards/bulk
 */
export * from '../bulk/index.js';
