// The flow every runtime of the matrix runs, written once in plain JavaScript so each runtime
// executes it as is. `sdk` is the bfinance-cards module as the runtime's own entry loaded it
// (import, require, or a bundle made with the runtime's export conditions).

const UNKNOWN_CARD = 'ffffffffffffffffffffffff';

/**
 * Issues a card, sets a PIN, tops up, freezes, reads the card back, checks the PAN prints masked and
 * that a 404 is a `NotFoundError`. Throws on the first failed check.
 *
 * @param {Record<string, any>} sdk The loaded bfinance-cards module.
 * @param {{ baseUrl: string, token: string, tag: string, inspect?: (value: unknown) => string }} options
 * @returns {Promise<string[]>} The names of the checks that passed.
 */
export async function runFlow(sdk, { baseUrl, token, tag, inspect }) {
  const { CardsClient, NotFoundError, isCardsError } = sdk;
  const passed = [];
  const check = (name, ok, detail = '') => {
    if (!ok) throw new Error(`check failed: ${name}${detail ? ` (${detail})` : ''}`);
    passed.push(name);
  };

  // The tag goes into the User-Agent, where the matrix's proxy reads which transport was used.
  const client = new CardsClient({ apiToken: token, baseUrl, userAgent: `smoke/${tag}`, maxRetries: 0 });

  const program = (await client.cards.types()).find((type) => type.name === 'Virtual USD');
  check('card program listed', program !== undefined);
  const issued = await client.cards.issue({
    model: 'card',
    typeId: program.id,
    initialBalance: 25,
    firstName: 'Ada',
    lastName: 'Lovelace',
  });
  check(
    'card issued',
    issued.model === 'card' && issued.balance?.value === 25,
    `balance ${issued.balance?.value}`,
  );

  await client.pins.set(issued, '7391');
  check('PIN set', true);
  await client.funds.topUp(issued, { amount: '10.50' });
  check('topped up', true);
  await client.status.freeze(issued);
  check('frozen', true);

  const card = await client.cards.retrieve(issued);
  check('card read back frozen', card.status === 'frozen', card.status);
  check('balance 35.50', card.balance?.value === 35.5, String(card.balance?.value));

  const number = card.sensitive?.number;
  check('PAN present', number !== undefined);
  const pan = number.reveal();
  check('PAN revealed on request', /^\d{13,19}$/.test(pan) && pan.endsWith(card.last4 ?? '-'));
  const printed = [String(number), `${number}`, String(issued.sensitive.number), JSON.stringify(card)];
  if (inspect) printed.push(inspect(card), inspect(issued));
  check('PAN masked when printed', String(number) === `•••• ${pan.slice(-4)}`, String(number));
  check(
    'PAN never in printed output',
    printed.every((text) => !text.includes(pan)),
    printed.find((text) => text.includes(pan)) === undefined ? '' : 'a printed form holds the PAN',
  );

  let notFound;
  try {
    await client.cards.retrieve(UNKNOWN_CARD);
  } catch (error) {
    notFound = error;
  }
  check('404 rejects', notFound !== undefined);
  check('404 instanceof NotFoundError', notFound instanceof NotFoundError, notFound?.name);
  check('404 isCardsError', isCardsError(notFound) === true);
  check('404 status and name', notFound.status === 404 && notFound.name === 'NotFoundError');
  return passed;
}

/**
 * The one-copy check: `import` and `require` of the package load the same module (Node's `node`
 * condition is CommonJS for both; Bun's `bun` condition is an ES module it also requires), so an
 * error thrown through one is `instanceof` the other's class and there is no dual-package hazard.
 *
 * @param {Record<string, any>} esm The module from `import`.
 * @param {Record<string, any>} cjs The module from `require`.
 * @param {{ baseUrl: string, token: string, tag: string }} options
 * @returns {Promise<string>} The name of the check.
 */
export async function checkOneCopy(esm, cjs, { baseUrl, token, tag }) {
  if (esm.CardsClient !== cjs.CardsClient)
    throw new Error('check failed: import and require gave two copies');
  const client = new cjs.CardsClient({ apiToken: token, baseUrl, userAgent: `smoke/${tag}`, maxRetries: 0 });
  const error = await client.cards.retrieve(UNKNOWN_CARD).then(
    () => undefined,
    (thrown) => thrown,
  );
  if (!(error instanceof esm.NotFoundError) || !esm.isCardsError(error)) {
    throw new Error('check failed: an error from require() is not the import()ed class');
  }
  return 'import and require load one copy';
}

/**
 * Runs `body` and prints the one line the matrix parses.
 *
 * @param {() => Promise<{ runtime: string, version: string, checks: string[] }>} body
 * @returns {Promise<boolean>} Whether every check passed; the caller sets its exit code from it.
 */
export async function report(body) {
  try {
    const result = await body();
    console.log(`SMOKE_RESULT ${JSON.stringify({ ok: true, ...result })}`);
    return true;
  } catch (error) {
    console.log(`SMOKE_RESULT ${JSON.stringify({ ok: false, error: String(error?.stack ?? error) })}`);
    return false;
  }
}
