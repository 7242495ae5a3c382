import { WeakPinError } from 'bfinance-cards';
import { connect } from './connect.js';

const { client, typeId, close } = await connect({ pinPolicy: 'recommended' });
const card = await client.cards.issue({
  model: 'card',
  typeId,
  initialBalance: 10,
  firstName: 'Ada',
  lastName: 'Lovelace',
});

// Check a PIN as the cardholder types it: local, nothing is sent.
const verdict = client.pins.check('1234');
if (!verdict.ok) console.log(`refused locally (${verdict.rule}): ${verdict.message}`);

try {
  await client.pins.set(card, '1111');
} catch (error) {
  if (error instanceof WeakPinError) console.log(`pins.set refused before sending: ${error.rule}`);
  else throw error;
}

// The cardholder chooses the PIN; the SDK never generates one.
const chosenByCardholder = '5824';
const result = await client.pins.set(card, chosenByCardholder);
console.log(`PIN set: ${result.message}`);

await close();
