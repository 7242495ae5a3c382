import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { type AuditEvent, CardsError, type IssuedCard, OutcomeUnknownError } from '../../src/index.js';
import type { SandboxFaultKind, SandboxFaultOptions } from '../../src/testing/index.js';
import { jwtCanary } from '../helpers/canary.js';
import { newStats, report, SEED } from './config.js';
import {
  appliedUnder,
  type ClientRig,
  type ConnectFault,
  issueCard,
  type Rig,
  rigClient,
  settle,
  startRig,
} from './harness.js';

// Node's default sender (undici), as the package's Node build (dist/node) does.
vi.mock('../../src/core/http/default-sender.js', () => import('../../src/core/http/default-sender.node.js'));

// The fault matrix: 30 fault scenarios × read, state, create/move = 90 cases, plus the create
// column again with retryUnknownOutcomes on (the sandbox de-duplicates on Idempotency-Key). Every
// case drives a real CardsClient over undici against the sandbox's HTTP server, on a fake clock
// (backoff waits are recorded, not slept); only attempt timeouts take real time.

const TIMEOUT_MS = 250;
const MAX_RETRIES = 2;
const AMOUNT = 12.34;

type Column = 'read' | 'state' | 'create' | 'create, retryUnknownOutcomes';
const COLUMNS: readonly Column[] = ['read', 'state', 'create', 'create, retryUnknownOutcomes'];

interface Expectation {
  /** `success`, or the name of the error class thrown. */
  outcome: string;
  /** Attempts of the call itself (reads made to confirm or reconcile are not counted). */
  attempts: number;
  /** Ledger entries under the call's key (create columns). */
  applied?: 0 | 1;
  /** Card status after the call (state column). */
  status?: 'active' | 'frozen';
  /** The cause of an OutcomeUnknownError. */
  cause?: string;
  /** Checks the recorded backoff waits. */
  delays?: (delays: number[]) => void;
}

/** What a case can set up before the call. */
interface Arrange {
  fault(kind: SandboxFaultKind, options?: Omit<SandboxFaultOptions, 'match'>): void;
  connect(...faults: ConnectFault[]): void;
}

interface Row {
  id: number;
  scenario: string;
  arrange?: (a: Arrange) => void;
  /** The client talks to the TLS URL (a plain server behind https:). */
  tls?: boolean;
  /** The client sends a wrong token. */
  wrongToken?: boolean;
  /** The call names a card that does not exist. */
  missingCard?: boolean;
  /** Real time to wait before reading the ledger, for faults that could apply late. */
  settleMs?: number;
  expect: Record<Column, Expectation>;
}

const ok = (attempts: number, extra: Partial<Expectation> = {}): Expectation => ({
  outcome: 'success',
  attempts,
  ...extra,
});
const failed = (outcome: string, attempts: number, extra: Partial<Expectation> = {}): Expectation => ({
  outcome,
  attempts,
  ...extra,
});
const unknown = (applied: 0 | 1, cause: string, extra: Partial<Expectation> = {}): Expectation => ({
  outcome: 'OutcomeUnknownError',
  attempts: 1,
  applied,
  cause,
  ...extra,
});

/** A fault every class survives by retrying: the create call too, because nothing was sent. */
function preSend(attempts: number, delays?: Expectation['delays']): Record<Column, Expectation> {
  const more = delays ? { delays } : {};
  return {
    read: ok(attempts, more),
    state: ok(attempts, { status: 'frozen', ...more }),
    create: ok(attempts, { applied: 1, ...more }),
    'create, retryUnknownOutcomes': ok(attempts, { applied: 1, ...more }),
  };
}

/** A fault after which reads and state calls retry, and a create call's outcome is unknown. */
function afterSend(
  applied: 0 | 1,
  cause: string,
  delays?: Expectation['delays'],
): Record<Column, Expectation> {
  const more = delays ? { delays } : {};
  return {
    read: ok(2, more),
    state: ok(2, { status: 'frozen', ...more }),
    create: unknown(applied, cause),
    'create, retryUnknownOutcomes': ok(2, { applied: 1, ...more }),
  };
}

/** A 2xx answer the SDK cannot use: never retried; the create call's outcome is unknown. */
function unusable(applied: 0 | 1): Record<Column, Expectation> {
  return {
    read: failed('ResponseValidationError', 1),
    state: failed('ResponseValidationError', 1, { status: applied ? 'frozen' : 'active' }),
    create: unknown(applied, 'ResponseValidationError'),
    'create, retryUnknownOutcomes': unknown(applied, 'ResponseValidationError'),
  };
}

