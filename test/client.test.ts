import { describe, expect, it } from 'vitest';
import { CardsClient } from '../src/client.js';
import { ValidationError } from '../src/core/errors.js';
import { failure, forbidRequests } from './helpers/wire.js';

function refusal(options: unknown): ValidationError {
  try {
    new CardsClient(options as never);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error('expected a ValidationError');
}

describe('CardsClient options', () => {
  it.each([
    ['baseURL', 'baseUrl'],
    ['api_token', 'apiToken'],
    ['loglevel', 'logLevel'],
    ['maxRetires', 'maxRetries'],
  ])('names the option %s is a typo of (%s)', (typo, known) => {
    const error = refusal({ apiToken: 't', [typo]: 'x' });
    expect(error).toMatchObject({ field: typo, rule: 'unknown_field' });
    expect(error.message).toBe(`${typo} is not a CardsClient option; did you mean ${known}?`);
    expect(error.hint).toBe(`Rename ${typo} to ${known}.`);
  });

  it('lists the options for a name close to none', () => {
    const error = refusal({ apiToken: 't', onRequest: () => {} });
    expect(error.message).toBe('onRequest is not a CardsClient option.');
    expect(error.hint).toContain('retryUnknownOutcomes');
  });
});

describe('an apiToken pasted with its Bearer prefix', () => {
  const TOKEN = 'tok_Kq83hfA0zPq71LmX';

  it('is refused at construction, saying to drop the prefix, without the token', () => {
    const error = refusal({ apiToken: `Bearer ${TOKEN}` });
    expect(error.rule).toBe('bearer_prefix');
    expect(error.message).toContain('pass the token without the Bearer prefix');
    expect(JSON.stringify({ ...error, message: error.message, hint: error.hint })).not.toContain(TOKEN);
  });

  it('is refused before sending when a token function returns it', async () => {
    const seen = forbidRequests();
    const client = new CardsClient({ apiToken: () => `Bearer ${TOKEN}`, maxRetries: 0 });
    const error = await failure(client.funds.balance());
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).rule).toBe('bearer_prefix');
    expect(String(error)).not.toContain(TOKEN);
    expect(seen).toHaveLength(0);
  });
});
