import { describe, expect, it } from 'vitest';
import {
  CardStateError,
  type ResponseValidationError,
  ValidationError,
  WeakPinError,
} from '../../src/index.js';
import { forbidRequests, onRequest, testClient } from '../helpers/wire.js';

describe('pins.set', () => {
  it('posts the PIN to the model path after the local check passes', async () => {
    const standalone = onRequest('post', '/cards/c1/pin', { status: 'success', message: 'PIN has been set' });
    const budget = onRequest('post', '/budget-cards/b1/pin', {
      status: 'success',
      message: 'PIN has been set',
    });
    const client = testClient();
    await expect(client.pins.set('c1', '5824')).resolves.toEqual({ message: 'PIN has been set' });
    await client.pins.set({ id: 'b1', model: 'budget' }, '5824');
    expect(standalone[0]?.body).toEqual({ pin: '5824' });
    expect(budget).toHaveLength(1);
  });

  it('refuses a weak PIN locally with the rule, never echoing the digits', async () => {
    const seen = forbidRequests();
    const client = testClient();
    for (const [pin, rule] of [
      ['1234', 'PIN_SEQUENCE'],
      ['7777', 'PIN_REPEATED'],
      ['1984', 'PIN_YEAR'],
      ['12345', 'PIN_LENGTH'],
      ['12a4', 'PIN_FORMAT'],
    ] as const) {
      let error: unknown;
      try {
        await client.pins.set('c1', pin);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(WeakPinError);
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ rule, field: 'pin' });
      const text = `${(error as Error).message} ${JSON.stringify(error)} ${(error as WeakPinError).hint}`;
      expect(text).not.toContain(pin);
      // Whole sentences, not a rule's sentence glued after a colon ("refused: The PIN uses…").
      expect((error as Error).message).toMatch(/^The PIN [^:]*\. Nothing was sent\.$/);
    }
    expect(seen).toHaveLength(0);
  });

  it('applies the client pinPolicy', async () => {
    onRequest('post', '/cards/c1/pin', { status: 'success', message: 'PIN has been set' });
    const lenient = testClient({ pinPolicy: 'bfinance' });
    await expect(lenient.pins.set('c1', '1984')).resolves.toEqual({ message: 'PIN has been set' });
    const strict = testClient({ pinPolicy: 'strict' });
    await expect(Promise.resolve().then(() => strict.pins.set('c1', '1225'))).rejects.toMatchObject({
      rule: 'PIN_DATE',
    });
  });

  it('names a bad message type in the response', async () => {
    onRequest('post', '/cards/c1/pin', { status: 'success', data: { message: [] } });
    const error = await testClient()
      .pins.set('c1', '5824')
      .catch((e: unknown) => e);
    expect((error as ResponseValidationError).issues).toContainEqual({
      path: 'message',
      code: 'invalid_type',
    });
  });

  it('maps a server-side refusal in HTTP 200 to CardStateError', async () => {
    onRequest('post', '/cards/c1/pin', { status: 'error', message: 'Card is blocked' });
    await expect(testClient().pins.set('c1', '5824')).rejects.toBeInstanceOf(CardStateError);
  });
});

describe('pins.check', () => {
  it('is local and uses the given policy over the client one', () => {
    const seen = forbidRequests();
    const client = testClient({ pinPolicy: 'bfinance' });
    expect(client.pins.check('1984')).toEqual({ ok: true });
    expect(client.pins.check('1984', { policy: 'recommended' })).toMatchObject({
      ok: false,
      rule: 'PIN_YEAR',
    });
    expect(client.pins.check('583914', { policy: { preset: 'strict', length: 6 } })).toEqual({ ok: true });
    expect(seen).toHaveLength(0);
  });

  it('turns an invalid policy into a ValidationError, at construction too', () => {
    expect(() => testClient({ pinPolicy: { length: 3 } })).toThrow(ValidationError);
    expect(() => testClient().pins.check('5824', { policy: 'lenient' as never })).toThrow(ValidationError);
  });
});
