import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readListing } from '../../src/resources/movement-listing.js';

// The reader alone: where it may call a listing read to its end.

describe('readListing and the server’s own page count', () => {
  it('an empty page that the count says is not the last proves no end (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        async (perPage, served, missing) => {
          const total = served + missing;
          const entries = (page: number) =>
            Array.from({ length: perPage }, (_, i) => ({ id: `p${page}-${i}`, amount: 1 }));
          const read = async (page: number) => ({
            items: page <= served ? entries(page) : [],
            totalPages: total,
          });
          const listing = await readListing(read, 0);
          expect(listing.complete).toBe(false);
          expect(listing.reason).toMatch(/empty, but the listing counts/);
        },
      ),
    );
  });

  it('an empty page past the count is the end', async () => {
    const read = async (page: number) => ({
      items: page === 1 ? [{ id: 'a', amount: 1 }] : [],
      totalPages: 1,
    });
    const listing = await readListing(read, 0);
    expect(listing.complete).toBe(true);
  });
});

describe('readListing and a page that only looks like the one before', () => {
  it('the same ids with any field changed are new entries, not a clamped page: reading goes on (property)', async () => {
    const fields = ['amount', 'currency', 'type', 'date', 'note', 'status'] as const;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fields), fc.integer({ min: 2, max: 4 }), async (field, at) => {
        const base = {
          amount: 1,
          currency: 'USD',
          type: 'topup',
          date: '2026-12-01T10:00:00Z',
          note: 'n',
          status: 'completed',
        };
        // Page `at` repeats the ids of the page before with one field changed (a declined try and
        // the applied one may share an id); the entry after it must still be read.
        const pages = Array.from({ length: at + 1 }, (_, i) => [{ ...base, id: `e${i}` }]);
        pages[at - 1] = [{ ...base, id: `e${at - 2}`, [field]: field === 'amount' ? 2 : 'other' }];
        const read = async (page: number) => ({ items: pages[page - 1] ?? [] });
        const listing = await readListing(read, 0);
        expect(listing.complete).toBe(true);
        expect(listing.entries.map((e) => e.id)).toContain(`e${at}`);
      }),
    );
  });
});
