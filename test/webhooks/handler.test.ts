import { format, inspect } from 'node:util';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/core/errors.js';
import { Sensitive } from '../../src/core/redact/index.js';
import {
  createWebhookHandler,
  type WebhookEvent,
  type WebhookEventStore,
  type WebhookHandlerOptions,
} from '../../src/webhooks/index.js';

const ALLOWED = '203.0.113.9';
const PAN = '4111111111111111';
const CVC = '737';

function post(body: BodyInit | null, init: RequestInit = {}): Request {
  return new Request('https://hooks.example.test/bfinance', { method: 'POST', body, ...init });
}

function receiver(extra: Partial<WebhookHandlerOptions> = {}) {
  const events: WebhookEvent[] = [];
  const lines: string[] = [];
  const log = (...args: unknown[]): void => {
    lines.push(format(...args));
  };
  const handler = createWebhookHandler({
    allow: ['203.0.113.0/24', '2001:db8::/32'],
    onEvent: (event) => {
      events.push(event);
    },
    logger: { debug: log, info: log, warn: log, error: log },
    ...extra,
  });
  const send = (request: Request, remoteAddress: string | null = ALLOWED) =>
    handler(request, remoteAddress === null ? {} : { remoteAddress });
  return { handler, send, events, lines };
}

/** A body stream that records whether anyone read it, and how far. */
function watchedBody(chunks: number, size = 1024) {
  const seen = { pulls: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        seen.pulls += 1;
        if (seen.pulls > chunks) controller.close();
        else controller.enqueue(new Uint8Array(size).fill(0x20));
      },
      cancel() {
        seen.cancelled = true;
      },
      // No pull until someone reads: a pull means the body was read.
    },
    { highWaterMark: 0 },
  );
  return { stream, seen };
}

const json = (value: unknown): string => JSON.stringify(value);
const EVENT = json({
  id: 'evt_1',
  type: 'transaction',
  createdAt: '2026-12-01T10:00:00Z',
  data: { id: 'tx_1', amount: 12.5 },
});

describe('createWebhookHandler answers', () => {
  it('403 for a source off the allowlist or unknown, before reading the body', async () => {
    const { send, events } = receiver();
    for (const remote of ['198.51.100.7', null, 'garbage', '::ffff:198.51.100.7']) {
      const { stream, seen } = watchedBody(3);
      const response = await send(post(stream, { duplex: 'half' } as RequestInit), remote);
      expect(response.status).toBe(403);
      expect(seen.pulls).toBe(0);
    }
    expect(events).toEqual([]);
  });

  it('403 for everything with an empty allowlist', async () => {
    const { send } = receiver({ allow: [] });
    expect((await send(post(EVENT))).status).toBe(403);
  });

  it('403 checked before 405, then 405 with Allow: POST', async () => {
    const { send } = receiver();
    expect((await send(new Request('https://x.test/', { method: 'GET' }), '198.51.100.1')).status).toBe(403);
    const response = await send(new Request('https://x.test/', { method: 'PUT', body: EVENT }));
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('413 from Content-Length alone, without reading', async () => {
    const { send, events } = receiver({ maxBodyBytes: 100 });
    const { stream, seen } = watchedBody(5);
    const request = post(stream, { duplex: 'half', headers: { 'content-length': '5000' } } as RequestInit);
    expect((await send(request)).status).toBe(413);
    expect(seen.pulls).toBe(0);
    expect(events).toEqual([]);
  });

  it('413 for a streamed body over the limit, which stops being read', async () => {
    const { send } = receiver({ maxBodyBytes: 2048 });
    const { stream, seen } = watchedBody(1000);
    expect((await send(post(stream, { duplex: 'half' } as RequestInit))).status).toBe(413);
    expect(seen.pulls).toBeLessThan(10);
    expect(seen.cancelled).toBe(true);
  });

  it('accepts a body of exactly maxBodyBytes', async () => {
    const body = json({ pad: 'x'.repeat(100) });
    const { send } = receiver({ maxBodyBytes: new TextEncoder().encode(body).length });
    expect((await send(post(body))).status).toBe(200);
  });

  it('400 for a body that is not a JSON object, never echoing it', async () => {
    const { send, events, lines } = receiver();
    const bodies: BodyInit[] = [
      '',
      'nope',
      '[1,2]',
      '42',
      'null',
      '"4111111111111111"',
      new Uint8Array([0x7b, 0xff, 0x7d]),
    ];
    for (const body of bodies) {
      const response = await send(post(body));
      expect(response.status).toBe(400);
      expect(await response.text()).not.toContain('4111');
    }
    expect(events).toEqual([]);
    expect(lines.join('\n')).not.toContain('4111');
  });

  it('200 after onEvent resolved, and only then', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { send } = receiver({ onEvent: () => gate });
    let answered = false;
    const pending = send(post(EVENT)).then((r) => {
      answered = true;
      return r;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(answered).toBe(false);
    release();
    expect((await pending).status).toBe(200);
  });

  it('200 without onEvent for a duplicate, even when two copies arrive at once', async () => {
    const { send, events } = receiver();
    const answers = await Promise.all([send(post(EVENT)), send(post(EVENT)), send(post(EVENT))]);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(events).toHaveLength(1);
    expect((await send(post(EVENT))).status).toBe(200);
    expect(events).toHaveLength(1);
  });

  it('de-duplicates on the exact bytes by default: a pending and a settled event sharing an id both pass', async () => {
    const { send, events } = receiver();
    await send(post(json({ id: 'tx_9', type: 'transaction', data: { status: 'pending' } })));
    await send(post(json({ id: 'tx_9', type: 'transaction', data: { status: 'completed' } })));
    expect(events.map((e) => e.data.status)).toEqual(['pending', 'completed']);
    expect(events[0]?.id).toBe('tx_9');
  });

  it('uses eventId when given', async () => {
    const { send, events } = receiver({ eventId: async (event) => event.id });
    await send(post(json({ id: 'a', n: 1 })));
    await send(post(json({ id: 'a', n: 2 })));
    expect(events).toHaveLength(1);
  });

  it('500 without details when onEvent throws, and the redelivery is processed', async () => {
    let fail = true;
    const seen: string[] = [];
    const { send, lines } = receiver({
      onEvent: (event) => {
        if (fail) throw new Error(`db down while storing ${PAN}`);
        seen.push(event.id);
      },
    });
    const first = await send(post(EVENT));
    expect(first.status).toBe(500);
    const text = await first.text();
    expect(text).not.toMatch(/db down|4111|evt_1/);
    expect(lines.join('\n')).not.toMatch(/db down|4111/);
    fail = false;
    expect((await send(post(EVENT))).status).toBe(200);
    expect(seen).toEqual(['evt_1']);
  });

  it('500 when the store fails, without releasing an id it did not claim', async () => {
    const released: string[] = [];
    const store: WebhookEventStore = {
      claim: async () => {
        throw new Error('store down');
      },
      release: (id) => {
        released.push(id);
      },
    };
    const { send, events } = receiver({ store });
    expect((await send(post(EVENT))).status).toBe(500);
    expect(released).toEqual([]);
    expect(events).toEqual([]);
  });

  it('answers 200 for any JSON object and keeps its unknown fields', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 6 }), async (payload) => {
        const { send, events } = receiver();
        expect((await send(post(json(payload)))).status).toBe(200);
        const event = events[0] as WebhookEvent;
        expect(event.raw.text()).toBe(json(payload));
        expect(typeof event.type).toBe('string');
      }),
    );
  });
});

