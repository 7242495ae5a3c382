import { InsufficientFundsError, OutcomeUnknownError } from 'bfinance-cards';
import { connect } from './connect.js';

const { client, typeId, close } = await connect();
const card = await client.cards.issue({
  model: 'card',
  typeId,
  initialBalance: 10,
  firstName: 'Ada',
  lastName: 'Lovelace',
});

const before = await client.funds.balance();
console.log(`organization balance: ${before.usd} USD, ${before.eur} EUR`);

// Amounts are major units: numbers or decimal strings with at most 2 decimals (minimum top-up 1.01).
// The key belongs to your order: a retry of this order re-uses it, a new order gets a new one.
const order = { id: 'ord_20261201_0042', amount: '25.50' };
await client.funds.topUp(
  card,
  { amount: order.amount, note: `order ${order.id}` },
  { idempotencyKey: `topup-${order.id}` },
);
await client.funds.withdraw(card, { amount: 5 });
const { balance } = await client.cards.retrieve(card);
console.log(`card balance: ${balance?.value} ${balance?.currency}`);

try {
  await client.funds.withdraw(card, { amount: 1_000_000 });
} catch (error) {
  if (error instanceof InsufficientFundsError) console.log(`withdraw refused: ${error.hint}`);
  else if (error instanceof OutcomeUnknownError)
    console.log(`settle ${error.idempotencyKey} before retrying`);
  else throw error;
}

await close();
