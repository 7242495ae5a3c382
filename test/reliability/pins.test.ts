import * as fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { CardsClient } from '../../src/index.js';
import { describePinRule, PIN_PRESETS, type PinPreset } from '../../src/pins/rules.js';
import { expectedPinRule, W4D } from '../helpers/pin-oracle.js';
import { newStats, report, SEED, size } from './config.js';

// Node's default sender (undici), as the package's Node build (dist/node) does.
vi.mock('../../src/core/http/default-sender.js', () => import('../../src/core/http/default-sender.node.js'));

// PINs through the client: `client.pins.check` under every preset and length agrees with the one
// PIN oracle (test/helpers/pin-oracle.ts), and its messages are the fixed rule texts with no
// digit. The exhaustive sweeps of every 4-, 5- and 6-digit PIN run once, on checkPin itself, in
// test/pins/rules.test.ts; this suite samples, weighted towards the PINs the rules reject.

const client = new CardsClient({ apiToken: 'pin-suite-token-unused' });
const RUNS = size(200_000, 20_000);

const rejected4 = [...new Set(Object.values(W4D).flatMap((set) => [...set]))];
const digits = (length: number): fc.Arbitrary<string> =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }).map((d) => d.join(''));
/** Six digits built from runs and repeats, so W8's rejections are sampled often. */
const shaped6 = fc
  .tuple(fc.integer({ min: 0, max: 9 }), fc.constantFrom(-1, 0, 1), fc.integer({ min: 0, max: 3 }), digits(3))
  .map(([start, step, at, rest]) => {
    const run = [0, 1, 2].map((i) => (start + 10 + step * i) % 10).join('');
    return (rest.slice(0, at) + run + rest.slice(at)).slice(0, 6);
  });
const pinCase = fc.oneof(
  fc.record({ length: fc.constant(4 as const), pin: fc.oneof(digits(4), fc.constantFrom(...rejected4)) }),
  fc.record({ length: fc.constant(6 as const), pin: fc.oneof(digits(6), shaped6) }),
);

describe('PINs through the client, against the oracle', () => {
  it('client.pins.check agrees with the oracle for every preset, 4 and 6 digits, and its messages hold no digit', (context) => {
    const stats = newStats('4 PIN checks');
    const started = Date.now();
    let rejected = 0;
    fc.assert(
      fc.property(pinCase, fc.constantFrom<PinPreset>(...PIN_PRESETS), ({ length, pin }, preset) => {
        const verdict = client.pins.check(pin, { policy: { preset, length } });
        stats.cases += 1;
        const expected = expectedPinRule(pin, preset);
        expect(verdict.ok ? undefined : verdict.rule).toBe(expected);
        if (!verdict.ok) {
          rejected += 1;
          expect(verdict.message).toBe(describePinRule(verdict.rule));
          expect(verdict.message).not.toMatch(/\d/);
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
    stats.elapsedMs = Date.now() - started;
    report(context, stats);
    expect(stats.cases).toBe(RUNS);
    // The weighting works: a good share of the cases are rejections, so the rule order is tested.
    expect(rejected).toBeGreaterThan(RUNS / 10);
  });

  it("uses the client's own policy when the call gives none", () => {
    const strict = new CardsClient({
      apiToken: 'pin-suite-token-unused',
      pinPolicy: { preset: 'strict', length: 4 },
    });
    for (const pin of rejected4) {
      const verdict = strict.pins.check(pin);
      expect(verdict.ok ? undefined : verdict.rule).toBe(expectedPinRule(pin, 'strict'));
    }
  });
});
