import { randomBytes, randomInt } from 'node:crypto';
import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isCardsError } from '../../src/core/errors.js';
import { createFetchSender } from '../../src/core/http/fetch-sender.js';
import type { Sender } from '../../src/core/http/types.js';
import { createUndiciSender } from '../../src/core/http/undici-sender.js';
import { luhnCheckDigit } from '../../src/core/luhn.js';
import { path } from '../../src/core/path.js';
import * as z from '../../src/core/reader.js';
import { Sensitive } from '../../src/core/redact/index.js';
import { actionResult, sensitive } from '../../src/core/schema.js';
import type { RequestSpec } from '../../src/core/spec.js';
import { CanaryScanner } from '../helpers/canary.js';
import { letLoopbackThroughMsw, type ScriptedServer, startScriptedServer } from '../helpers/http-server.js';
import { caught, type Harness, makeTransport } from '../helpers/transport-harness.js';

// ---------------------------------------------------------------------------------------------------------
// Canaries: fresh per run. Short values (CVC, PIN) avoid the digits that legitimately appear in the SDK's
// own output (HTTP statuses, the PAN's last four), so a bare hit is a real leak and not a coincidence.
// ---------------------------------------------------------------------------------------------------------

const b64 = (bytes: number): string => randomBytes(bytes).toString('base64url');
const digits = (count: number): string => Array.from({ length: count }, () => randomInt(10)).join('');

const TOKEN = `eyJ${b64(18)}.${b64(36)}.${b64(27)}`;
const PAN = (() => {
  const partial = `411111${digits(9)}`;
  return partial + luhnCheckDigit(partial);
})();
const LAST4 = PAN.slice(-4);
const BENIGN = `${LAST4} 200 400 408 409 429 500 502 503 504 599 1000 5000 100`;
function fresh(length: number, avoid: string): string {
  for (;;) {
    const value = digits(length);
    if (!avoid.includes(value) && !value.startsWith('0')) return value;
  }
}
const CVC = fresh(3, BENIGN);
const PIN = fresh(4, `${BENIGN} ${CVC}`);
const EXPIRY = `${String(randomInt(1, 13)).padStart(2, '0')}/${randomInt(30, 40)}`;

const PAN_FORMS = [PAN, PAN.replace(/(\d{4})(?=\d)/g, '$1 '), PAN.replace(/(\d{4})(?=\d)/g, '$1-')];
const TOKEN_PARTS = TOKEN.split('.').slice(1);
const FULL = { depth: Number.POSITIVE_INFINITY, showHidden: true } as const;

interface Leak {
  where: string;
  what: string;
}

/**
 * Every place a canary shows, found by the suite's one scanner (test/helpers/canary.ts). `strict`
 * texts (SDK-made messages and rendered values, no stack traces or timings) are also searched for
 * the bare CVC, PIN and expiry.
 */
function leaks(texts: Array<{ where: string; text: string; strict: boolean }>): Leak[] {
  const scanner = new CanaryScanner(TOKEN);
  scanner.addPan(PAN);
  scanner.addPin(PIN);
  scanner.addCvc(CVC);
  scanner.addExpiry(EXPIRY);
  for (const { where, text, strict } of texts) scanner.scan(where, text, strict ? 'message' : 'output');
  return scanner.hits;
}

/** All the ways a caller might print what the SDK returned or threw. */
function renders(label: string, value: unknown): Array<{ where: string; text: string; strict: boolean }> {
  const out = [
    { where: `${label} inspect`, text: inspect(value, FULL), strict: !(value instanceof Error) },
    { where: `${label} JSON`, text: JSON.stringify(value) ?? '', strict: true },
    { where: `${label} String`, text: String(value), strict: true },
  ];
  if (value instanceof Error) {
    out.push({ where: `${label} message`, text: value.message, strict: true });
    out.push({ where: `${label} stack`, text: value.stack ?? '', strict: false });
    let cause: unknown = value.cause;
    for (let depth = 0; cause !== undefined && depth < 3; depth++) {
      out.push(...renders(`${label} cause`, cause));
      cause = (cause as { cause?: unknown }).cause;
    }
  }
  return out;
}

