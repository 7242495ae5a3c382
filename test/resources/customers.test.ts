import { delay, HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  BadRequestError,
  NotFoundError,
  RequestAbortedError,
  ResponseValidationError,
  TimeoutError,
  ValidationError,
} from '../../src/core/errors.js';
import type { CreateCustomerParams } from '../../src/index.js';
import { CustomerNotVerifiedError } from '../../src/resources/domain-errors.js';
import { server } from '../helpers/msw.js';
import {
  BASE,
  failure,
  forbidRequests,
  onRequest,
  success,
  testClient,
  UUID,
  validationCause,
} from '../helpers/wire.js';

const ODD_ID = 'cus/1 2';
const ODD_ID_WIRE = 'cus%2F1%202';

// The create response as the newest official JS client types it.
const created = {
  id: '65f1c2a0e1234567890abc01',
  type: 'individual',
  status: 'pending',
  individualData: {
    level: 'basic',
    firstName: 'Ada',
    lastName: 'Lovelace',
    nationality: 'GBR',
    birthDate: '1990-12-10',
    phone: '+447700900123',
    email: 'ada@example.com',
  },
  sumsub: { url: 'https://in.sumsub.com/websdk/p/abc' },
};

// The retrieve response as the official clients type it, with the older address key names.
const retrieved = {
  id: '65f1c2a0e1234567890abc01',
  type: 'individual',
  status: 'active',
  individualData: {
    firstName: 'Ada',
    lastName: 'Lovelace',
    birthDate: '1990-12-10',
    nationality: 'GBR',
    nationalId: 'AB123456C',
    address: { line1: '1 Main St', city: 'London', state: 'LDN', country: 'GBR', zipCode: 'N1 9GU' },
    email: 'ada@example.com',
    phone: '+447700900123',
  },
  featuresAccess: [
    {
      id: 'fa1',
      type: 'cards',
      cardType: '603e12345e1234567890abcd',
      status: 'granted',
      rejectionReasons: [],
    },
    { id: 'fa2', type: 'virtual-account', status: 'requested', rejectionReasons: [] },
  ],
  sumsub: { url: 'https://in.sumsub.com/websdk/p/abc' },
};

describe('customers.create', () => {
  it('posts the params as given with a generated idempotency key and parses the documented answer', async () => {
    const seen = onRequest('post', '/customers', success(created));
    const params: CreateCustomerParams = {
      type: 'individual',
      level: 'basic',
      firstName: 'Ada',
      lastName: 'Lovelace',
      birthDate: '1990-12-10',
      nationality: 'GBR',
      address: { line1: '1 Main St', city: 'London', state: 'LDN', countryCode: 'GBR', postalCode: 'N1 9GU' },
      email: 'ada@example.com',
      phone: '+447700900123',
      identityDocuments: {
        type: 'passport',
        issuingCountry: 'GBR',
        imageFront: 'aW1n',
        contentType: 'image/jpeg',
      },
    };
    await expect(testClient().customers.create(params)).resolves.toEqual(created);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.path).toBe('/customers');
    expect(seen[0]?.body).toEqual(params);
    expect(seen[0]?.headers['idempotency-key']).toMatch(UUID);
  });

  it("sends the caller's idempotency key", async () => {
    const seen = onRequest('post', '/customers', success(created));
    await testClient().customers.create({ type: 'business' }, { idempotencyKey: 'cust-7' });
    expect(seen[0]?.body).toEqual({ type: 'business' });
    expect(seen[0]?.headers['idempotency-key']).toBe('cust-7');
  });

  it('rejects an answer without status as an unknown outcome naming the field', async () => {
    const { status: _status, ...rest } = created;
    onRequest('post', '/customers', success(rest));
    const error = await failure(testClient().customers.create({ type: 'individual' }));
    expect(validationCause(error).issues).toContainEqual({ path: 'status', code: 'invalid_type' });
  });

  it('maps a 400 to BadRequestError with the errorId', async () => {
    onRequest('post', '/customers', { status: 'error', message: 'Invalid birthDate', errorId: 'e-c1' }, 400);
    const error = await failure(testClient().customers.create({ type: 'individual' }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ status: 400, errorId: 'e-c1', operation: 'customers.create' });
  });

  it.each([[{}], [{ type: 'person' }], [undefined]])(
    'refuses a missing or unknown type before sending (%j)',
    async (params) => {
      const seen = forbidRequests();
      const error = await failure(testClient().customers.create(params as unknown as CreateCustomerParams));
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ field: 'type', rule: 'enum' });
      expect(seen).toHaveLength(0);
    },
  );
});