/** A definite refusal: one attempt, nothing applied, the same error for every class. */
function refused(outcome: string, attempts = 1): Record<Column, Expectation> {
  return {
    read: failed(outcome, attempts),
    state: failed(outcome, attempts, { status: 'active' }),
    create: failed(outcome, attempts, { applied: 0 }),
    'create, retryUnknownOutcomes': failed(outcome, attempts, { applied: 0 }),
  };
}

const exactly =
  (...expected: number[]) =>
  (delays: number[]) =>
    expect(delays).toEqual(expected);

const ROWS: readonly Row[] = [
  { id: 1, scenario: 'DNS lookup fails once', arrange: (a) => a.connect('dns'), expect: preSend(2) },
  {
    id: 2,
    scenario: 'connection refused once',
    arrange: (a) => a.connect('refused'),
    expect: preSend(2, exactly(250)),
  },
  {
    id: 3,
    scenario: 'TLS handshake fails (https: to a plain server), every attempt',
    tls: true,
    // Through a caller's dispatcher only a failure naming the connect step proves nothing was sent;
    // a TLS error's code alone does not, so a top-up is unknown (or re-sent with its key).
    expect: {
      read: failed('ConnectionError', 3),
      state: failed('ConnectionError', 3, { status: 'active' }),
      create: unknown(0, 'ConnectionError'),
      'create, retryUnknownOutcomes': unknown(0, 'ConnectionError', { attempts: 3 }),
    },
  },
  {
    // The socket is destroyed on accept, but the client had written the request: it cannot prove
    // the request never left, so a create call is outcome-unknown (retrying it could apply it twice).
    id: 4,
    scenario: 'socket destroyed on accept, before the request is read',
    arrange: (a) => a.connect('reset-on-accept'),
    expect: {
      read: ok(2),
      state: ok(2, { status: 'frozen' }),
      create: unknown(0, 'ConnectionError'),
      'create, retryUnknownOutcomes': ok(2, { applied: 1 }),
    },
  },
  {
    id: 5,
    scenario: 'applied, then the socket is reset before the response',
    arrange: (a) => a.fault('reset-after-apply'),
    expect: afterSend(1, 'ConnectionError'),
  },
  {
    id: 6,
    scenario: 'applied, then no answer past the timeout',
    arrange: (a) => a.fault('hang-after-apply'),
    expect: afterSend(1, 'TimeoutError'),
  },
  {
    id: 7,
    scenario: 'not applied, no answer past the timeout',
    arrange: (a) => a.fault('latency', { ms: 600 }),
    settleMs: 700,
    expect: afterSend(0, 'TimeoutError'),
  },
  {
    id: 8,
    scenario: 'headers sent, then the body stalls',
    arrange: (a) => a.fault('stall-body'),
    expect: afterSend(1, 'TimeoutError'),
  },
  {
    id: 9,
    scenario: 'headers and part of the JSON, then a reset',
    arrange: (a) => a.fault('truncated-body'),
    expect: afterSend(1, 'ConnectionError'),
  },
  {
    id: 10,
    scenario: 'Content-Length larger than the body, then a clean close',
    arrange: (a) => a.fault('short-body'),
    expect: afterSend(1, 'ConnectionError'),
  },
  {
    id: 11,
    scenario: '200 with malformed JSON',
    arrange: (a) => a.fault('malformed-json'),
    expect: unusable(1),
  },
  {
    id: 12,
    scenario: '200 with an HTML proxy page',
    arrange: (a) => a.fault('html-page', { status: 200 }),
    expect: unusable(0),
  },
  {
    id: 13,
    scenario: '200 with {"status":"error"}',
    arrange: (a) => a.fault('error-envelope'),
    expect: refused('ApiError'),
  },
  { id: 14, scenario: 'empty body with 200', arrange: (a) => a.fault('empty-body'), expect: unusable(1) },
  {
    id: 15,
    scenario: 'wrong Content-Type with valid JSON',
    arrange: (a) => a.fault('wrong-content-type'),
    expect: {
      read: ok(1),
      state: ok(1, { status: 'frozen' }),
      create: ok(1, { applied: 1 }),
      'create, retryUnknownOutcomes': ok(1, { applied: 1 }),
    },
  },
  { id: 16, scenario: '5 MiB body', arrange: (a) => a.fault('oversized-body'), expect: unusable(1) },
  { id: 17, scenario: '500', arrange: (a) => a.fault('status-500'), expect: afterSend(0, 'ServerError') },
  { id: 18, scenario: '502', arrange: (a) => a.fault('status-502'), expect: afterSend(0, 'ServerError') },
  {
    id: 19,
    scenario: '503 with Retry-After: 1',
    arrange: (a) => a.fault('status-503', { retryAfter: '1' }),
    expect: afterSend(0, 'ServerError', exactly(1000)),
  },
  { id: 20, scenario: '504', arrange: (a) => a.fault('status-504'), expect: afterSend(0, 'ServerError') },
  {
    id: 21,
    scenario: '429 with Retry-After: 2',
    arrange: (a) => a.fault('status-429', { retryAfter: '2' }),
    expect: preSend(2, exactly(2000)),
  },
  {
    id: 22,
    scenario: '429 with Retry-After as an HTTP-date 3 s ahead',
    arrange: (a) => a.fault('status-429', { retryAfter: new Date(Date.now() + 3000).toUTCString() }),
    expect: preSend(2, (delays) => {
      expect(delays).toHaveLength(1);
      expect(delays[0]).toBeGreaterThan(1000);
      expect(delays[0]).toBeLessThanOrEqual(3000);
    }),
  },
  {
    // Longer than the 60 s cap: the SDK falls back to its own backoff (250 ms with random() = 0.5).
    id: 23,
    scenario: '429 with Retry-After: 86400',
    arrange: (a) => a.fault('status-429', { retryAfter: '86400' }),
    expect: preSend(2, exactly(250)),
  },
  { id: 24, scenario: '408', arrange: (a) => a.fault('status-408'), expect: afterSend(0, 'ApiError') },
  {
    // Reads and state calls retry 408, 429 and 5xx only. A 409 on a create call can mean the same
    // key is still in flight, but not for a key the SDK generated and sent for the first time:
    // nothing else can hold it, so the 409 is a definite conflict. (Caller keys: test/adversarial.)
    id: 25,
    scenario: '409 (in progress)',
    arrange: (a) => a.fault('status-409'),
    expect: {
      read: failed('ConflictError', 1),
      state: failed('ConflictError', 1, { status: 'active' }),
      create: failed('ConflictError', 1, { applied: 0 }),
      'create, retryUnknownOutcomes': failed('ConflictError', 1, { applied: 0 }),
    },
  },
  { id: 26, scenario: '401 (wrong token)', wrongToken: true, expect: refused('AuthenticationError') },
  { id: 27, scenario: '400', arrange: (a) => a.fault('status-400'), expect: refused('BadRequestError') },
  { id: 28, scenario: '404 (no such card)', missingCard: true, expect: refused('NotFoundError') },
  {
    id: 29,
    scenario: 'fail, fail, succeed (refused connections)',
    arrange: (a) => a.connect('refused', 'refused'),
    expect: preSend(3, exactly(250, 500)),
  },
  {
    id: 30,
    scenario: 'fail maxRetries + 1 times (429, Retry-After: 0)',
    arrange: (a) => a.fault('status-429', { retryAfter: '0', times: 3 }),
    expect: refused('RateLimitError', 3),
  },
];

