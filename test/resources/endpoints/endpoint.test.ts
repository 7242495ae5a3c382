import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/core/errors.js';
import { path } from '../../../src/core/path.js';
import { actionResult } from '../../../src/core/schema.js';
import { type Endpoint, withExtraBody } from '../../../src/resources/endpoints/endpoint.js';

const post: Endpoint<unknown> = {
  operation: 'x.post',
  method: 'POST',
  path: path`/x`,
  body: { amount: 5 },
  bodyFields: ['amount', 'note'],
  schema: actionResult(),
  retry: 'must-not-repeat',
};

describe('withExtraBody', () => {
  it('passes spec and options through untouched without extraBody', () => {
    const options = { timeoutMs: 5 };
    const [spec, rest] = withExtraBody(post, options);
    expect(spec).toBe(post);
    expect(rest).toBe(options);
    expect(withExtraBody(post, undefined)[1]).toBeUndefined();
  });

  it('merges any unknown fields and takes the option off what the transport sees', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.string({ minLength: 1 }).filter((k) => !['amount', 'note', '__proto__'].includes(k)),
          fc.jsonValue(),
        ),
        (extra) => {
          const [spec, rest] = withExtraBody(post, { extraBody: extra, maxRetries: 1 });
          expect(spec.body).toEqual({ amount: 5, ...extra });
          expect(rest).toEqual({ maxRetries: 1 });
          expect(post.body).toEqual({ amount: 5 });
        },
      ),
    );
  });

  it('refuses owned fields, sent or not, and bodies on GET', () => {
    for (const key of ['amount', 'note']) {
      expect(() => withExtraBody(post, { extraBody: { [key]: 1 } })).toThrow(ValidationError);
    }
    const get: Endpoint<unknown> = { ...post, method: 'GET', body: undefined };
    expect(() => withExtraBody(get, { extraBody: {} })).toThrow(/sends no body/);
    expect(() => withExtraBody(post, { extraBody: new Map() as never })).toThrow(/plain object/);
    expect(withExtraBody(get, { extraBody: undefined as never })[1]).toEqual({});
  });
});
