import { readFileSync } from 'node:fs';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EXIT,
  EXIT_MEANINGS,
  type ExitCode,
  exitCodeTable,
  PRECEDENCE,
  worstExit,
} from '../../src/cli/exit-codes.js';

const ALL = Object.values(EXIT) as ExitCode[];
const codes = fc.uniqueArray(fc.constantFrom(...ALL), { maxLength: ALL.length });

describe('the bfinance-cards exit-code table', () => {
  it('has the numbers the issue fixes, each once, each with a meaning and a rank', () => {
    expect(EXIT).toEqual({
      ok: 0,
      refused: 1,
      usage: 2,
      configuration: 3,
      outcomeUnknown: 4,
      interrupted: 5,
      locked: 6,
      tokenRefused: 10,
      accessRefused: 11,
      notFound: 12,
      cannotConnect: 13,
    });
    expect(EXIT_MEANINGS.map(([code]) => code).sort((a, b) => a - b)).toEqual([...ALL].sort((a, b) => a - b));
    expect([...PRECEDENCE].sort((a, b) => a - b)).toEqual([...ALL].sort((a, b) => a - b));
  });

  it('lets the highest-risk status win, whatever the set and its order', () => {
    fc.assert(
      fc.property(codes, fc.constantFrom(...ALL), (set, extra) => {
        const worst = worstExit(set);
        // One of the statuses that apply (0 when none does), independent of order.
        expect(set.length === 0 ? worst === EXIT.ok : set.includes(worst)).toBe(true);
        expect(worstExit([...set].reverse())).toBe(worst);
        // Adding a status either leaves the winner or wins itself.
        expect([worst, extra]).toContain(worstExit([...set, extra]));
        // Rules stated in issue #19: unknown over refused; a run that was cut short or never
        // connected never reads as a mere refusal or as ok.
        if (set.includes(EXIT.outcomeUnknown)) expect(worst).toBe(EXIT.outcomeUnknown);
        if (set.includes(EXIT.refused) && set.some((c) => c !== EXIT.refused && c !== EXIT.ok)) {
          expect(worst).not.toBe(EXIT.refused);
        }
        if (set.includes(EXIT.cannotConnect) && !set.some((c) => [4, 5, 6].includes(c))) {
          expect(worst).toBe(EXIT.cannotConnect);
        }
        if (set.some((c) => c !== EXIT.ok)) expect(worst).not.toBe(EXIT.ok);
      }),
    );
  });

  it('prints one line per status for --help, and the README documents the same table', () => {
    const table = exitCodeTable();
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const [code, meaning] of EXIT_MEANINGS) {
      expect(table).toContain(`${String(code).padStart(2)}  ${meaning}`);
      expect(readme.includes(`| ${code} | ${meaning} |`), `README row for ${code}`).toBe(true);
    }
    const order = PRECEDENCE.filter((code) => code !== EXIT.ok).join(', ');
    expect(readme.replace(/\s+/g, ' '), 'README precedence').toContain(`in this order: ${order} (`);
    expect(table.split('\n')).toHaveLength(EXIT_MEANINGS.length);
  });
});
