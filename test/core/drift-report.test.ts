import { describe, expect, it, vi } from 'vitest';
import { CardsClient } from '../../src/client.js';
import type { Logger } from '../../src/core/logger.js';
import { driftChecked } from '../helpers/drift.js';

// Drift is reported, not fatal: a response with fields the schema does not know, or documented
// fields absent or null, still parses, and the client logs one warn per operation, wire path and
// kind — the path, never the value.

const PAN = '4111111111111111';

function card(extra: Record<string, unknown>): Record<string, unknown> {
  return { id: 'card_1', status: 'active', maskedCardNumber: `**** **** **** 1111`, ...extra };
}

function capture(): {
  logger: Logger;
  lines: Array<{ level: string; fields: Record<string, unknown>; text: string }>;
} {
  const lines: Array<{ level: string; fields: Record<string, unknown>; text: string }> = [];
  const at = (level: string) => (fields: unknown, text: unknown) => {
    lines.push({ level, fields: fields as Record<string, unknown>, text: String(text) });
  };
  return { logger: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') }, lines };
}

function client(
  body: unknown,
  options: Partial<ConstructorParameters<typeof CardsClient>[0]> = {},
): CardsClient {
  return new CardsClient({
    apiToken: 'tok_drift_0123456789',
    baseUrl: 'https://api.example.test/external/api',
    fetch: async () => Response.json({ status: 'success', data: body }),
    ...options,
  });
}

describe('drift reports', () => {
  it('logs each unknown and null field once per client, at warn by default when a logger is given, naming paths only', async () => {
    const { logger, lines } = capture();
    const c = client(card({ surprise: PAN, nested: { deeper: PAN }, label: null }), { logger });
    await c.cards.retrieve('card_1');
    await c.cards.retrieve('card_1');
    await driftChecked();
    const drift = lines.filter((l) => l.text === 'bfinance-cards: response drift');
    expect(drift.every((l) => l.level === 'warn')).toBe(true);
    const reported = drift.map((l) => [l.fields.field, l.fields.drift]);
    expect(reported).toContainEqual(['surprise', 'unknown']);
    expect(reported).toContainEqual(['nested', 'unknown']);
    expect(new Set(reported.map((r) => r.join(' '))).size).toBe(reported.length);
    expect(drift.every((l) => l.fields.operation === 'cards.retrieve')).toBe(true);
    expect(JSON.stringify(lines)).not.toContain(PAN);
  });

  it('samples after the first answers of an operation: drift first seen on a late answer waits for a sampled one', async () => {
    const { logger, lines } = capture();
    let n = 0;
    const c = new CardsClient({
      apiToken: 'tok_drift_0123456789',
      baseUrl: 'https://api.example.test/external/api',
      logger,
      fetch: async () => Response.json({ status: 'success', data: card(++n >= 30 ? { late: 1 } : {}) }),
    });
    const drifted = (): number => lines.filter((l) => l.fields.field === 'late').length;
    for (let i = 0; i < 99; i++) await c.cards.retrieve('card_1');
    await driftChecked();
    expect(drifted()).toBe(0);
    await c.cards.retrieve('card_1');
    await driftChecked();
    expect(drifted()).toBe(1);
  });

  it('stays quiet below warn, and with no logger at all', async () => {
    const { logger, lines } = capture();
    await client(card({ surprise: 1 }), { logger, logLevel: 'error' }).cards.retrieve('card_1');
    await driftChecked();
    expect(lines).toEqual([]);
    await expect(client(card({ surprise: 1 })).cards.retrieve('card_1')).resolves.toMatchObject({
      id: 'card_1',
    });
  });

  it('never fails a call: a drifting body still parses', async () => {
    const { logger } = capture();
    const result = await client(card({ balance: null, cardHolder: null, sensetive: null, x: [1, 2] }), {
      logger,
    }).cards.retrieve('card_1');
    expect(result.id).toBe('card_1');
  });

  it('checks after the call has resolved: the caller goes on before the logger hears of any drift', async () => {
    const events: string[] = [];
    const note = (): void => void events.push('logged');
    const logger: Logger = { debug: note, info: note, warn: note, error: note };
    const result = await client(card({ surprise: 1 }), { logger }).cards.retrieve('card_1');
    events.push('resolved');
    expect(result.id).toBe('card_1');
    await driftChecked();
    // One line per drifted path (`surprise`, and the documented fields this body lacks).
    expect(events[0]).toBe('resolved');
    expect(events.slice(1)).toContain('logged');
    expect(new Set(events.slice(1))).toEqual(new Set(['logged']));
  });

  it('a logger that throws or never settles neither delays nor fails the call, and nothing escapes the check', async () => {
    const warned = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    const calls: string[] = [];
    const loggers: Logger[] = [
      {
        debug() {},
        info() {},
        warn: () => {
          calls.push('throws');
          throw new Error(`sink full ${PAN}`);
        },
        error() {},
      },
      {
        debug() {},
        info() {},
        warn: () => {
          calls.push('hangs');
          return new Promise(() => undefined);
        },
        error() {},
      },
    ];
    try {
      for (const logger of loggers) {
        const before = calls.length;
        const result = await client(card({ surprise: 1, nested: { deeper: 2 } }), { logger }).cards.retrieve(
          'card_1',
        );
        expect(result.id).toBe('card_1');
        expect(calls.length).toBe(before); // resolved before the logger was reached
        await driftChecked();
        expect(calls.length).toBeGreaterThan(before);
      }
      // Both loggers were reached for the same drifted paths; the throw was swallowed, reported once.
      expect(new Set(calls)).toEqual(new Set(['throws', 'hangs']));
      expect(calls.filter((c) => c === 'throws').length).toBe(calls.filter((c) => c === 'hangs').length);
      expect(warned).toHaveBeenCalledTimes(1);
    } finally {
      warned.mockRestore();
    }
  });
});
