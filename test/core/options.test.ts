import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/core/errors.js';
import { copyOptions } from '../../src/core/options.js';

function refusal(options: unknown): ValidationError {
  try {
    copyOptions(options);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error('expected a ValidationError');
}

describe('copyOptions names the option an unknown one is a typo of', () => {
  it.each([
    ['timeout_ms', 'timeoutMs'],
    ['TimeoutMS', 'timeoutMs'],
    ['max_retrys', 'maxRetries'],
    ['idempotency_key', 'idempotencyKey'],
    ['extraBdy', 'extraBody'],
    ['header', 'headers'],
  ])('%s → %s', (typo, known) => {
    const error = refusal({ [typo]: 1 });
    expect(error).toMatchObject({ field: `options.${typo}`, rule: 'unknown_field' });
    expect(error.message).toBe(
      `options.${typo} is not an option of this call; did you mean options.${known}?`,
    );
    expect(error.hint).toBe(`Rename options.${typo} to options.${known}.`);
  });

  it('lists every option, extraBody included, for a name close to none', () => {
    const error = refusal({ retryUnknownOutcomes: true });
    expect(error.message).not.toContain('did you mean');
    expect(error.hint).toContain('extraBody');
    expect(refusal('x').hint).toContain('extraBody');
  });
});
