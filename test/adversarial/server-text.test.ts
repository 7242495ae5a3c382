import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CardsClient } from '../../src/client.js';
import { CardsError } from '../../src/core/errors.js';
import type { AuditEvent } from '../../src/core/hooks/audit.js';
import { activationCodeArb, echoArb, echoedSecrets, pinArb, tokenArb } from '../helpers/canary.js';
import { size } from '../reliability/config.js';
import { apiClient, FakeApi, thrown } from './fake-api.js';

// Finding 10 of the adversarial review: server error messages carrying card data in renderings
// the old pattern redactor missed (other separators, non-ASCII digits, glued expiries, 12-digit
// Maestro numbers, card data without `key: value`, the token encoded or case-changed). None of it
// may reach String(error), JSON, a full util.inspect, the cause or any log line, and innocent
// messages must come back intact.

/** A token with characters URL encoding changes, so its encoded form differs from it. */
const TOKEN = 'tok_adv2/Zq8c+3VbN=4m1XkP7w';
const PANS = ['4111111111111111', '4012888888881881', '4222222222222'];
const SEPARATORS = ['.', '/', '   ', '\t', '\u00a0', '%20', ' . ', '\u00a0\u00a0'];
/** Digit zeros of other scripts: fullwidth, Arabic-Indic, Extended Arabic-Indic, Devanagari. */
const ZEROS = [0x30, 0xff10, 0x660, 0x6f0, 0x966];

function inScript(text: string, zero: number): string {
  return text.replace(/\d/g, (d) => String.fromCodePoint(zero + Number(d)));
}

/** Any Unicode decimal digit as ASCII, so a leak in another script is still found. */
function ascii(text: string): string {
  return text.replace(/\p{Nd}/gu, (d) => {
    const code = d.codePointAt(0) ?? 0x30;
    for (const zero of [0x30, 0xff10, 0x660, 0x6f0, 0x966, 0x9e6, 0xe50]) {
      if (code >= zero && code <= zero + 9) return String(code - zero);
    }
    return d;
  });
}

/** The text's digit runs with separators (and encoded spaces) squeezed out. */
function squeezed(text: string): string {
  return ascii(text)
    .replace(/%20/gi, ' ')
    .replace(/[\s.\-/\u00a0]+/g, '');
}

/** Completes a digit string with its Luhn check digit. */
function luhn(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return `${body}${(10 - (sum % 10)) % 10}`;
}

const MAESTRO = luhn('67596498264');

/** A PAN rendered with a separator between groups of four, in a script, maybe glued to its expiry. */
const renderedPan = fc
  .record({
    pan: fc.constantFrom(...PANS),
    sep: fc.constantFrom(...SEPARATORS),
    zero: fc.constantFrom(...ZEROS),
    glued: fc.constantFrom('', '12/29', '1229', ' 12/29'),
    frame: fc.constantFrom(
      (p: string) => `Card ${p} declined`,
      (p: string) => `Unknown card number ${p}.`,
      (p: string) => `${p} is blocked`,
      (p: string) => `card=${p}&reason=blocked`,
    ),
  })
  .map(({ pan, sep, zero, glued, frame }) => ({
    pan,
    // The digits change script, the separators (an encoded space is always ASCII) do not.
    message: frame((inScript(pan, zero).match(/.{1,4}/gu) ?? []).join(sep) + inScript(glued, zero)),
  }));

interface Captured {
  texts: string[];
  lines: string[];
}

