import { OutcomeUnknownError } from 'bfinance-cards';
import { connect } from './connect.js';

const { client, typeId, sandbox, close } = await connect();
const card = await client.cards.issue({
  model: 'card',
  typeId,
  initialBalance: 10,
  firstName: 'Ada',
  lastName: 'Lovelace',
});

// Sandbox only: apply the next top-up, then drop the connection before the answer.
sandbox?.faults.next('reset-after-apply', { match: { method: 'POST', path: `/cards/${card.id}/topup` } });

// A note unique to this top-up lets reconcile() tell it apart from any other.
const params = { amount: '25.00', note: 'order 1001' };
try {
  await client.funds.topUp(card, params);
} catch (error) {
  if (!(error instanceof OutcomeUnknownError)) throw error;
  const { status, summary } = await error.reconcile();
  console.log(`${error.operation} ${error.idempotencyKey}: ${status}. ${summary}`);
  if (status === 'not-applied') {
    await client.funds.topUp(card, params, { idempotencyKey: error.idempotencyKey });
  } else if (status === 'still-unknown') {
    console.log(error.hint);
  }
}
console.log(`balance: ${(await client.cards.retrieve(card)).balance?.value}`);

await close();
