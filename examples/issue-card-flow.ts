// The whole issuance flow, start to finish. `npm run demo` runs it against a local sandbox.
import { CardsClient, WeakPinError } from 'bfinance-cards';
import { connect } from './connect.js';

const { apiToken, baseUrl, sandbox, budgetTypeId, budgetId, close } = await connect();
const client = new CardsClient({ apiToken, baseUrl });
const step = (text: string): void => console.log(`• ${text}`);
const start = await client.funds.balance();
step(`organization balance: ${start.usd.toFixed(2)} USD, ${start.eur.toFixed(2)} EUR`);

const customer = await client.customers.create({
  type: 'individual',
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.com',
});
step(`customer ${customer.id} created (${customer.status}); verification link sent to the cardholder`);
if (sandbox) setTimeout(() => sandbox.customers.verify(customer.id), 300); // bfinance's KYC decision
await client.customers.waitUntilVerified(customer.id, { intervalMs: 100, timeoutMs: 10_000 });
step('customer verified');

const programs = await client.cards.types();
const program = programs.find(
  (p) => p.id === (sandbox?.cardTypeIds.verified ?? process.env.BFINANCE_TYPE_ID),
);
if (!program) throw new Error('set BFINANCE_TYPE_ID to a program of your account');
step(`programs: ${programs.map((p) => p.name).join(' | ')}; using "${program.name}"`);
await client.customers.requestAccess(customer.id, { accessType: 'cards', cardType: program.id });
sandbox?.access.grant(customer.id, 'cards', program.id); // bfinance's review
step('card access requested and granted');

const card = await client.cards.issue({
  model: 'card',
  typeId: program.id,
  customerId: customer.id,
  initialBalance: 100,
  label: 'Travel',
});
step(`standalone card ${card.id} issued: ${card.cardNumber}, balance ${card.cardBalance} ${card.currency}`);
const budgetCard = await client.cards.issue({
  model: 'budget',
  typeId: budgetTypeId,
  budgetId,
  customerId: customer.id,
});
step(`budget card ${budgetCard.id} issued on budget ${budgetId}: ${budgetCard.sensitive.number}`);

try {
  await client.pins.set(card, '1234');
} catch (error) {
  if (!(error instanceof WeakPinError)) throw error;
  step(`PIN 1234 refused locally, rule ${error.rule} (nothing was sent)`);
}
await client.pins.set(card, '5824');
step('PIN chosen by the cardholder set');

await client.funds.topUp(card, { amount: '49.90', note: 'Conference' });
const details = await client.cards.retrieve(card);
step(
  `card ${details.id}: ${details.status}, PAN ${details.sensitive?.number}, balance ${details.balance?.value} ${details.balance?.currency}`,
);

await client.status.freeze(card);
step(`frozen: ${(await client.cards.retrieve(card)).status}`);
await client.status.unfreeze(card);
step(`unfrozen: ${(await client.cards.retrieve(card)).status}`);

sandbox?.transactions.add(card.id, { amount: 30, merchant: 'Hotel Example' });
const [charge] = (await client.cards.transactions(card)).data;
if (charge) {
  const dispute = await client.disputes.create({
    cardId: card.id,
    transactionId: charge.id,
    textEvidence: 'Booking cancelled within the free window; charged anyway.',
  });
  step(
    `dispute ${dispute.id} opened on a ${Math.abs(charge.amount ?? 0)} ${charge.currency} charge: ${dispute.status}`,
  );
}

const remaining = (await client.cards.retrieve(card)).balance?.value ?? 0;
await client.funds.withdraw(card, { amount: remaining });
step(`withdrew ${remaining.toFixed(2)}; card balance is now 0`);
await client.status.delete(card);
step(`card ${card.id} deleted`);

// Reconcile: the organization balance moved by exactly what this flow moved, in the card's currency.
const key = (card.currency ?? '').toLowerCase() === 'eur' ? 'eur' : 'usd';
const end = await client.funds.balance();
const expected = start[key] - 100 - 49.9 + remaining;
const ok = Math.abs(end[key] - expected) < 0.005;
step(
  `organization balance: ${end[key].toFixed(2)} ${card.currency}, expected ${expected.toFixed(2)}: ${ok ? 'reconciled' : 'MISMATCH'}`,
);
await close();
if (!ok) process.exitCode = 1;
