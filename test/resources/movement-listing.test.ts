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
