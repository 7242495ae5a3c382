import {
  InvalidCardTypeError,
  isCardsError,
  NotFoundError,
  OutcomeUnknownError,
  ValidationError,
} from 'bfinance-cards';
import { connect } from './connect.js';

const { client, typeId, close } = await connect();

async function attempt(label: string, call: () => Promise<unknown>): Promise<void> {
  try {
    await call();
    console.log(`${label}: ok`);
  } catch (error) {
    if (error instanceof ValidationError)
      console.log(`${label}: refused locally (${error.field}: ${error.rule})`);
    else if (error instanceof InvalidCardTypeError || error instanceof NotFoundError) {
      console.log(`${label}: ${error.name} (HTTP ${error.status}, errorId ${error.errorId}). ${error.hint}`);
    } else if (error instanceof OutcomeUnknownError) {
      // Settle it before anything else: error.reconcile() reads, error.resend() (top-ups, withdrawals) re-sends.
      console.log(`${label}: outcome unknown (idempotencyKey ${error.idempotencyKey}). ${error.hint}`);
    } else if (isCardsError(error)) console.log(`${label}: ${error.name}: ${error.hint}`);
    else throw error;
  }
}

await attempt('top-up of 0.5', () => client.funds.topUp('any-card', { amount: 0.5 }));
await attempt('unknown program', () =>
  client.cards.issue({
    model: 'card',
    typeId: 'no-such-program',
    initialBalance: 5,
    firstName: 'Ada',
    lastName: 'Lovelace',
  }),
);
await attempt('missing card', () => client.cards.retrieve('no-such-card'));
await attempt('good issue', () =>
  client.cards.issue(
    { model: 'card', typeId, initialBalance: 5, firstName: 'Ada', lastName: 'Lovelace' },
    { idempotencyKey: 'order-1001' },
  ),
);

await close();
