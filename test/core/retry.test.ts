import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  backoffMs,
  MAX_RETRY_AFTER_MS,
  parseRetryAfter,
  RETRYABLE_STATUSES,
  sleep,
} from '../../src/core/retry.js';

describe('backoffMs', () => {
  it('is full jitter over a ceiling that doubles from 500 ms and stops at 8 s', () => {
    const almostOne = () => 0.999999;
    expect([0, 1, 2, 3, 4, 5, 10].map((retry) => backoffMs(retry, almostOne))).toEqual([
      499, 999, 1999, 3999, 7999, 7999, 7999,
    ]);
    expect(backoffMs(0, () => 0.5)).toBe(250);
    expect(backoffMs(1, () => 0.5)).toBe(500);
    expect(backoffMs(3, () => 0)).toBe(0);
  });

  it('property: a whole number in [0, min(8000, 500·2^retry))', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (retry, r) => {
          const ms = backoffMs(retry, () => r);
          expect(Number.isInteger(ms)).toBe(true);
          expect(ms).toBeGreaterThanOrEqual(0);
          expect(ms).toBeLessThan(Math.min(8000, 500 * 2 ** retry));
        },
      ),
    );
  });

  it('uses Math.random by default', () => {
    const samples = Array.from({ length: 50 }, () => backoffMs(2));
    expect(new Set(samples).size).toBeGreaterThan(1);
    for (const ms of samples) expect(ms).toBeLessThan(2000);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');

  it.each([
    ['1', 1000],
    ['0', 0],
    ['1.5', 1500],
    ['  2  ', 2000],
    ['60', 60_000],
    ['0.0001', 1],
  ])('reads delay-seconds %j as %i ms', (value, ms) => {
    expect(parseRetryAfter(value, now)).toBe(ms);
  });

  it('reads an HTTP-date as the time left until it', () => {
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:29:00 GMT', now)).toBe(60_000);
  });

  it('reads an HTTP-date in the past as 0', () => {
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:00:00 GMT', now)).toBe(0);
  });

  it.each([
    ['61 seconds', '61'],
    ['a day', '86400'],
    ['an HTTP-date 61 s away', 'Wed, 21 Oct 2015 07:29:01 GMT'],
  ])('refuses %s (over the 60 s cap) so the caller falls back to backoff', (_label, value) => {
    expect(MAX_RETRY_AFTER_MS).toBe(60_000);
    expect(parseRetryAfter(value, now)).toBeUndefined();
  });

  it.each([
    ['absent', undefined],
    ['null', null],
    ['empty', ''],
    ['blank', '   '],
    ['a word', 'soon'],
    ['negative', '-1'],
    ['negative seconds', '-30'],
    ['signed', '+3'],
    ['exponent', '1e3'],
    ['a bare year-like number with a dash', '2015-10-21'],
  ])('returns undefined for %s', (_label, value) => {
    expect(parseRetryAfter(value, now)).toBeUndefined();
  });

  it('uses the current time by default', () => {
    const inTen = new Date(Date.now() + 10_000).toUTCString();
    const ms = parseRetryAfter(inTen);
    expect(ms).toBeGreaterThan(8_000);
    expect(ms).toBeLessThanOrEqual(10_000);
  });
});

describe('RETRYABLE_STATUSES', () => {
  it('is exactly 408, 429, 500, 502, 503, 504', () => {
    expect([...RETRYABLE_STATUSES].sort()).toEqual([408, 429, 500, 502, 503, 504]);
  });
});

describe('sleep', () => {
  it('waits about the time asked', async () => {
    const started = Date.now();
    await sleep(40);
    expect(Date.now() - started).toBeGreaterThanOrEqual(35);
  });

  it('resolves at once for 0', async () => {
    await expect(sleep(0)).resolves.toBeUndefined();
  });

  it('rejects with the signal’s reason when already aborted, even for 0 ms', async () => {
    const reason = new Error('stop');
    await expect(sleep(0, AbortSignal.abort(reason))).rejects.toBe(reason);
    await expect(sleep(1000, AbortSignal.abort(reason))).rejects.toBe(reason);
  });

  it('rejects as soon as the signal aborts mid-wait', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const waiting = sleep(10_000, controller.signal);
    setTimeout(() => controller.abort(new Error('cancelled')), 20);
    await expect(waiting).rejects.toThrow('cancelled');
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
