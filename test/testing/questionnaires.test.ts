import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../src/testing/index.js';

// The sandbox answers questionnaires in the documented shape, so the SDK's own reader works
// against it end to end: list, retrieve (data.questionnaire) and submit ([{ id, answer }]).
describe('sandbox questionnaires through the SDK', () => {
  it('lists, retrieves and submits, and the submitted questionnaire reads completed', async () => {
    const sandbox = createSandbox({ seed: 7 });
    const client = sandbox.client();
    const customer = await client.customers.create({
      type: 'individual',
      firstName: 'Ada',
      lastName: 'Lovelace',
    });
    const [first] = await client.customers.questionnaires.list(customer.id);
    expect(first).toBeDefined();
    const form = await client.customers.questionnaires.retrieve(customer.id, first?.id ?? '');
    expect(form.id).toBe(first?.id);
    expect(form.questionnaire?.map((q) => q.id)).toEqual(['occupation', 'sourceOfFunds', 'monthlyVolume']);
    await client.customers.questionnaires.submit(customer.id, form.id, [
      { id: 'occupation', answer: 'Engineer' },
      { id: 'sourceOfFunds', answer: 'salary' },
    ]);
    const after = await client.customers.questionnaires.retrieve(customer.id, form.id);
    expect(after.completed).toBe(true);
    expect(typeof after.completedAt).toBe('string');
  });
});
