import { createSandbox } from 'bfinance-cards/testing';

// An in-process sandbox: no token, no network. Against your account: new CardsClient() (reads BFINANCE_API_TOKEN).
const sandbox = createSandbox();
const client = sandbox.client(); // a CardsClient
const typeId = sandbox.cardTypeIds.standalone;

const programs = await client.cards.types();
console.log('programs:', programs.map((p) => `${p.name} (${p.cardCurrency})`).join(', '));

const card = await client.cards.issue({
  model: 'card',
  typeId,
  initialBalance: 25,
  firstName: 'Ada',
  lastName: 'Lovelace',
});
// The PAN prints masked; card.sensitive.number.reveal() is the only way to the digits.
console.log(
  `issued ${card.id}: ${card.sensitive.number}, balance ${card.balance?.value.toFixed(2)} ${card.balance?.currency}`,
);

const details = await client.cards.retrieve(card);
console.log(`status ${details.status}, last4 ${details.last4}`);