describe('events never print card data or the body', () => {
  it('wraps card data in Sensitive, masks PANs in text, and hides raw from every printer', async () => {
    const { send, events, lines } = receiver();
    const body = json({
      id: 'evt_2',
      type: 'card.sensitive',
      data: {
        card: { number: PAN, cvc: CVC, expire: '07/29', cardPin: 1234 },
        note: `customer typed 4111 1111 1111 1111 in the memo`,
        merchant: 'Hotel',
      },
      extraTop: { pan: PAN },
    });
    expect((await send(post(body))).status).toBe(200);
    const event = events[0] as WebhookEvent;
    const card = event.data.card as Record<string, Sensitive>;
    expect(card.number).toBeInstanceOf(Sensitive);
    expect(card.number?.reveal()).toBe(PAN);
    expect(card.cvc?.kind).toBe('cvc');
    expect(event.data.merchant).toBe('Hotel');
    expect((event.extra.extraTop as Record<string, Sensitive>).pan?.last4).toBe('1111');
    const printed = [
      JSON.stringify(event),
      inspect(event, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
      format('%o', event),
      String(event.raw),
      `${event.raw}`,
      lines.join('\n'),
    ];
    for (const text of printed) {
      expect(text).not.toContain(PAN);
      expect(text).not.toContain('4111 1111 1111 1111');
      expect(text).not.toMatch(/"cvc":"737"|cvc: '737'/);
    }
    expect(event.raw.text()).toBe(body);
  });

  it('cuts data nested deeper than any payload needs instead of passing it through unread', async () => {
    const { send, events } = receiver();
    let deep: unknown = { note: `card ${PAN}` };
    for (let i = 0; i < 40; i++) deep = { inner: deep };
    expect(await send(post(json({ type: 'x', data: deep })))).toHaveProperty('status', 200);
    expect(JSON.stringify(events[0]?.data)).not.toContain(PAN);
    expect(JSON.stringify(events[0]?.data)).toContain('[Truncated]');
  });
});

describe('createWebhookHandler options', () => {
  it('throw a ValidationError for a malformed allowlist entry, naming the entry, not echoing secrets', () => {
    const bad = (allow: unknown) => () =>
      createWebhookHandler({ allow: allow as string[], onEvent: () => undefined });
    expect(bad(['10.0.0.0/8', 'nope'])).toThrow(ValidationError);
    expect(bad(['10.0.0.0/8', 'nope'])).toThrow(/allow\[1\]/);
    expect(bad(undefined)).toThrow(ValidationError);
    expect(() =>
      createWebhookHandler({ allow: [], trustedProxies: ['10.0.0.0/33'], onEvent: () => undefined }),
    ).toThrow(/trustedProxies\[0\]/);
    expect(() => createWebhookHandler({ allow: [], maxBodyBytes: 0, onEvent: () => undefined })).toThrow(
      ValidationError,
    );
    expect(() => createWebhookHandler({ allow: [] } as unknown as WebhookHandlerOptions)).toThrow(/onEvent/);
  });

  it('read X-Forwarded-For only behind a trusted proxy', async () => {
    const { send, events } = receiver({ trustedProxies: ['10.0.0.0/8'] });
    const forwarded = (xff: string) => post(EVENT, { headers: { 'x-forwarded-for': xff } });
    // A client off the list forging an allowed address in front of what the proxy appended.
    expect((await send(forwarded(`${ALLOWED}, 198.51.100.7`), '10.0.0.5')).status).toBe(403);
    // Not from a trusted proxy: the header is ignored, the peer decides.
    expect((await send(forwarded(ALLOWED), '198.51.100.7')).status).toBe(403);
    expect((await send(forwarded(`198.51.100.7, ${ALLOWED}, 10.0.0.9`), '10.0.0.5')).status).toBe(200);
    expect(events).toHaveLength(1);
  });
});
