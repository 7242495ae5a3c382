import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, type MockInstance, vi } from 'vitest';
import { isCardsError, OutcomeUnknownError, ResponseValidationError } from '../../src/core/errors.js';
import type { AuditEvent } from '../../src/core/hooks/audit.js';
import type { Logger } from '../../src/core/logger.js';
import { newStats, report, size } from '../reliability/config.js';
import { type Behaviour, bankClient, FakeBank, REACHES } from './fake-bank.js';

// The money-safety property against servers our sandbox never imitates: whatever sequence of
// answers the attempts of one top-up meet (applied-then-lost answers, 3xx, 409 in both meanings,
// foreign-origin successes, confirmed bodies the schema refuses, rate limits, refused connections),
// and whatever the logger does, the outcome the SDK reports agrees with the bank's ledger:
// success → applied; a definite error → not applied; only OutcomeUnknownError may be either.

const BEHAVIOURS: readonly Behaviour[] = [
  'ok',
  'apply-then-hang',
  'apply-then-reset',
  'refuse-connect',
  'apply-then-500',
  '502',
  '429',
  '400-insufficient',
  'apply-then-303',
  'apply-elsewhere-200',
  '409-in-progress',
  '409-conflict',
  'apply-then-bad-data',
  'apply-then-garbage',
];

/** A 409 "in progress" needs an earlier attempt that reached the bank; otherwise it is a conflict. */
function plausible(script: Behaviour[]): Behaviour[] {
  return script.map((b, i) =>
    b === '409-in-progress' && !script.slice(0, i).some((e) => REACHES.has(e)) ? '409-conflict' : b,
  );
}

type LoggerMode = 'none' | 'throws' | 'rejects' | 'slow' | 'throws-on-error' | 'getter-throws';

function logger(mode: LoggerMode): Logger | undefined {
  const never = (): Promise<void> => new Promise(() => undefined);
  switch (mode) {
    case 'none':
      return undefined;
    case 'throws':
      return {
        debug: () => {
          throw new Error('log sink down');
        },
        info: () => {
          throw new Error('x');
        },
        warn: () => {
          throw new Error('x');
        },
        error: () => {
          throw new Error('x');
        },
      };
    case 'rejects':
      return {
        debug: () => Promise.reject(new Error('x')),
        info: () => Promise.reject(new Error('x')),
        warn: () => Promise.reject(new Error('x')),
        error: () => Promise.reject(new Error('x')),
      };
    case 'slow':
      return { debug: never, info: never, warn: never, error: never };
    case 'throws-on-error':
      return {
        debug: () => undefined,
        info: () => undefined,
        warn: () => undefined,
        error: () => {
          throw new TypeError('cannot log');
        },
      };
    case 'getter-throws':
      return Object.defineProperties(
        {},
        Object.fromEntries(
          ['debug', 'info', 'warn', 'error'].map((k) => [
            k,
            {
              get: () => {
                throw new Error('getter');
              },
            },
          ]),
        ),
      ) as Logger;
  }
}

interface Outcome {
  kind: 'success' | 'unknown' | 'applied-error' | 'definite';
  name: string;
  applied: boolean;
  attempts: number;
  appliedAttempts: number;
}

