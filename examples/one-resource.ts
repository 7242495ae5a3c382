// A program that needs only one resource takes only that one: `Cards` from `bfinance-cards/cards`
// (likewise `Customers`, `Pins`, `Funds`, `Status`, `Disputes`) takes CardsClient's options, has the
// methods of `client.cards`, and carries no code of the other resources. Errors come from
// `bfinance-cards`: one engine behind every entry, so `instanceof` works across them.
// Run it with `npm run example examples/one-resource.ts` (in-process sandbox).
import { NotFoundError } from 'bfinance-cards';
import { Cards } from 'bfinance-cards/cards';
import { Funds } from 'bfinance-cards/funds';
import { createSandbox } from 'bfinance-cards/testing';

const sandbox = createSandbox();
console.log('SANDBOX: in-process: test cards, no real money');
const options = { apiToken: sandbox.token, baseUrl: sandbox.baseUrl, fetch: sandbox.fetch };

const cards = new Cards(options);
const funds = new Funds(options);
const [program] = await cards.types();
if (!program) throw new Error('the sandbox lists no card program');
const card = await cards.issue({
  model: 'card',
  typeId: program.id,
  initialBalance: 25,
  firstName: 'Ada',
  lastName: 'Lovelace',
});
await funds.topUp(card, { amount: 10 });
const { balance } = await cards.retrieve(card);
console.log(`card •••• ${card.last4}: ${balance?.value} ${balance?.currency} after a top-up of 10`);

const missing = await cards.retrieve('no-such-card').catch((error: unknown) => error);
console.log(`an unknown card: ${missing instanceof NotFoundError ? 'NotFoundError' : 'something else'}`);
