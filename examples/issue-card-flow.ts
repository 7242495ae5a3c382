// The whole issuance flow, start to finish. `npm run demo` runs it against an in-process sandbox;
// BFINANCE_SANDBOX_URL points it at a running bfinance-cards-sandbox (see examples/connect.ts).
import { WeakPinError } from 'bfinance-cards';
import { connect } from './connect.js';

const { client, bfinance, verifiedTypeId, budgetTypeId, budgetId, close } = await connect();
const step = (text: string): void => console.log(`• ${text}`);
const money = (value: number | null | undefined, currency: string | null | undefined): string =>
  `${(value ?? 0).toFixed(2)} ${(currency ?? '').toUpperCase()}`;
const start = await client.funds.balance();
step(`organization balance: ${money(start.usd, 'USD')}, ${money(start.eur, 'EUR')}`);

const customer = await client.customers.create({
  type: 'individual',
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.com',
});
step(`customer ${customer.id} created (${customer.status}); verification link sent to the cardholder`);
const kyc = bfinance?.verify(customer.id, 300); // bfinance's KYC decision, a moment later
await client.customers.waitUntilVerified(customer.id, { intervalMs: 100, timeoutMs: 10_000 });
await kyc;
step('customer verified');

const programs = await client.cards.types();
const program = programs.find((p) => p.id === (bfinance ? verifiedTypeId : process.env.BFINANCE_TYPE_ID));
if (!program) throw new Error('set BFINANCE_TYPE_ID to a program of your account');
step(`programs: ${programs.map((p) => p.name).join(' | ')}; using "${program.name}"`);
await client.customers.requestAccess(customer.id, { accessType: 'cards', cardType: program.id });
step('card access requested');
await bfinance?.grantAccess(customer.id, program.id); // bfinance's review
step('card access granted');

const card = await client.cards.issue({
  model: 'card',
  typeId: program.id,
  customerId: customer.id,
  initialBalance: 100,
  label: 'Travel',
});
step(
  `standalone card ${card.id} issued: ${card.sensitive.number}, balance ${money(card.balance?.value, card.currency)}`,
);
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
step('PIN set (one the cardholder chose)');

await client.funds.topUp(card, { amount: '49.90', note: 'Conference' });
step(`topped up ${money(49.9, card.currency)} (note "Conference")`);
const details = await client.cards.retrieve(card);
const balance = details.balance ? money(details.balance.value, details.balance.currency) : 'not shown';
step(`card ${details.id}: ${details.status}, PAN ${details.sensitive?.number}, balance ${balance}`);

await client.status.freeze(card);
const frozen = (await client.cards.retrieve(card)).status; // 'frozen'
await client.status.unfreeze(card);
const unfrozen = (await client.cards.retrieve(card)).status; // 'active'
step(`frozen (${frozen}), then unfrozen (${unfrozen})`);

if (bfinance) {
  await bfinance.charge(card.id, { amount: 30, merchant: 'Hotel Example' });
  step(`merchant charge of ${money(30, card.currency)} at Hotel Example`);
  const charge = (await client.cards.transactions(card)).data.find((tx) => tx.merchant === 'Hotel Example');
  if (!charge) throw new Error('the charge is not listed');
  const dispute = await client.disputes.create({
    cardId: card.id,
    transactionId: charge.id,
    textEvidence: 'Booking cancelled within the free window; charged anyway.',
  });
  step(
    `dispute ${dispute.id} opened on the ${money(Math.abs(charge.amount ?? 0), charge.currency ?? '')} charge: ${dispute.status}`,
  );
} else step('no merchant charge to dispute (live API)');

const remaining = (await client.cards.retrieve(card)).balance?.value ?? 0;
await client.funds.withdraw(card, { amount: remaining });
step(`withdrew ${money(remaining, card.currency)}; card balance is now ${money(0, card.currency)}`);
await client.status.delete(card);
step(`card ${card.id} deleted`);

// Reconcile: the organization balance moved by exactly what this flow moved, in the card's currency.
const key = (card.currency ?? '').toLowerCase() === 'eur' ? 'eur' : 'usd';
const end = await client.funds.balance();
const expected = start[key] - 100 - 49.9 + remaining;
const ok = Math.abs(end[key] - expected) < 0.005;
step(
  `organization balance: ${money(end[key], card.currency)}, expected ${money(expected, card.currency)}: ${ok ? 'reconciled' : 'MISMATCH'}`,
);
await close();
if (!ok) process.exitCode = 1;
