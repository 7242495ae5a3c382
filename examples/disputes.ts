import { DisputeStateError } from 'bfinance-cards';
import { connect } from './connect.js';

const { client, typeId, bfinance, close } = await connect();
const card = await client.cards.issue({
  model: 'card',
  typeId,
  initialBalance: 50,
  firstName: 'Ada',
  lastName: 'Lovelace',
});
await bfinance?.charge(card.id, { amount: 19.99, merchant: 'Streaming Co' });

const [charge] = (await client.cards.transactions(card)).data;
if (!charge) throw new Error('no transaction to dispute');

const dispute = await client.disputes.create({
  cardId: card.id,
  transactionId: charge, // the transaction object, or its id
  textEvidence: 'Charged twice for one subscription on the same day; the second charge is a duplicate.',
  files: ['https://example.com/evidence/receipt.pdf'],
});
console.log(`dispute ${dispute.id}: ${dispute.status}`);
console.log(`status now: ${(await client.disputes.status(dispute.id)).status}`);

await client.disputes.cancel(dispute.id);
try {
  await client.disputes.cancel(dispute.id);
} catch (error) {
  if (error instanceof DisputeStateError) console.log(`second cancel refused: ${error.hint}`);
  else throw error;
}

await close();