describe('customers.retrieve', () => {
  it('gets the encoded id without a key and parses the documented answer, unknown keys dropped', async () => {
    const seen = onRequest('get', '/customers/:id', success({ ...retrieved, internalScore: 7 }));
    await expect(testClient().customers.retrieve(ODD_ID)).resolves.toEqual(retrieved);
    expect(seen[0]?.method).toBe('GET');
    expect(seen[0]?.path).toBe(`/customers/${ODD_ID_WIRE}`);
    expect(seen[0]?.query).toEqual({});
    expect(seen[0]?.body).toBeUndefined();
    expect(seen[0]?.headers['idempotency-key']).toBeUndefined();
  });

  it('keeps unknown statuses and nulls in personal data', async () => {
    const data = {
      id: 'c1',
      type: 'business',
      status: 'frozen_by_compliance',
      individualData: { email: null },
    };
    onRequest('get', '/customers/:id', success(data));
    await expect(testClient().customers.retrieve('c1')).resolves.toEqual(data);
  });

  it.each([
    ['status', { ...retrieved, status: undefined }],
    [
      'featuresAccess.1.type',
      { ...retrieved, featuresAccess: [retrieved.featuresAccess[0], { id: 'x', status: 'requested' }] },
    ],
    ['id', { ...retrieved, id: undefined }],
  ])('names a missing %s', async (field, data) => {
    onRequest('get', '/customers/:id', success(data));
    const error = await failure(testClient().customers.retrieve('c1'));
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).issues).toContainEqual({ path: field, code: 'invalid_type' });
  });

  it('maps a 404 to NotFoundError', async () => {
    onRequest('get', '/customers/:id', { status: 'error', message: 'Customer not found' }, 404);
    const error = await failure(testClient().customers.retrieve('nope'));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, operation: 'customers.retrieve' });
  });

  it('refuses an empty id before sending', async () => {
    const seen = forbidRequests();
    await expect(testClient().customers.retrieve('')).rejects.toBeInstanceOf(ValidationError);
    expect(seen).toHaveLength(0);
  });
});

describe('customers.delete', () => {
  it('sends DELETE on the encoded id with a key and returns the message', async () => {
    const seen = onRequest('delete', '/customers/:id', { status: 'success', message: 'Customer deleted' });
    await expect(testClient().customers.delete(ODD_ID)).resolves.toEqual({ message: 'Customer deleted' });
    expect(seen[0]?.method).toBe('DELETE');
    expect(seen[0]?.path).toBe(`/customers/${ODD_ID_WIRE}`);
    expect(seen[0]?.body).toBeUndefined();
    expect(seen[0]?.headers['idempotency-key']).toMatch(UUID);
  });

  it('names a message of the wrong type', async () => {
    onRequest('delete', '/customers/:id', success({ message: 42 }));
    const error = await failure(testClient().customers.delete('c1'));
    expect(validationCause(error).issues).toContainEqual({ path: 'message', code: 'invalid_type' });
  });

  it('maps a 404 to NotFoundError', async () => {
    onRequest(
      'delete',
      '/customers/:id',
      { status: 'error', message: 'Customer not found', errorId: 'e4' },
      404,
    );
    const error = await failure(testClient().customers.delete('c1'));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ errorId: 'e4' });
  });
});

describe('customers.requestAccess', () => {
  const answer = { accessType: 'cards', customerId: ODD_ID, status: 'requested' };

  it('asks for card access with the card type and a key', async () => {
    const seen = onRequest('post', '/customers/:id/request', success(answer));
    await expect(
      testClient().customers.requestAccess(ODD_ID, {
        accessType: 'cards',
        cardType: '603e12345e1234567890abcd',
      }),
    ).resolves.toEqual(answer);
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.path).toBe(`/customers/${ODD_ID_WIRE}/request`);
    expect(seen[0]?.body).toEqual({ accessType: 'cards', cardType: '603e12345e1234567890abcd' });
    expect(seen[0]?.headers['idempotency-key']).toMatch(UUID);
  });

  it('asks for virtual-account access with accessType only', async () => {
    const seen = onRequest(
      'post',
      '/customers/:id/request',
      success({ ...answer, accessType: 'virtual-account' }),
    );
    const stray = { accessType: 'virtual-account', cardType: 'ignored' } as const;
    await expect(testClient().customers.requestAccess('c1', stray)).resolves.toMatchObject({
      accessType: 'virtual-account',
    });
    expect(seen[0]?.body).toEqual({ accessType: 'virtual-account' });
  });

  it('names a missing customerId', async () => {
    onRequest('post', '/customers/:id/request', success({ accessType: 'cards', status: 'requested' }));
    const error = await failure(
      testClient().customers.requestAccess('c1', { accessType: 'virtual-account' }),
    );
    expect(validationCause(error).issues).toContainEqual({ path: 'customerId', code: 'invalid_type' });
  });

  it('maps "not verified" inside HTTP 200 to CustomerNotVerifiedError', async () => {
    onRequest('post', '/customers/:id/request', {
      status: 'error',
      message: 'Customer is not verified',
      errorId: 'e5',
    });
    const error = await failure(
      testClient().customers.requestAccess('c1', { accessType: 'cards', cardType: 't1' }),
    );
    expect(error).toBeInstanceOf(CustomerNotVerifiedError);
    expect(error).toMatchObject({ status: 200, errorId: 'e5', operation: 'customers.requestAccess' });
  });

  it.each([
    [{ accessType: 'cards' }, 'cardType', 'required'],
    [{ accessType: 'cards', cardType: ' ' }, 'cardType', 'required'],
    [{ accessType: 'loans' }, 'accessType', 'enum'],
  ])('refuses %j before sending', async (params, field, rule) => {
    const seen = forbidRequests();
    const error = await failure(
      testClient().customers.requestAccess(
        'c1',
        params as Parameters<ReturnType<typeof testClient>['customers']['requestAccess']>[1],
      ),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field, rule });
    expect(seen).toHaveLength(0);
  });

  it('requires cardType for cards access in the types', () => {
    const client = testClient();
    // @ts-expect-error cards access names the card type
    const call = (): Promise<unknown> => client.customers.requestAccess('c1', { accessType: 'cards' });
    expect(typeof call).toBe('function');
  });
});

