import { BadRequestError, ValidationError } from 'bfinance-cards';
import { SANDBOX_MESSAGES as M } from 'bfinance-cards/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCustomer, localSandbox } from './support.js';

const STRICT_OK = { externalId: 'emp-1', firstName: 'Ada', lastName: 'Lovelace', initialBalance: 10 };

describe('strictIssuance: the API reference page reading of POST /cards/issue', () => {
  it('requires externalId, firstName and lastName, even with a customerId', async () => {
    const { sandbox, call } = localSandbox({ strictIssuance: true });
    const typeId = sandbox.cardTypeIds.standalone;
    const customerId = await createCustomer(call);
    const noExternal = await call('POST', '/cards/issue', { ...STRICT_OK, typeId, externalId: undefined });
    expect([noExternal.status, noExternal.body.message]).toEqual([400, M.EXTERNAL_ID_REQUIRED]);
    const customerOnly = await call('POST', '/cards/issue', {
      typeId,
      customerId,
      externalId: 'x',
      initialBalance: 1,
    });
    expect([customerOnly.status, customerOnly.body.message]).toEqual([400, M.NAMES_REQUIRED]);
    const ok = await call('POST', '/cards/issue', { ...STRICT_OK, typeId });
    expect(ok.status).toBe(200);
  });

  it('refuses every initialBalance with decimals and accepts every integer one', async () => {
    const { sandbox, call } = localSandbox({ strictIssuance: true, organizationBalance: { usd: 1e9 } });
    const typeId = sandbox.cardTypeIds.standalone;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 1, max: 99 }),
        async (units, cents) => {
          const withDecimals = await call('POST', '/cards/issue', {
            ...STRICT_OK,
            typeId,
            initialBalance: units + cents / 100,
          });
          expect([withDecimals.status, withDecimals.body.message]).toEqual([400, M.INITIAL_BALANCE_INTEGER]);
          const whole = await call('POST', '/cards/issue', { ...STRICT_OK, typeId, initialBalance: units });
          expect(whole.status).toBe(200);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('keeps the guide rule by default: a customerId instead of names, two decimals', async () => {
    const { sandbox, call } = localSandbox();
    const customerId = await createCustomer(call);
    const res = await call('POST', '/cards/issue', {
      typeId: sandbox.cardTypeIds.standalone,
      customerId,
      initialBalance: 10.5,
    });
    expect(res.status).toBe(200);
  });

  it('reaches an SDK client as a BadRequestError, while the SDK itself accepts the guide reading', async () => {
    const { sandbox } = localSandbox({ strictIssuance: true });
    const client = sandbox.client();
    const params = {
      model: 'card' as const,
      typeId: sandbox.cardTypeIds.standalone,
      initialBalance: 10.5,
      firstName: 'Ada',
      lastName: 'Lovelace',
    };
    const error = await client.cards.issue(params).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).not.toBeInstanceOf(ValidationError);
    expect(sandbox.state().cards).toEqual([]);
  });
});
