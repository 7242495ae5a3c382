import { describe, expect, it } from 'vitest';
import { CardStateError, OutcomeUnknownError, type ResponseValidationError } from '../../src/index.js';
import { onRequest, testClient, UUID } from '../helpers/wire.js';

describe.each([
  ['freeze', 'post', 'Card has been frozen'],
  ['unfreeze', 'post', 'Card has been unfrozen'],
  ['delete', 'delete', 'Card has been deleted'],
] as const)('status.%s', (action, method, message) => {
  const call = (card: Parameters<ReturnType<typeof testClient>['status']['freeze']>[0]) =>
    testClient().status[action](card);

  it('routes by model, encodes the id and returns the message', async () => {
    const standalone = onRequest(method, `/cards/a%2Fb/${action}`, { status: 'success', message });
    const budget = onRequest(method, `/budget-cards/b1/${action}`, { status: 'success', message });
    await expect(call('a/b')).resolves.toEqual({ message });
    await expect(call({ id: 'b1', model: 'budget' })).resolves.toEqual({ message });
    expect(standalone[0]?.method).toBe(method.toUpperCase());
    expect(standalone[0]?.body).toBeUndefined();
    expect(budget).toHaveLength(1);
    // Delete is destructive and carries a key; freeze and unfreeze converge and need none.
    if (action === 'delete') expect(standalone[0]?.headers['idempotency-key']).toMatch(UUID);
    else expect(standalone[0]?.headers['idempotency-key']).toBeUndefined();
  });

  it('names a message of the wrong type', async () => {
    onRequest(method, `/cards/c1/${action}`, { status: 'success', data: { message: 1 } });
    const error = await call('c1').catch((e: unknown) => e);
    const validation = error instanceof OutcomeUnknownError ? error.cause : error;
    expect((validation as ResponseValidationError).issues).toContainEqual({
      path: 'message',
      code: 'invalid_type',
    });
  });

  it('maps a refusal inside HTTP 200 to CardStateError with the status kept', async () => {
    onRequest(method, `/cards/c1/${action}`, { status: 'error', message: 'Card is deleted', errorId: 'e9' });
    const error = await call('c1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CardStateError);
    expect(error).toMatchObject({ status: 200, errorId: 'e9', operation: `status.${action}` });
  });
});