const stats = newStats('1 fault matrix');
const keysSeen = new Set<string>();
let rig: Rig;
let setup: ClientRig;
let restoreStdio: () => void;
const started = Date.now();

beforeAll(async () => {
  rig = await startRig({ seed: SEED });
  setup = rigClient(rig);
  restoreStdio = rig.scanner.captureStdio();
});

afterAll(async () => {
  restoreStdio();
  await setup.close();
  await rig.close();
});

interface Outcome {
  /** Closes the case's client (after reconcile(), which reads through it). */
  close(): Promise<void>;
  card: IssuedCard | undefined;
  result: Awaited<ReturnType<typeof settle>>;
  attempts: { key: string | undefined }[];
  delays: number[];
  elapsedMs: number;
  ledgerDelta: number;
  requestDelta: number;
  keys: string[];
  audits: AuditEvent[];
}

async function runCase(row: Row, column: Column): Promise<Outcome> {
  const { sandbox } = rig;
  const card = row.missingCard ? undefined : await issueCard(rig, setup.client);
  const cardId = card?.id ?? 'no-such-card';
  const wrongToken = jwtCanary();
  if (row.wrongToken) rig.scanner.addToken(wrongToken);
  const audits: AuditEvent[] = [];
  const c = rigClient(rig, {
    onAudit: (event: AuditEvent) => {
      audits.push(event);
    },
    timeoutMs: TIMEOUT_MS,
    maxRetries: MAX_RETRIES,
    retryUnknownOutcomes: column === 'create, retryUnknownOutcomes',
    ...(row.tls ? { baseUrl: rig.tlsUrl } : {}),
    ...(row.wrongToken ? { apiToken: wrongToken } : {}),
  });
  const method = column === 'read' ? 'GET' : 'POST';
  const path =
    column === 'read'
      ? `/cards/${cardId}`
      : column === 'state'
        ? `/cards/${cardId}/freeze`
        : `/cards/${cardId}/topup`;
  let queued = 0;
  row.arrange?.({
    fault: (kind, options = {}) => {
      queued += options.times ?? 1;
      sandbox.faults.next(kind, { ...options, match: { method, path } });
    },
    connect: (...faults) => {
      c.connectFaults = [...faults];
    },
  });
  const ledgerBefore = sandbox.state().ledger.length;
  const requestsBefore = sandbox.requestCount();
  const note = `matrix row ${row.id} ${column}`;
  const t0 = Date.now();
  const result = await settle<unknown>(() => {
    if (column === 'read') return c.client.cards.retrieve(cardId);
    if (column === 'state') return c.client.status.freeze(cardId);
    return c.client.funds.topUp(cardId, { amount: AMOUNT, note });
  });
  const elapsedMs = Date.now() - t0;
  if (row.settleMs) await new Promise((resolve) => setTimeout(resolve, row.settleMs));
  const attempts = c.attemptsOf(method, path);
  const faultsUsed = queued - sandbox.faults.pending();
  sandbox.faults.clear();
  stats.faults += faultsUsed + c.connectFaultsDone;
  if (row.tls || row.wrongToken || row.missingCard) stats.faults += attempts.length;
  rig.scanner.scanValue(
    `row ${row.id} ${column} ${result.ok ? 'result' : 'error'}`,
    result.ok ? result.value : result.error,
  );
  return {
    close: () => c.close(),
    card,
    result,
    attempts,
    delays: c.delays,
    elapsedMs,
    ledgerDelta: sandbox.state().ledger.length - ledgerBefore,
    requestDelta: sandbox.requestCount() - requestsBefore,
    keys: attempts.map((a) => a.key).filter((k): k is string => k !== undefined),
    audits,
  };
}

