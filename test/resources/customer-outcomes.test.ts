import { describe, expect, it } from 'vitest';
import { CardsClient } from '../../src/client.js';
import { OutcomeUnknownError } from '../../src/core/errors.js';

// An access request whose answer was lost is settled by reading the customer's product access.
// A customer record without the list (the tolerant reader allows it) proves nothing either way.
function clientWith(customer: Record<string, unknown>): CardsClient {
  return new CardsClient({
    apiToken: 'tok_outcomes_0123456789',
    baseUrl: 'https://api.example.test/external/api',
    fetch: async (_url, init) =>
      init.method === 'POST'
        ? Response.json({ status: 'error', message: 'upstream failed' }, { status: 502 })
        : Response.json({ status: 'success', data: customer }),
  });
}

async function lostRequest(customer: Record<string, unknown>): Promise<OutcomeUnknownError> {
  const error = await clientWith(customer)
    .customers.requestAccess('cus_1', { accessType: 'cards', cardType: 'type_1' })
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(OutcomeUnknownError);
  return error as OutcomeUnknownError;
}

describe('customers.requestAccess reconcile()', () => {
  it('answers still-unknown when the customer record lists no product access at all', async () => {
    const error = await lostRequest({ id: 'cus_1', type: 'individual', status: 'active' });
    const answer = await error.reconcile({ settleMs: 0 });
    expect(answer.status).toBe('still-unknown');
    expect(answer.evidence.complete).toBe(false);
  });

  it('answers not-applied on a listed access without the request, applied with it', async () => {
    const none = await lostRequest({ id: 'cus_1', type: 'individual', status: 'active', featuresAccess: [] });
    expect((await none.reconcile({ settleMs: 0 })).status).toBe('not-applied');
    const granted = await lostRequest({
      id: 'cus_1',
      type: 'individual',
      status: 'active',
      featuresAccess: [{ id: 'fa_1', type: 'cards', cardType: 'type_1', status: 'requested' }],
    });
    expect((await granted.reconcile({ settleMs: 0 })).status).toBe('applied');
  });
});