const cardSchema = z.object({
  id: z.string(),
  cardNumber: sensitive('pan'),
  cardCVC: sensitive('cvc'),
  cardExpire: sensitive('expiry'),
  maskedCardNumber: z.string(),
});

const sensitiveSchema = z.object({
  number: sensitive('pan'),
  cvc: sensitive('cvc'),
  expire: sensitive('expiry'),
});

const errorMessage = `Card ${PAN} (also ${PAN_FORMS[1]}, row 7 ${PAN} 2) refused for ${TOKEN}: {"pin":"${PIN}","cvc":"${CVC}","cardExpire":"${EXPIRY}"} Authorization: Bearer ${TOKEN}`;

describe.each<[string, () => Sender]>([
  ['undici', () => createUndiciSender()],
  ['fetch', () => createFetchSender()],
])('canary secrets through the core transport (%s)', (_name, makeSender) => {
  let srv: ScriptedServer;
  let h: Harness;
  const consoleLines: string[] = [];

  beforeEach(async () => {
    letLoopbackThroughMsw();
    srv = await startScriptedServer();
    h = makeTransport({
      baseUrl: `${srv.origin}/external/api`,
      sender: makeSender(),
      token: TOKEN,
      timeoutMs: 2000,
    });
    consoleLines.length = 0;
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        consoleLines.push(inspect(args, FULL));
      });
    }
  });

  afterEach(async () => {
    vi.restoreAllMocks();
    await srv.close();
  });

  it('leaves no token, PAN, CVC, PIN or expiry in logs, results or errors', async () => {
    const outputs: Array<{ where: string; text: string; strict: boolean }> = [];
    const cardId = 'card_9f2';

    // 1. A PIN in a request body (state call), answered with a message.
    srv.enqueue({ status: 200, body: { status: 'success', message: 'PIN has been set' } });
    const pinSpec: RequestSpec<{ message: string }> = {
      operation: 'pins.set',
      method: 'POST',
      path: path`/cards/${cardId}/set-pin`,
      body: { pin: PIN },
      schema: actionResult(),
      retry: 'converges',
    };
    outputs.push(...renders('pins.set result', await h.transport.request(pinSpec)));

    // 2. Issuance: PAN (as a JSON number), CVC and expiry in the response, after a 429 retry.
    srv.enqueue(
      { status: 429, headers: { 'retry-after': '0' }, body: { status: 'error', message: errorMessage } },
      {
        status: 200,
        body: `{"status":"success","data":{"card":{"id":"${cardId}","cardNumber":${PAN},"cardCVC":"${CVC}","cardExpire":"${EXPIRY}","maskedCardNumber":"**** ${LAST4}"}}}`,
      },
    );
    const issueSpec: RequestSpec<{ card: z.Infer<typeof cardSchema> }> = {
      operation: 'cards.issue',
      method: 'POST',
      path: path`/cards/issue`,
      body: { typeId: 't1', initialBalance: 50, note: `for card ${PAN}` },
      schema: z.object({ card: cardSchema }),
      retry: 'must-not-repeat',
    };
    const issued = await h.transport.request(issueSpec);
    expect(issued.card.cardNumber).toBeInstanceOf(Sensitive);
    expect(issued.card.cardNumber.reveal()).toBe(PAN);
    expect(issued.card.cardCVC.reveal()).toBe(CVC);
    outputs.push(...renders('cards.issue result', issued));
    outputs.push(...renders('cards.issue card', issued.card));
    for (const [key, field] of Object.entries(issued.card)) outputs.push(...renders(`card.${key}`, field));

    // 3. Sensitive data read, spaced PAN, after a 503 retry whose body echoes the secrets.
    srv.enqueue(
      { status: 503, body: { status: 'error', message: errorMessage } },
      { status: 200, body: { status: 'success', data: { number: PAN_FORMS[1], cvc: CVC, expire: EXPIRY } } },
    );
    const readSpec: RequestSpec<z.Infer<typeof sensitiveSchema>> = {
      operation: 'cards.sensitive',
      method: 'GET',
      path: path`/cards/${cardId}/sensetive`,
      schema: sensitiveSchema,
      retry: 'safe-to-repeat',
    };
    outputs.push(...renders('cards.sensitive result', await h.transport.request(readSpec)));

    // 4. Errors whose server message carries every secret: 400, 200 + status:error, 500 on a create call.
    const failures: unknown[] = [];
    srv.enqueue({ status: 400, body: { status: 'error', message: errorMessage, errorId: 'e-400' } });
    failures.push(await caught(h.transport.request(readSpec)));
    srv.enqueue({ status: 200, body: { status: 'error', message: errorMessage } });
    failures.push(await caught(h.transport.request(readSpec)));
    srv.enqueue({ status: 500, body: { status: 'error', message: errorMessage } });
    failures.push(await caught(h.transport.request(issueSpec)));
    srv.enqueue({ status: 401, body: { status: 'error', message: errorMessage } });
    failures.push(await caught(h.transport.request(pinSpec)));

    // 5. A body that breaks the schema while carrying the secrets.
    srv.enqueue({
      status: 200,
      body: { status: 'success', data: { number: { value: PAN }, cvc: [CVC], expire: { at: EXPIRY } } },
    });
    failures.push(await caught(h.transport.request(readSpec)));

    // 6. Network faults while a PIN and a PAN are in flight.
    srv.enqueue('reset-after-read');
    failures.push(await caught(h.transport.request(issueSpec)));
    srv.enqueue('stall', 'stall', 'stall');
    failures.push(await caught(h.transport.request(readSpec, { timeoutMs: 100 })));
    srv.enqueue('reset-before-read');
    failures.push(await caught(h.transport.request(pinSpec, { maxRetries: 0 })));

    failures.forEach((error, i) => {
      expect(isCardsError(error)).toBe(true);
      outputs.push(...renders(`failure ${i} (${(error as Error).name})`, error));
    });
    expect(failures.map((e) => (e as Error).name)).toEqual([
      'BadRequestError',
      'ApiError',
      'OutcomeUnknownError',
      'AuthenticationError',
      'ResponseValidationError',
      'OutcomeUnknownError',
      'TimeoutError',
      'ConnectionError',
    ]);

    // The canaries really travelled: the server saw them, and the log saw every step.
    expect(srv.requests.some((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
    expect(srv.requests.some((r) => r.body?.includes(`"pin":"${PIN}"`))).toBe(true);
    expect(srv.requests.some((r) => r.body?.includes(PAN))).toBe(true);
    expect(h.lines.map((l) => l.level)).toEqual(expect.arrayContaining(['debug', 'warn', 'error']));
    expect(h.lines.length).toBeGreaterThan(20);

    h.lines.forEach((line, i) => {
      outputs.push({ where: `log ${i}`, text: inspect([line.fields, line.message], FULL), strict: false });
      outputs.push({
        where: `log ${i} JSON`,
        text: JSON.stringify([line.fields, line.message]),
        strict: false,
      });
    });
    consoleLines.forEach((text, i) => {
      outputs.push({ where: `console ${i}`, text, strict: false });
    });

    expect(leaks(outputs)).toEqual([]);
    expect(consoleLines).toEqual([]);
  });
});

describe('the canary detector', () => {
  it('finds each canary where it is planted, so a clean result above means something', () => {
    const planted = [
      { where: 'token', text: `x ${TOKEN} y`, strict: false },
      { where: 'signature', text: `sig ${TOKEN_PARTS[1]}`, strict: false },
      { where: 'spaced', text: `pan ${PAN_FORMS[1]}`, strict: false },
      { where: 'split', text: `pan ${PAN.slice(0, 6)} ${PAN.slice(6)}`, strict: false },
      { where: 'pin', text: JSON.stringify({ pin: PIN }), strict: false },
      { where: 'cvc', text: `cardCVC=${CVC}`, strict: false },
      { where: 'expiry', text: inspect({ cardExpire: EXPIRY }), strict: false },
      { where: 'bare', text: `${CVC} ${PIN} ${EXPIRY}`, strict: true },
    ];
    expect(leaks(planted).map((l) => l.where)).toEqual(
      expect.arrayContaining(['token', 'signature', 'spaced', 'split', 'pin', 'cvc', 'expiry', 'bare']),
    );
    expect(leaks([{ where: 'clean', text: `•••• ${LAST4} [REDACTED] HTTP 400`, strict: true }])).toEqual([]);
  });
});
