import { describe, expect, it } from 'vitest';
import { createLogSink, type Logger, type LogLevel } from '../../src/core/logger.js';

type Call = [level: string, fields: unknown, message: unknown, extra: number];

function capture(): { logger: Logger; calls: Call[] } {
  const calls: Call[] = [];
  const at =
    (level: string) =>
    (...args: unknown[]): void => {
      calls.push([level, args[0], args[1], args.length]);
    };
  return { logger: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') }, calls };
}

const LEVELS = ['error', 'warn', 'info', 'debug'] as const;

describe('createLogSink', () => {
  it('logs nothing without a logger, whatever the level', () => {
    const sink = createLogSink(undefined, 'debug', () => []);
    for (const level of LEVELS) expect(sink.enabled(level)).toBe(false);
    expect(() => sink.log('error', 'failed', {})).not.toThrow();
  });

  it('logs nothing at level off', () => {
    const { logger, calls } = capture();
    const sink = createLogSink(logger, 'off', () => []);
    for (const level of LEVELS) {
      expect(sink.enabled(level)).toBe(false);
      sink.log(level, 'event', {});
    }
    expect(calls).toEqual([]);
  });

  it.each<[LogLevel, string[]]>([
    ['error', ['error']],
    ['warn', ['error', 'warn']],
    ['info', ['error', 'warn', 'info']],
    ['debug', ['error', 'warn', 'info', 'debug']],
  ])('at %s passes %j', (threshold, passed) => {
    const { logger, calls } = capture();
    const sink = createLogSink(logger, threshold, () => []);
    for (const level of LEVELS) sink.log(level, 'event', {});
    expect(calls.map(([level]) => level)).toEqual(passed);
    expect(LEVELS.filter((level) => sink.enabled(level))).toEqual(passed);
  });

  it('calls the logger method of the level with (fields, prefixed message)', () => {
    const { logger, calls } = capture();
    createLogSink(logger, 'debug', () => []).log('warn', 'retrying', {
      operation: 'funds.topUp',
      path: '/cards/:id/topup',
      attempt: 1,
      delayMs: 250,
    });
    expect(calls).toEqual([
      [
        'warn',
        { operation: 'funds.topUp', path: '/cards/:id/topup', attempt: 1, delayMs: 250 },
        'bfinance-cards: retrying',
        2,
      ],
    ]);
  });

  it('redacts fields and the message before the logger sees them, even at debug', () => {
    const { logger, calls } = capture();
    const secrets = new Set<string>();
    const sink = createLogSink(logger, 'debug', () => secrets);
    secrets.add('tok_rotated_value'); // added after the sink was made: read per event
    sink.log('debug', 'sent with tok_rotated_value', {
      note: 'Bearer abc.def and card 4111 1111 1111 1111',
      cardNumber: '5168 3214 5678 1234',
      pin: '2468',
      token: 'tok_rotated_value',
      id: 'card_1',
    });
    expect(calls).toHaveLength(1);
    const [, fields, message] = calls[0] as Call;
    expect(message).toBe('bfinance-cards: sent with [REDACTED]');
    expect(fields).toEqual({
      note: 'Bearer [REDACTED] and card •••• 1111',
      cardNumber: '[REDACTED]',
      pin: '[REDACTED]',
      token: '[REDACTED]',
      id: 'card_1',
    });
  });

  it('does not change the caller’s fields object', () => {
    const { logger } = capture();
    const fields = { pin: '2468' };
    createLogSink(logger, 'debug', () => []).log('info', 'x', fields);
    expect(fields).toEqual({ pin: '2468' });
  });

  it('does not call secrets() for a filtered event', () => {
    const { logger } = capture();
    let asked = 0;
    const sink = createLogSink(logger, 'error', () => {
      asked++;
      return [];
    });
    sink.log('debug', 'x', {});
    expect(asked).toBe(0);
  });
});
