import { describe, expect, it, vi } from 'vitest';
import { AttemptSignal, toAbortSignal } from '../../../src/core/http/attempt-signal.js';

describe('AttemptSignal', () => {
  it('runs each abort listener once, in order, and stays aborted', () => {
    const signal = new AttemptSignal();
    const seen: string[] = [];
    signal.addEventListener('abort', () => seen.push('a'), { once: true });
    signal.addEventListener('abort', () => seen.push('b'));
    expect(signal.aborted).toBe(false);
    signal.abort();
    signal.abort();
    expect(seen).toEqual(['a', 'b']);
    expect(signal.aborted).toBe(true);
    expect(signal.reason).toBeUndefined();
  });

  it('does not run a removed listener, nor one added after the abort', () => {
    const signal = new AttemptSignal();
    const removed = vi.fn();
    signal.addEventListener('abort', removed);
    signal.removeEventListener('abort', removed);
    signal.abort();
    const late = vi.fn();
    signal.addEventListener('abort', late);
    expect(removed).not.toHaveBeenCalled();
    expect(late).not.toHaveBeenCalled();
  });

  it('ignores events other than abort', () => {
    const signal = new AttemptSignal();
    const other = vi.fn();
    signal.addEventListener('close', other);
    signal.abort();
    expect(other).not.toHaveBeenCalled();
  });

  it('runs the remaining listeners when one throws, and reports the error asynchronously', async () => {
    const signal = new AttemptSignal();
    const after = vi.fn();
    const reported = new Promise<unknown>((resolve) => {
      const original = globalThis.queueMicrotask;
      vi.spyOn(globalThis, 'queueMicrotask').mockImplementationOnce((task) => {
        original(() => {
          try {
            task();
          } catch (error) {
            resolve(error);
          }
        });
      });
    });
    signal.addEventListener('abort', () => {
      throw new Error('listener failed');
    });
    signal.addEventListener('abort', after);
    expect(() => signal.abort()).not.toThrow();
    expect(after).toHaveBeenCalledOnce();
    expect(await reported).toMatchObject({ message: 'listener failed' });
    vi.restoreAllMocks();
  });

  it('turns into a real AbortSignal that follows it, before or after the abort', () => {
    const before = new AttemptSignal();
    const real = toAbortSignal(before);
    expect(real).toBeInstanceOf(AbortSignal);
    expect(toAbortSignal(before)).toBe(real);
    expect(real.aborted).toBe(false);
    before.abort();
    expect(real.aborted).toBe(true);

    const after = new AttemptSignal();
    after.abort();
    expect(toAbortSignal(after).aborted).toBe(true);
  });

  it('passes a real AbortSignal through unchanged', () => {
    const signal = new AbortController().signal;
    expect(toAbortSignal(signal)).toBe(signal);
  });
});