async function topUpAgainst(
  script: Behaviour[],
  retryUnknownOutcomes: boolean | 'documented',
  mode: LoggerMode,
  key?: string,
): Promise<Outcome> {
  const bank = new FakeBank();
  bank.script(...script);
  const log = logger(mode);
  const audits: AuditEvent[] = [];
  const client = bankClient(bank, {
    onAudit: (event: AuditEvent) => {
      audits.push(event);
    },
    retryUnknownOutcomes,
    ...(log ? { logger: log, logLevel: 'debug' as const } : {}),
  });
  let kind: Outcome['kind'] = 'success';
  let name = 'success';
  try {
    await client.funds.topUp('card_1', { amount: 12.34 }, key ? { idempotencyKey: key } : {});
  } catch (error) {
    expect(isCardsError(error), String(error)).toBe(true);
    name = (error as Error).name;
    kind =
      error instanceof OutcomeUnknownError
        ? 'unknown'
        : error instanceof ResponseValidationError && error.applied
          ? 'applied-error'
          : 'definite';
  }
  const keys = new Set(bank.requests.map((r) => r.key));
  expect(keys.size, 'one key for every attempt').toBe(1);
  // The audit trail agrees with the ledger too: one event, outcome as reported.
  expect(audits, `${script}`).toHaveLength(1);
  const event = audits[0] as AuditEvent;
  // A confirmed call whose reply the schema refused was applied: the trail says so.
  const expected = {
    success: 'applied',
    'applied-error': 'applied',
    unknown: 'unknown',
    definite: 'refused',
  }[kind];
  expect(event.outcome, `${script}`).toBe(expected);
  if (event.outcome === 'applied') expect(bank.applied.size).toBe(1);
  if (event.outcome === 'refused') expect(bank.applied.size).toBe(0);
  stats.cases += 1;
  stats.faults += bank.requests.filter((r) => r.behaviour !== 'ok').length;
  stats.outcomes[kind === 'success' ? 'success' : kind === 'unknown' ? 'unknown' : 'failed'] += 1;
  // Counted, then asserted by the properties: a success the ledger lacks or a definite refusal it
  // shows is an outcome lost; an applying attempt sent twice without the opt-in a duplicate.
  if ((kind === 'success' || kind === 'applied-error') !== bank.applied.size > 0 && kind !== 'unknown')
    stats.lost += 1;
  if (retryUnknownOutcomes === false && bank.appliedAttempts > 1) stats.duplicates += 1;
  return {
    kind,
    name,
    applied: bank.applied.size > 0,
    attempts: bank.requests.length,
    appliedAttempts: bank.appliedAttempts,
  };
}

const stats = newStats('7 adversarial outcomes');
const started = Date.now();

const scripts = fc.array(fc.constantFrom(...BEHAVIOURS), { minLength: 1, maxLength: 4 }).map(plausible);

let warnings: MockInstance<typeof process.emitWarning>;
beforeAll(() => {
  warnings = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
});
afterAll(() => warnings.mockRestore());

describe('adversarial: a reported outcome always agrees with the ledger', () => {
  // The bank de-duplicates on the key (as bfinance documents for card top-ups), so 'documented' and
  // true may re-send; false must never send an applying attempt twice.
  it.each([false, true, 'documented'] as const)(
    'retryUnknownOutcomes %s, SDK-generated and caller keys',
    async (retryUnknownOutcomes) => {
      await fc.assert(
        fc.asyncProperty(scripts, fc.boolean(), async (script, callerKey) => {
          const out = await topUpAgainst(
            script,
            retryUnknownOutcomes,
            'none',
            callerKey ? 'order-4711' : undefined,
          );
          if (out.kind === 'success' || out.kind === 'applied-error')
            expect(out.applied, `${out.name} ${script}`).toBe(true);
          if (out.kind === 'definite') expect(out.applied, `${out.name} after ${script}`).toBe(false);
          expect(out.attempts).toBeLessThanOrEqual(3);
          // Without the opt-in, nothing is re-sent once an attempt may have been applied: even a
          // bank that ignored Idempotency-Key would have moved the money at most once.
          if (retryUnknownOutcomes === false) expect(out.appliedAttempts, `${script}`).toBeLessThanOrEqual(1);
        }),
        { numRuns: size(600, 120), seed: 20251201 },
      );
    },
  );

  it('gives the same outcome whatever the logger does (throws, rejects, never settles, throwing getters)', async () => {
    const modes: LoggerMode[] = ['throws', 'rejects', 'slow', 'throws-on-error', 'getter-throws'];
    await fc.assert(
      fc.asyncProperty(scripts, fc.constantFrom(...modes), fc.boolean(), async (script, mode, retry) => {
        const quiet = await topUpAgainst(script, retry, 'none');
        const noisy = await topUpAgainst(script, retry, mode);
        expect(noisy, `${mode} ${script}`).toEqual(quiet);
      }),
      { numRuns: size(300, 60), seed: 20251202 },
    );
    // A broken logger is reported, once per client, as a process warning naming no content.
    expect(warnings).toHaveBeenCalled();
    expect(String(warnings.mock.calls[0]?.[0])).toBe(
      'bfinance-cards: the logger threw or rejected; the SDK ignores its failures.',
    );
  });

  it('reports zero lost outcomes and zero duplicates over every case', (context) => {
    stats.elapsedMs = Date.now() - started;
    report(context, stats);
    expect(stats.cases).toBeGreaterThan(0);
    expect([stats.lost, stats.duplicates, stats.canaryHits]).toEqual([0, 0, 0]);
  });
});
