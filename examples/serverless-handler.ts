// A Node or edge function: one client per instance (created outside the handler), one call per request.
import { type CardsClient, isCardsError } from 'bfinance-cards';
import { connect } from './connect.js';

export function createHandler(client: CardsClient): (request: Request) => Promise<Response> {
  return async (request) => {
    const cardId = new URL(request.url).searchParams.get('card');
    if (!cardId) return Response.json({ error: 'card is required' }, { status: 400 });
    try {
      const card = await client.cards.retrieve(cardId, { signal: request.signal, timeoutMs: 10_000 });
      // Only what a browser may see: never the PAN, CVC or expiry.
      return Response.json({ id: card.id, status: card.status, last4: card.last4, balance: card.balance });
    } catch (error) {
      if (isCardsError(error) && 'status' in error)
        return Response.json({ error: error.name }, { status: 502 });
      throw error;
    }
  };
}

const { client, typeId, close } = await connect();
const handler = createHandler(client);
const card = await client.cards.issue({
  model: 'card',
  typeId,
  initialBalance: 5,
  firstName: 'Ada',
  lastName: 'Lovelace',
});
const response = await handler(new Request(`https://functions.example/card?card=${card.id}`));
console.log(response.status, await response.text());
await close();