describe(`fault matrix: 30 scenarios × read, state, create (seed ${SEED})`, () => {
  describe.each(ROWS.map((row) => [row.id, row.scenario, row] as const))(
    'row %i: %s',
    (_id, _scenario, row) => {
      it.each(COLUMNS)('%s', async (column) => {
        const expected = row.expect[column];
        const hitsBefore = rig.scanner.hits.length;
        const out = await runCase(row, column);
        onTestFinished(() => out.close());
        stats.cases += 1;
        const { result } = out;
        const where = `row ${row.id} (${row.scenario}), ${column}, seed ${SEED}`;

        // Outcome: success, or exactly the expected SDK error class.
        if (result.ok) stats.outcomes.success += 1;
        else if (result.error instanceof OutcomeUnknownError) stats.outcomes.unknown += 1;
        else stats.outcomes.failed += 1;
        const name = result.ok ? 'success' : (result.error as Error).name;
        expect(name, `${where}: ${result.ok ? '' : (result.error as Error).message}`).toBe(expected.outcome);
        if (!result.ok) expect(result.error, where).toBeInstanceOf(CardsError);

        // Attempts, and the Idempotency-Key on each of them.
        expect(out.attempts.length, where).toBe(expected.attempts);
        expect(out.attempts.length, where).toBeLessThanOrEqual(MAX_RETRIES + 1);
        if (column === 'read' || column === 'state') {
          expect(out.keys, where).toEqual([]);
        } else {
          expect(out.keys, where).toHaveLength(out.attempts.length);
          const [key] = out.keys;
          expect(new Set(out.keys).size, where).toBe(1);
          expect(keysSeen.has(key as string), `${where}: key reused across calls`).toBe(false);
          keysSeen.add(key as string);
        }

        // Ledger: reads and state calls move no money; a create call applies 0 or 1 time, never 2.
        if (column === 'read' || column === 'state') {
          expect(out.ledgerDelta, where).toBe(0);
        } else {
          const key = out.keys[0] as string;
          const applied = appliedUnder(rig.sandbox, key);
          if (applied > 1) stats.duplicates += 1;
          expect(applied, where).toBe(expected.applied);
          expect(out.ledgerDelta, where).toBe(applied);
          // The audit trail: exactly one event for a call that reached the network, whose outcome
          // agrees with the ledger (an unknown outcome may be either).
          const events = out.audits.filter((e) => !e.reconciliation);
          expect(events, where).toHaveLength(out.attempts.length > 0 ? 1 : 0);
          const event = events[0];
          if (event) {
            expect(event.idempotencyKey, where).toBe(key);
            expect([event.operation, event.cardId, event.amount, event.attempts], where).toEqual([
              'funds.topUp',
              out.card?.id ?? 'no-such-card',
              AMOUNT,
              out.attempts.length,
            ]);
            if (event.outcome === 'applied') expect(applied, where).toBe(1);
            if (event.outcome === 'refused') expect(applied, where).toBe(0);
            expect(event.outcome, where).toBe(
              result.ok ? 'applied' : result.error instanceof OutcomeUnknownError ? 'unknown' : 'refused',
            );
          }
        }
        if (row.tls) expect(out.requestDelta, `${where}: nothing reached the sandbox`).toBe(0);

        // The card's final state.
        if (out.card) {
          const status = rig.sandbox.state().cards.find((c) => c.id === out.card?.id)?.status;
          expect(status, where).toBe(expected.status ?? (column === 'state' ? 'frozen' : 'active'));
        }

        // An unknown outcome carries the key and the card, and reconcile() finds the ledger's truth.
        if (!result.ok && result.error instanceof OutcomeUnknownError) {
          const error = result.error;
          expect(error.cause, where).toBeInstanceOf(CardsError);
          expect((error.cause as Error).name, where).toBe(expected.cause);
          expect(error.idempotencyKey, where).toBe(out.keys[0]);
          expect([error.operation, error.cardId, error.amount, error.note], where).toEqual([
            'funds.topUp',
            out.card?.id,
            AMOUNT,
            `matrix row ${row.id} ${column}`,
          ]);
          expect(error.hint, where).toContain('Idempotency-Key');
          expect(error.hint, where).toContain('error.reconcile()');
          const settled = await error.reconcile({ clockSkewMs: 0, settleMs: 500 });
          rig.scanner.scanValue(`row ${row.id} reconcile`, settled);
          // Over a connection that never works (row 3), no read can decide: still-unknown.
          const truth = row.tls
            ? 'still-unknown'
            : appliedUnder(rig.sandbox, error.idempotencyKey) === 1
              ? 'applied'
              : 'not-applied';
          if (settled.status !== truth) stats.lost += 1;
          expect(settled.status, `${where}: ${settled.summary}`).toBe(truth);
          // reconcile() settles the audit trail too: one follow-up event for the same key.
          const followUps = out.audits.filter((e) => e.reconciliation);
          expect(
            followUps.map((e) => [e.idempotencyKey, e.outcome]),
            where,
          ).toEqual(truth === 'still-unknown' ? [] : [[error.idempotencyKey, truth]]);
        }

        // Time: every attempt within its timeout, every wait within the 60 s cap.
        expect(out.elapsedMs, where).toBeLessThanOrEqual(out.attempts.length * TIMEOUT_MS + 1500);
        for (const delay of out.delays) expect(delay, where).toBeLessThanOrEqual(60_000);
        expected.delays?.(out.delays);

        // No canary anywhere: logs, the result or error, stdio.
        const hits = rig.scanner.hits.slice(hitsBefore);
        stats.canaryHits += hits.length;
        expect(hits, where).toEqual([]);
      });
    },
  );

  it('covers 30 scenarios × 4 columns with zero duplicates, zero wrong reconciliations and zero canary hits', (context) => {
    stats.elapsedMs = Date.now() - started;
    report(context, stats);
    expect(ROWS.map((r) => r.id)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(stats.cases).toBe(120);
    expect([stats.duplicates, stats.lost, stats.canaryHits]).toEqual([0, 0, 0]);
    expect(rig.scanner.hits).toEqual([]);
    expect(rig.scanner.scanned).toBeGreaterThan(1000);
  });
});
