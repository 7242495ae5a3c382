// The webhook receiver's check, run in every runtime of the matrix next to the flow: it needs no
// network (the handler is called with Requests built here), only the runtime's Request, Response
// and Web Crypto. `webhooks` is bfinance-cards/webhooks as the runtime's own entry loaded it.

const PAN = '4111111111111111';

/**
 * Sends deliveries to a receiver: refused source, accepted event, duplicate, bad body; and checks
 * the card number in an event never prints. Throws on the first failed check.
 *
 * @param {Record<string, any>} webhooks The loaded bfinance-cards/webhooks module.
 * @returns {Promise<string[]>} The names of the checks that passed.
 */
export async function runReceiver(webhooks) {
  const passed = [];
  const check = (name, ok) => {
    if (!ok) throw new Error(`check failed: ${name}`);
    passed.push(name);
  };
  const events = [];
  const handler = webhooks.createWebhookHandler({
    allow: ['203.0.113.0/24', '2001:db8::/32'],
    onEvent: (event) => {
      events.push(event);
    },
  });
  const post = (body, remoteAddress) =>
    handler(new Request('https://hooks.example.test/bfinance', { method: 'POST', body }), { remoteAddress });
  const body = JSON.stringify({ id: 'e1', type: 'transaction', data: { id: 't1', card: { number: PAN } } });

  check('receiver refuses a source off the allowlist', (await post(body, '198.51.100.1')).status === 403);
  check('receiver accepts an allowed source', (await post(body, '203.0.113.5')).status === 200);
  const again = await post(body, '::ffff:203.0.113.5');
  check('receiver answers a duplicate without onEvent', again.status === 200 && events.length === 1);
  check('receiver refuses a body that is no JSON object', (await post('[1]', '2001:db8::1')).status === 400);
  const event = events[0];
  check(
    'receiver wraps card data',
    event.data.card.number.reveal() === PAN &&
      !JSON.stringify(event).includes(PAN) &&
      !String(event.raw).includes(PAN),
  );
  return passed;
}
