import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { API_ROUTES } from '../../src/testing/api-routes.js';
import type { BodyFieldType } from '../../src/testing/route.js';
import { errorBody, issueStandalone, localSandbox } from './support.js';

const EXPECTED: Readonly<Record<BodyFieldType, string>> = {
  string: 'a string',
  number: 'a number',
  object: 'an object',
  array: 'an array',
};

function isOfType(type: BodyFieldType, value: unknown): boolean {
  if (type === 'array') return Array.isArray(value);
  if (type === 'object') return typeof value === 'object' && value !== null && !Array.isArray(value);
  return typeof value === type;
}

const DECLARED = API_ROUTES.flatMap((route) =>
  Object.entries(route.fields ?? {}).map(([field, type]) => ({ route, field, type })),
);

describe('route body fields', () => {
  it('declares the fields of every route that reads a body, amounts as numbers', () => {
    const posts = API_ROUTES.filter((r) => r.method === 'POST');
    const withFields = posts.filter((r) => r.fields !== undefined).map((r) => r.path);
    // POSTs without a body: state changes addressed by the path alone.
    expect(posts.filter((r) => r.fields === undefined).map((r) => r.path)).toEqual([
      '/cards/:id/freeze',
      '/cards/:id/unfreeze',
      '/budget-cards/:id/freeze',
      '/budget-cards/:id/unfreeze',
      '/disputes/:id/cancel',
    ]);
    expect(withFields.length).toBeGreaterThan(15);
    for (const { field, type } of DECLARED)
      if (/amount|balance|limit/i.test(field)) expect([field, type]).toEqual([field, 'number']);
  });

  it('refuses a wrong JSON type for every declared field with 400 naming the field and the type, changing nothing', async () => {
    const { sandbox, call } = localSandbox();
    await issueStandalone(sandbox, call, 10);
    const before = JSON.stringify(sandbox.state());
    expect(DECLARED.length).toBeGreaterThan(40);
    for (const { route, field, type } of DECLARED) {
      const wrong = fc.jsonValue().filter((v) => v !== null && !isOfType(type, v));
      await fc.assert(
        fc.asyncProperty(wrong, async (value) => {
          const res = await call(route.method, route.path.replace(/:\w+/g, 'x'), { [field]: value });
          expect(res.status).toBe(400);
          expect(res.body).toEqual(errorBody(`${field} must be ${EXPECTED[type]}`));
        }),
        { numRuns: 10 },
      );
    }
    expect(JSON.stringify(sandbox.state())).toBe(before);
  });

  it('refuses an otherwise valid request that carries one wrong type: no card issued, no money moved', async () => {
    const { sandbox, call } = localSandbox();
    const cardId = await issueStandalone(sandbox, call, 10);
    const issue = await call('POST', '/cards/issue', {
      typeId: sandbox.cardTypeIds.standalone,
      initialBalance: 5,
      firstName: 'Ada',
      lastName: 'Lovelace',
      label: 7,
    });
    expect([issue.status, issue.body]).toEqual([400, errorBody('label must be a string')]);
    const topUp = await call('POST', `/cards/${cardId}/topup`, { amount: '5' });
    expect([topUp.status, topUp.body]).toEqual([400, errorBody('amount must be a number')]);
    expect(sandbox.state().cards.map((c) => c.balance)).toEqual([10]);
    // null is "absent": the handler's own refusal answers, as before.
    const none = await call('POST', `/cards/${cardId}/topup`, { amount: null });
    expect(none.body.message).toBe('amount must be a positive number');
  });
});
