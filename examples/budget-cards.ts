import { connect } from './connect.js';

const { client, budgetTypeId, budgetId, bfinance, close } = await connect();

// Budget cards spend from a budget: fund the budget, never the card.
await client.funds.topUpBudget(budgetId, { amount: 250 });
const card = await client.cards.issue({
  model: 'budget',
  typeId: budgetTypeId,
  budgetId,
  firstName: 'Grace',
  lastName: 'Hopper',
  label: 'Conference travel',
});
console.log(`budget card ${card.id} (${card.status}), PAN ${card.sensitive.number}`);

await client.cards.velocity.set(card, { type: 'MONTH', amount: 2000 });
await bfinance?.charge(card.id, { amount: 42.5, merchant: 'Airline' });

for await (const tx of client.funds.budgetTransactions(budgetId, { limit: 50 })) {
  // A top-up of the budget itself is listed too, with no card.
  const via = tx.card ? `card ${tx.card.maskedCardNumber}` : 'the budget';
  console.log(
    `${tx.transactionDate} ${tx.type} ${tx.merchant ?? '-'} ${tx.amount} ${tx.currency} via ${via}`,
  );
}

await close();
