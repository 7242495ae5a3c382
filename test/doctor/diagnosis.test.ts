import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXIT, type ExitCode, worstExit } from '../../src/cli/exit-codes.js';
import { diagnose } from '../../src/doctor/diagnosis.js';
import type { ProbeResult } from '../../src/doctor/probes.js';

type Kind = 'ok' | 'drift' | 'invalid' | 401 | 403 | 404 | 429 | 500 | 'ConnectionError' | 'TimeoutError';
const KINDS: Kind[] = ['ok', 'drift', 'invalid', 401, 403, 404, 429, 500, 'ConnectionError', 'TimeoutError'];
const ERROR_CLASS: Record<number, string> = {
  401: 'AuthenticationError',
  403: 'PermissionDeniedError',
  404: 'NotFoundError',
  429: 'RateLimitError',
  500: 'ServerError',
};

function probe(kind: Kind, i: number): ProbeResult {
  const base = { operation: `op${i}`, drift: [], invalid: [] };
  if (kind === 'ok') return { ...base, result: 'ok', status: 200 };
  if (kind === 'drift')
    return { ...base, result: 'drift', drift: [{ path: 'x', kind: 'unknown' }], status: 200 };
  if (kind === 'invalid') return { ...base, result: 'ResponseValidationError', invalid: ['id'], status: 200 };
  if (typeof kind === 'number') return { ...base, result: ERROR_CLASS[kind] ?? 'ApiError', status: kind };
  return { ...base, result: kind, status: undefined };
}

/** The exit status each finding calls for on its own (issue #19 §3). */
function applicable(kinds: readonly Kind[], pathOk: boolean): ExitCode[] {
  const out: ExitCode[] = [];
  if (kinds.some((k) => k === 'ConnectionError' || k === 'TimeoutError')) out.push(EXIT.cannotConnect);
  if (kinds.includes(401)) out.push(EXIT.tokenRefused);
  if (kinds.includes(403)) out.push(EXIT.accessRefused);
  if (kinds.every((k) => k === 404)) out.push(EXIT.notFound);
  if (!pathOk && kinds.some((k) => k !== 'ok')) out.push(EXIT.configuration);
  if (kinds.some((k) => k !== 'ok')) out.push(EXIT.refused);
  return out;
}

const runs = fc.record({
  kinds: fc.array(fc.constantFrom(...KINDS), { minLength: 1, maxLength: 6 }),
  pathOk: fc.boolean(),
});

describe('diagnose', () => {
  it('picks the highest-risk finding of any set of probe results, with its next step', () => {
    fc.assert(
      fc.property(runs, ({ kinds, pathOk }) => {
        const baseUrl = pathOk ? 'https://proxy.example/external/api' : 'https://proxy.example/bfinance';
        const d = diagnose(kinds.map(probe), baseUrl, '9.9.9');
        expect(d.exitCode).toBe(worstExit(applicable(kinds, pathOk)));
        expect(d.message).not.toBe('');
        expect(d.nextStep).not.toBe('');
        // Only shape findings ask for a report, and then with the version.
        const asksForReport = /send this report/i.test(d.nextStep);
        expect(asksForReport).toBe(d.code === 'drift');
        if (asksForReport) expect(d.nextStep).toContain('9.9.9');
        if (d.code === 'drift') expect(kinds.some((k) => k === 'drift' || k === 'invalid')).toBe(true);
      }),
    );
  });

  it('accepts a base URL with another path when every probe worked there (a proxy)', () => {
    const d = diagnose([probe('ok', 0), probe('ok', 1)], 'http://127.0.0.1:8080/bfinance', '1.0.0');
    expect(d).toMatchObject({ code: 'ok', exitCode: EXIT.ok });
  });

  it('a single 404 (a missing customer) is a failed call, not a wrong base URL', () => {
    const d = diagnose(
      [probe('ok', 0), probe(404, 1)],
      'https://business.bfinance.app/external/api',
      '1.0.0',
    );
    expect(d).toMatchObject({ code: 'failed', exitCode: EXIT.refused });
  });
});
