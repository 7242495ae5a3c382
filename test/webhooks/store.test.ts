import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memoryEventStore } from '../../src/webhooks/store.js';

describe('memoryEventStore', () => {
  it('claims an id once, again after release', () => {
    const store = memoryEventStore();
    expect(store.claim('a')).toBe(true);
    expect(store.claim('a')).toBe(false);
    store.release('a');
    expect(store.claim('a')).toBe(true);
  });

  it('remembers exactly the last `max` ids', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 80 }),
        (max, ids) => {
          const store = memoryEventStore(max);
          const model: number[] = [];
          for (const id of ids) {
            expect(store.claim(String(id))).toBe(!model.includes(id));
            if (!model.includes(id)) model.push(id);
            if (model.length > max) model.shift();
          }
        },
      ),
    );
  });
});