describe('customers.waitUntilVerified', () => {
  const withStatus = (status: string): unknown => success({ ...retrieved, status });

  it('polls pending, pending, active and resolves with the verified customer', async () => {
    const statuses = ['pending', 'pending', 'active'];
    const seen = onRequest('get', '/customers/:id', () => withStatus(statuses.shift() ?? 'active'));
    const customer = await testClient().customers.waitUntilVerified(ODD_ID, { intervalMs: 1 });
    expect(customer).toEqual(retrieved);
    expect(seen).toHaveLength(3);
    expect(seen.every((r) => r.path === `/customers/${ODD_ID_WIRE}` && r.method === 'GET')).toBe(true);
  });

  it('throws CustomerNotVerifiedError on rejected, naming the status and no personal data', async () => {
    const seen = onRequest('get', '/customers/:id', withStatus('rejected'));
    const error = await failure(testClient().customers.waitUntilVerified('c1', { intervalMs: 1 }));
    expect(error).toBeInstanceOf(CustomerNotVerifiedError);
    const typed = error as CustomerNotVerifiedError;
    expect(typed.status).toBe(200);
    expect(typed.operation).toBe('customers.waitUntilVerified');
    expect(typed.message).toContain('rejected');
    expect(typed.hint).toContain('client.customers.retrieve()');
    for (const personal of ['Ada', 'Lovelace', 'ada@example.com', '1990-12-10']) {
      expect(JSON.stringify(typed)).not.toContain(personal);
    }
    expect(seen).toHaveLength(1);
  });

  it('throws TimeoutError when the customer stays pending, and stops polling', async () => {
    const seen = onRequest('get', '/customers/:id', withStatus('needs_information'));
    const started = Date.now();
    const error = await failure(
      testClient().customers.waitUntilVerified('c1', { intervalMs: 10, timeoutMs: 60 }),
    );
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).message).toContain('needs_information');
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    const polls = seen.length;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen).toHaveLength(polls);
  });

  it('times out a poll still in flight at the deadline', async () => {
    server.use(
      http.get(`${BASE}/customers/:id`, async () => {
        await delay(5_000);
        return HttpResponse.json(withStatus('active') as never);
      }),
    );
    const started = Date.now();
    const error = await failure(testClient().customers.waitUntilVerified('c1', { timeoutMs: 50 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('honours the signal between polls', async () => {
    const controller = new AbortController();
    const seen = onRequest('get', '/customers/:id', () => {
      setTimeout(() => controller.abort(), 5);
      return withStatus('pending');
    });
    const error = await failure(
      testClient().customers.waitUntilVerified('c1', { intervalMs: 10_000, signal: controller.signal }),
    );
    expect(error).toBeInstanceOf(RequestAbortedError);
    expect(error).toMatchObject({ operation: 'customers.waitUntilVerified' });
    expect(seen).toHaveLength(1);
  });

  it('sends nothing when the signal has already fired', async () => {
    const seen = forbidRequests();
    const error = await failure(
      testClient().customers.waitUntilVerified('c1', {}, { signal: AbortSignal.abort() }),
    );
    expect(error).toBeInstanceOf(RequestAbortedError);
    expect(seen).toHaveLength(0);
  });

  it.each([
    [{ intervalMs: -1 }, 'intervalMs'],
    [{ timeoutMs: Number.NaN }, 'timeoutMs'],
    [{ timeoutMs: 2 ** 31 }, 'timeoutMs'],
  ])('refuses %j before sending', async (wait, field) => {
    const seen = forbidRequests();
    const error = await failure(testClient().customers.waitUntilVerified('c1', wait));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field });
    expect(seen).toHaveLength(0);
  });
});

describe('customers.questionnaires', () => {
  const list = [
    { id: 'q/1', name: 'Source of funds', completed: false },
    { id: 'q2', name: 'Expected card usage', completed: true },
  ];

  it('lists questionnaires wrapped or bare, keeping every field', async () => {
    const seen = onRequest('get', '/customers/:id/questionnaires', success({ questionnaires: list }));
    await expect(testClient().customers.questionnaires.list(ODD_ID)).resolves.toEqual(list);
    expect(seen[0]?.path).toBe(`/customers/${ODD_ID_WIRE}/questionnaires`);
    expect(seen[0]?.headers['idempotency-key']).toBeUndefined();
    onRequest('get', '/customers/:id/questionnaires', success(list));
    await expect(testClient().customers.questionnaires.list('c1')).resolves.toEqual(list);
  });

  it('names a questionnaire without id', async () => {
    onRequest('get', '/customers/:id/questionnaires', success({ questionnaires: [{ name: 'x' }] }));
    const error = await failure(testClient().customers.questionnaires.list('c1'));
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).issues).toContainEqual({ path: '0.id', code: 'invalid_type' });
  });

  it('retrieves one questionnaire by encoded ids, from data.questionnaire', async () => {
    const form = {
      id: 'q/1',
      name: 'Source of funds',
      completed: false,
      completedAt: null,
      questionnaire: [
        {
          id: 'occupation',
          question: 'What is your occupation?',
          type: 'text',
          required: true,
          placeholder: 'Engineer',
          options: [],
        },
      ],
    };
    const seen = onRequest('get', '/customers/:id/questionnaires/:qid', success({ questionnaire: form }));
    await expect(testClient().customers.questionnaires.retrieve(ODD_ID, 'q/1')).resolves.toEqual(form);
    expect(seen[0]?.path).toBe(`/customers/${ODD_ID_WIRE}/questionnaires/q%2F1`);
    expect(seen[0]?.headers['idempotency-key']).toBeUndefined();
  });

  it('names a missing id on retrieve and maps a 404', async () => {
    onRequest('get', '/customers/:id/questionnaires/:qid', success({ questionnaire: { name: 'x' } }));
    const error = await failure(testClient().customers.questionnaires.retrieve('c1', 'q1'));
    expect((error as ResponseValidationError).issues).toContainEqual({
      path: 'questionnaire.id',
      code: 'invalid_type',
    });
    onRequest('get', '/customers/:id/questionnaires/:qid', { status: 'error', message: 'Not found' }, 404);
    await expect(testClient().customers.questionnaires.retrieve('c1', 'q1')).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('submits the answers as { answers } and returns what the API says', async () => {
    const seen = onRequest(
      'post',
      '/customers/:id/questionnaires/:qid/submit',
      success({ id: 'q/1', completed: true }),
    );
    const answers = { occupation: 'Engineer', sourceOfFunds: 'salary' };
    await expect(testClient().customers.questionnaires.submit(ODD_ID, 'q/1', answers)).resolves.toEqual({
      id: 'q/1',
      completed: true,
    });
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.path).toBe(`/customers/${ODD_ID_WIRE}/questionnaires/q%2F1/submit`);
    // The official client's wire form: a list of { id, answer }.
    const list = [
      { id: 'occupation', answer: 'Engineer' },
      { id: 'sourceOfFunds', answer: 'salary' },
    ];
    expect(seen[0]?.body).toEqual({ answers: list });
    await testClient().customers.questionnaires.submit(ODD_ID, 'q/1', list);
    expect(seen[1]?.body).toEqual({ answers: list });
    // Re-submitting converges: no key unless the caller sends one.
    expect(seen[0]?.headers['idempotency-key']).toBeUndefined();
  });

  it('rejects a submit answer that is not an object, and maps a 400', async () => {
    onRequest('post', '/customers/:id/questionnaires/:qid/submit', success('done'));
    const error = await failure(testClient().customers.questionnaires.submit('c1', 'q1', { a: 1 }));
    expect((error as ResponseValidationError).issues).toContainEqual({ path: '', code: 'invalid_type' });
    onRequest(
      'post',
      '/customers/:id/questionnaires/:qid/submit',
      { status: 'error', message: 'Answers required' },
      400,
    );
    await expect(testClient().customers.questionnaires.submit('c1', 'q1', { a: 1 })).rejects.toBeInstanceOf(
      BadRequestError,
    );
  });

  it('refuses answers that are not an object before sending', async () => {
    const seen = forbidRequests();
    const error = await failure(testClient().customers.questionnaires.submit('c1', 'q1', 'x' as never));
    expect(error).toMatchObject({ name: 'ValidationError', field: 'answers' });
    expect(seen).toHaveLength(0);
  });
});