/** Every rendering a caller could make of the error, and every log line. */
async function failedRead(status: number, message: string, errorId?: string): Promise<Captured> {
  const lines: string[] = [];
  const capture =
    (level: string) =>
    (...args: unknown[]): void => {
      lines.push(
        `${level} ${args.map((a) => (typeof a === 'string' ? a : inspect(a, { depth: Infinity }))).join(' ')}`,
      );
      lines.push(JSON.stringify(args));
    };
  const logger = {
    debug: capture('debug'),
    info: capture('info'),
    warn: capture('warn'),
    error: capture('error'),
  };
  const api = new FakeApi({ failWith: { status, message, ...(errorId ? { errorId } : {}) } });
  const client = apiClient(api, { apiToken: TOKEN, logger, logLevel: 'debug' });
  const error = await thrown(client.cards.retrieve('c1'));
  expect(error).toBeInstanceOf(CardsError);
  const e = error as CardsError & { cause?: unknown };
  const texts = [
    String(e),
    e.message,
    JSON.stringify(e),
    inspect(e, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
    inspect(e.cause, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
    String(e.cause),
  ];
  return { texts, lines };
}

/** Renderings without stack frames, where line and column numbers would match short secrets by chance. */
function withoutStacks(text: string): string {
  return text
    .split('\n')
    .filter((line) => !/^\s*at\s/.test(line) && !/\.(?:ts|js|mjs):\d+/.test(line))
    .join('\n');
}

describe('10. server error messages never carry card data or the token out', () => {
  it('PANs with dots, slashes, spaces, tabs, NBSP, %20, other digit scripts, glued expiries: never rendered', async () => {
    await fc.assert(
      fc.asyncProperty(renderedPan, fc.constantFrom(400, 500), async ({ pan, message }, status) => {
        const { texts, lines } = await failedRead(status, message);
        expect(lines.length).toBeGreaterThan(0);
        for (const text of [...texts, ...lines]) {
          expect(squeezed(text)).not.toContain(pan);
          expect(squeezed(text)).not.toContain(pan.slice(0, 12));
        }
      }),
      { numRuns: size(400, 40) },
    );
  });

  it('a 12-digit Maestro number next to a card word is masked', async () => {
    for (const message of [
      `Maestro card ${MAESTRO} declined`,
      `card number: ${MAESTRO.replace(/(\d{4})(?=\d)/g, '$1 ')}`,
      `PAN ${inScript(MAESTRO, 0xff10)} is blocked`,
    ]) {
      const { texts, lines } = await failedRead(400, message);
      for (const text of [...texts, ...lines]) expect(squeezed(text)).not.toContain(MAESTRO);
    }
  });

  it('"CVC 737 / PIN 5831 / exp 12/29 / activation code 4821-7710": none of the four values is rendered', async () => {
    for (const status of [400, 500]) {
      const { texts, lines } = await failedRead(
        status,
        'CVC 737 / PIN 5831 / exp 12/29 / activation code 4821-7710',
      );
      for (const raw of [...texts, ...lines]) {
        const text = ascii(withoutStacks(raw));
        for (const secret of ['737', '5831', '12/29', '4821', '7710']) expect(text).not.toContain(secret);
      }
    }
  });

  it('the token, URL-encoded or upper-cased, in a message or an errorId: never rendered in any form', async () => {
    const forms = [
      TOKEN,
      encodeURIComponent(TOKEN),
      TOKEN.toUpperCase(),
      encodeURIComponent(TOKEN).toUpperCase(),
    ];
    for (const form of forms) {
      for (const [message, errorId] of [
        [`Invalid token ${form}`, undefined],
        ['Unauthorized', form],
      ] as const) {
        const { texts, lines } = await failedRead(401, message, errorId);
        for (const text of [...texts, ...lines]) {
          const lower = text.toLowerCase();
          for (const f of forms) expect(lower).not.toContain(f.toLowerCase());
          expect(lower).not.toContain('zq8c');
        }
      }
    }
  });

  it('innocent messages come back intact in error.message', async () => {
    for (const innocent of [
      'Minimum top-up is 1.01 USD',
      'PIN must be 4 digits',
      'Statement closed at 2026-11-30T10:15:00.000Z',
      'Dispute 3f2c6b1e-9a4d-4c1b-8e7f-0a1b2c3d4e5f is under review',
      'Limit 1500.25 USD exceeded for card c_81724',
      'Call +44 20 7946 0958 for help',
    ]) {
      for (const status of [400, 500]) {
        const { texts } = await failedRead(status, innocent);
        expect(texts[1]).toContain(innocent);
      }
    }
  });
});

// Issue #17 part 4: whatever a call sent that is secret (the token, a PIN, an activation code)
// is masked in every error, log line and audit event built from the server's answer, however the
// server echoes it; and parsed response data is never rewritten by that masking.
describe('11. secrets the call itself sent never come back', () => {
  const BASE = 'https://api.echo.test/external/api';
  const FULL = { depth: Number.POSITIVE_INFINITY, showHidden: true } as const;
  const frames = [
    (v: string) => `Sequence ${v} not allowed`,
    (v: string) => `Invalid activation "${v}".`,
    (v: string) => `Rejected POST /cards/c1/pin?value=${v}&attempt=2`,
    (v: string) => `Rejected ${encodeURIComponent(`/physical-cards/c1/activate?ref=${v}&attempt=2`)}`,
    (v: string) => `${v}`,
  ];

  /** Everything a caller could render of one failed call: the error, log lines, audit events. */
  async function secretCall(c: {
    token: string;
    call: 'pin' | 'code';
    value: string;
    echoed: string;
    frame: number;
    where: 'message' | 'errorId' | 'requestId';
    status: number;
  }): Promise<string[]> {
    const text = (frames[c.frame] ?? String)(c.echoed);
    const fetch = async (): Promise<Response> =>
      new Response(
        JSON.stringify({
          status: 'error',
          message: c.where === 'message' ? text : 'Rejected',
          errorId: c.where === 'errorId' ? text : 'e-1',
        }),
        {
          status: c.status,
          headers: {
            'content-type': 'application/json',
            'x-request-id': c.where === 'requestId' ? text : 'r-1',
          },
        },
      );
    const out: string[] = [];
    const record = (level: string) => (fields: unknown, message: unknown) => {
      out.push(`${level} ${String(message)} ${inspect(fields, FULL)} ${JSON.stringify(fields)}`);
    };
    const client = new CardsClient({
      apiToken: c.token,
      baseUrl: BASE,
      fetch,
      maxRetries: 0,
      logLevel: 'debug',
      logger: { debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') },
      onAudit: (event: AuditEvent) => {
        out.push(`audit ${JSON.stringify(event)} ${inspect(event, FULL)}`);
      },
    });
    const error = await thrown(
      c.call === 'pin' ? client.pins.set('c1', c.value) : client.cards.physical.activate('c1', c.value),
    );
    expect(error).toBeInstanceOf(CardsError);
    const e = error as CardsError & { cause?: unknown };
    out.push(e.message, e.hint ?? '', String(e), JSON.stringify(e), inspect(e, FULL));
    if (e.cause !== undefined) out.push(String(e.cause), inspect(e.cause, FULL));
    expect(out.some((line) => line.startsWith('audit '))).toBe(true);
    expect(out.some((line) => line.startsWith('debug '))).toBe(true);
    return out;
  }

  const caseArb = fc
    .record({
      token: tokenArb,
      call: fc.constantFrom('pin' as const, 'code' as const),
      pin: pinArb,
      code: activationCodeArb,
      echo: fc.constantFrom('value' as const, 'token' as const),
      frame: fc.integer({ min: 0, max: frames.length - 1 }),
      where: fc.constantFrom('message' as const, 'errorId' as const, 'requestId' as const),
      status: fc.constantFrom(400, 409, 422, 500),
    })
    .chain((c) => {
      const value = c.call === 'pin' ? c.pin : c.code;
      return echoArb(c.echo === 'value' ? value : c.token).map(([how, echoed]) => ({
        ...c,
        value,
        how,
        echoed,
      }));
    });

  it('a PIN, an activation code or the token echoed in any encoding: never in the error, a log line or an audit event', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const texts = await secretCall(c);
        for (const text of texts)
          expect(echoedSecrets(text, [c.value, c.token]), `${c.how}: ${text}`).toEqual([]);
      }),
      { numRuns: size(600, 150) },
    );
  });

  it('the findings as reported: "Sequence 7294 not allowed", "4821-7710", a hex token, expDate=12%2F2029', async () => {
    const token = 'tok_finding_Zq8c3VbN4m1XkP7w';
    for (const [call, value, message] of [
      ['pin', '7294', 'Sequence 7294 not allowed'],
      ['code', '48217710', 'Activation code 4821-7710 is invalid'],
      ['code', '4821-7710', 'Unknown 48217710'],
      ['pin', '7294', `Bad credential ${Buffer.from(token).toString('hex')}`],
      ['pin', '7294', 'Rejected /cards/c1/pin?expDate=12%2F2029&page=2'],
    ] as const) {
      const texts = await secretCall({
        token,
        call,
        value,
        echoed: message,
        frame: 4,
        where: 'message',
        status: 400,
      });
      for (const text of texts) {
        expect(echoedSecrets(text, [value, token])).toEqual([]);
        expect(text).not.toMatch(/12%2F2029/i);
      }
      // Innocent parts of the message survive.
      expect(texts.some((t) => /not allowed|is invalid|Unknown|Bad credential|page=2/.test(t))).toBe(true);
    }
  });

  it('property: a card parse is unchanged when a PIN sent earlier on the client equals its last four digits', async () => {
    await fc.assert(
      fc.asyncProperty(
        pinArb.filter((pin) => pin.length === 4),
        fc.constantFrom(200, 400),
        async (pin, pinStatus) => {
          const pan = `411111111111${pin}`;
          const secrets = { number: pan, expire: '07/29', cvc: '123' };
          const fetch = async (input: string, init: RequestInit): Promise<Response> => {
            const url = new URL(String(input));
            const reply = (status: number, body: unknown): Response =>
              new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
            if (init.method === 'POST')
              return pinStatus === 200
                ? reply(200, { status: 'success', message: `PIN ${pin} set` })
                : reply(400, { status: 'error', message: `PIN ${pin} rejected` });
            if (url.pathname.endsWith('/sensetive')) return reply(200, { status: 'success', data: secrets });
            return reply(200, {
              status: 'success',
              data: {
                id: 'c1',
                maskedCardNumber: `**** **** **** ${pin}`,
                currency: 'USD',
                status: 'active',
                balance: { value: 10, currency: 'USD' },
                cardHolder: { firstName: 'Ada', lastName: 'Lovelace' },
                sensetive: secrets,
              },
            });
          };
          const read = async (client: CardsClient) => {
            const card = await client.cards.retrieve('c1');
            const sensitive = await client.cards.sensitive('c1');
            return {
              json: JSON.stringify(card),
              last4: card.last4,
              number: card.sensitive?.number?.reveal(),
              sensitive: [
                sensitive.number.reveal(),
                sensitive.expiry.reveal(),
                sensitive.cvc.reveal(),
                sensitive.last4,
              ],
            };
          };
          const options = { apiToken: 'tok_parse_check_1234567890', baseUrl: BASE, fetch, maxRetries: 0 };
          const fresh = await read(new CardsClient(options));
          const client = new CardsClient({ ...options, onAudit: () => undefined });
          const error = await thrown(client.pins.set('c1', pin));
          if (pinStatus === 400) expect(String(error)).not.toContain(pin);
          const after = await read(client);
          expect(after).toEqual(fresh);
          expect(after.number).toBe(pan);
          expect(after.sensitive).toEqual([pan, '07/29', '123', pin]);
          expect(after.last4).toBe(pin);
        },
      ),
      { numRuns: size(100, 30) },
    );
  });
});
