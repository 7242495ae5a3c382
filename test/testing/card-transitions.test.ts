import { createSandbox, SANDBOX_FAULT_KINDS, type SandboxCardStatus } from 'bfinance-cards/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CARD_TRANSITIONS,
  type CardAction,
  isRefusal,
  transition,
} from '../../src/testing/card-transitions.js';
import { SandboxApiError } from '../../src/testing/errors.js';
import { FAULT_TABLE } from '../../src/testing/fault-table.js';
import { FaultQueue } from '../../src/testing/faults.js';
import type { CardRecord } from '../../src/testing/records.js';
import { localSandbox } from './support.js';

const STATUSES: SandboxCardStatus[] = ['active', 'frozen', 'blocked', 'expired', 'deleted'];
const ACTIONS = Object.keys(CARD_TRANSITIONS) as CardAction[];

describe('the card-transition table', () => {
  it('decides every status change: a random sequence of actions ends where the table says', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STATUSES),
        fc.array(fc.constantFrom(...ACTIONS), { maxLength: 12 }),
        (from, actions) => {
          const card = { status: from } as CardRecord;
          let expected: SandboxCardStatus = from;
          for (const action of actions) {
            const cell = CARD_TRANSITIONS[action][expected];
            let thrown: unknown;
            try {
              transition(card, action);
            } catch (error) {
              thrown = error;
            }
            if (isRefusal(cell)) {
              expect(thrown).toBeInstanceOf(SandboxApiError);
              expect((thrown as SandboxApiError).soft).toBe(cell.answer === 'soft');
            } else {
              expect(thrown).toBeUndefined();
              expected = cell;
            }
            expect(card.status).toBe(expected);
          }
        },
      ),
    );
  });

  it('never brings a deleted card back', () => {
    for (const action of ACTIONS) expect(isRefusal(CARD_TRANSITIONS[action].deleted)).toBe(true);
  });

  it('soft refusals answer HTTP 200 with an error envelope when quirks are on, 400 when off', async () => {
    for (const quirks of [true, false]) {
      const { sandbox, call } = localSandbox({ quirks });
      const issued = await call('POST', '/cards/issue', {
        typeId: sandbox.cardTypeIds.standalone,
        initialBalance: 0,
        firstName: 'Ada',
        lastName: 'Lovelace',
      });
      const id = issued.body.data.card?.id ?? issued.body.data.id;
      const refused = await call('POST', `/cards/${id}/unfreeze`);
      expect(CARD_TRANSITIONS.unfreeze.active).toMatchObject({ answer: 'soft' });
      expect([refused.status, refused.body.status]).toEqual([quirks ? 200 : 400, 'error']);
    }
  });
});

describe('the fault table', () => {
  it('is the one list of fault kinds: the exported kinds and the queue both come from it', () => {
    expect([...SANDBOX_FAULT_KINDS]).toEqual(Object.keys(FAULT_TABLE));
    const queue = new FaultQueue();
    for (const kind of SANDBOX_FAULT_KINDS) queue.add(kind);
    expect(queue.pending).toBe(SANDBOX_FAULT_KINDS.length);
    fc.assert(
      fc.property(fc.string(), (kind) => {
        fc.pre(!(SANDBOX_FAULT_KINDS as readonly string[]).includes(kind));
        expect(() => queue.add(kind as never)).toThrow(RangeError);
      }),
    );
  });

  it('leaves the state alone for "before" faults and applies the request for "after" ones', async () => {
    for (const kind of SANDBOX_FAULT_KINDS) {
      const sandbox = createSandbox({ seed: 1 });
      const client = sandbox.client({ maxRetries: 0, timeoutMs: 200 });
      sandbox.faults.next(kind, { ms: 1 });
      await client.customers
        .create({ type: 'individual', firstName: 'Ada', lastName: 'Lovelace' })
        .catch(() => undefined);
      const applied = sandbox.state().customers.length === 1;
      expect(applied, kind).toBe(FAULT_TABLE[kind].stage !== 'before');
    }
  });
});
