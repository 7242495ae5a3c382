import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/core/errors.js';
import { checkToken } from '../../src/core/headers.js';

function refusal(token: unknown): ValidationError {
  try {
    checkToken(token, 'cards.retrieve');
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error('expected a ValidationError');
}

describe('checkToken', () => {
  it('says to drop the Bearer prefix, whatever its case and spacing, and never shows the token', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('Bearer ', 'bearer ', 'BEARER  ', ' Bearer ', 'Bearer\t'),
        fc.stringMatching(/^[A-Za-z0-9._-]{12,40}$/),
        (prefix, token) => {
          const error = refusal(`${prefix}${token}`);
          expect(error).toMatchObject({ field: 'apiToken', rule: 'bearer_prefix' });
          expect(error.message).toContain('pass the token without the Bearer prefix');
          expect(error.hint).toContain('the SDK adds "Bearer " itself');
          expect(`${error.message} ${error.hint} ${JSON.stringify(error)}`).not.toContain(token);
        },
      ),
    );
  });

  it('takes a token that merely starts with the letters of "bearer"', () => {
    expect(checkToken('bearerish-token', 'op')).toBe('bearerish-token');
    expect(checkToken('Bearer_token', 'op')).toBe('Bearer_token');
  });

  it('keeps the header-value rule for other spaces', () => {
    expect(refusal('abc def').rule).toBe('header_value');
  });
});
