import { OutcomeUnknownError } from 'bfinance-cards';
import { connect } from './connect.js';

const { client, typeId, sandbox, budgetId, close } = await connect();
const card = await client.cards.issue({
  model: 'card',
  typeId,
  initialBalance: 10,
  firstName: 'Ada',
  lastName: 'Lovelace',
});

// Sandbox only: apply the next request, then drop the connection before the answer.
const loseAnswer = (path: string): void =>
  sandbox?.faults.next('reset-after-apply', { match: { method: 'POST', path } });

// Card top-ups and withdrawals: bfinance processes each once per Idempotency-Key, so after a lost
// answer the SDK re-sends the identical request with the same key itself, and the money moves once.
loseAnswer(`/cards/${card.id}/topup`);
await client.funds.topUp(card, { amount: '25.00', note: 'order 1001' });
console.log(`card balance: ${(await client.cards.retrieve(card)).balance?.value}`);

// Other calls are not de-duplicated (here a budget top-up): settle the outcome before anything else.
loseAnswer(`/budgets/${budgetId}/topup`);
const params = { amount: '40.00' };
try {
  await client.funds.topUpBudget(budgetId, params);
} catch (error) {
  if (!(error instanceof OutcomeUnknownError)) throw error;
  const { status, summary } = await error.reconcile();
  console.log(`${error.operation} ${error.idempotencyKey}: ${status}. ${summary}`);
  if (status === 'not-applied') await client.funds.topUpBudget(budgetId, params);
  else if (status === 'still-unknown') console.log(error.hint);
}

await close();
