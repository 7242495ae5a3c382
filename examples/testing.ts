// Testing your own code against the sandbox: in-process (no socket, no msw), or through msw if you use it.
import { CardsClient } from 'bfinance-cards';
import { createSandbox } from 'bfinance-cards/testing';
import { setupServer } from 'msw/node';

const sandbox = createSandbox({ seed: 1 });
const client = sandbox.client(); // = new CardsClient({ apiToken: sandbox.token, baseUrl: sandbox.baseUrl, fetch: sandbox.fetch })
const card = await client.cards.issue({
  model: 'card',
  typeId: sandbox.cardTypeIds.standalone,
  initialBalance: 10,
  firstName: 'Ada',
  lastName: 'Lovelace',
});
sandbox.transactions.add(card.id, { amount: 4.5, merchant: 'Coffee Bar' }); // what a merchant does
console.log(`balance after a charge: ${(await client.cards.retrieve(card)).balance?.value.toFixed(2)}`);

// With msw: the handlers answer sandbox.baseUrl (a .test host), and the client must send through the
// global fetch, because msw does not see the SDK's default (undici) transport on Node.
const server = setupServer(...(await sandbox.handlers()));
server.listen({ onUnhandledRequest: 'error' });
const viaMsw = new CardsClient({
  apiToken: sandbox.token,
  baseUrl: sandbox.baseUrl,
  fetch: globalThis.fetch,
});
console.log(`the same card through msw: ${(await viaMsw.cards.retrieve(card)).status}`);
server.close();

// bfinance's side of the API (verify a customer, grant access, charge a card) is in-process here;
// bfinance-cards-sandbox serves it over HTTP under /__sandbox/ (see the README).
const customer = await client.customers.create({
  type: 'individual',
  firstName: 'Ada',
  lastName: 'Lovelace',
});
sandbox.customers.verify(customer.id);
console.log(`customer ${(await client.customers.retrieve(customer.id)).status}`);
console.log(`requests the sandbox saw: ${sandbox.requests().length}`);
