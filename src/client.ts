import { type CardsClientOptions, Connection } from './connection.js';
import { Cards } from './resources/cards.js';
import { Customers } from './resources/customers.js';
import { Disputes } from './resources/disputes-resource.js';
import { ERROR_CAUSES } from './resources/domain-errors.js';
import { Funds } from './resources/funds-resource.js';
import { Pins } from './resources/pins.js';
import { Status } from './resources/status.js';

export type { CardsClientOptions } from './connection.js';

/**
 * The bfinance Cards API client: every resource on one connection. A program that needs only one
 * resource can construct that class alone (`Cards` from `bfinance-cards/cards`, …) and carry no other.
 *
 * @example
 * ```ts
 * const client = new CardsClient({ apiToken: process.env.BFINANCE_API_TOKEN });
 * const types = await client.cards.types();
 * const card = await client.cards.issue({ model: 'card', typeId: types[0].id, initialBalance: 50, firstName: 'Ada', lastName: 'Lovelace' });
 * console.log(card.last4);
 * ```
 */
export class CardsClient {
  /** Customers, their verification and product access. */
  readonly customers: Customers;
  /** Card programs, issuance, details, sensitive data, transactions, limits, contact data, physical cards. */
  readonly cards: Cards;
  /** PIN checks and PIN setting. */
  readonly pins: Pins;
  /** Top-ups, withdrawals, budget funding and balances. */
  readonly funds: Funds;
  /** Freeze, unfreeze and delete. */
  readonly status: Status;
  /** Transaction disputes. */
  readonly disputes: Disputes;
  readonly #connection: Connection;

  /**
   * Creates a client. Nothing is sent until the first call.
   *
   * Options are read once, own keys only: a getter is called once, a key inherited from a
   * polluted `Object.prototype` is ignored.
   *
   * @throws {ValidationError} for options that are not a plain object, an unknown option, an
   * insecure or malformed `baseUrl` or a bad numeric option.
   */
  constructor(options: CardsClientOptions = {}) {
    // One connection for all resources; each class also accepts it in place of options.
    const connection = new Connection(options, ERROR_CAUSES);
    const shared = connection as CardsClientOptions;
    this.#connection = connection;
    this.customers = new Customers(shared);
    this.cards = new Cards(shared);
    this.pins = new Pins(shared);
    this.funds = new Funds(shared);
    this.status = new Status(shared);
    this.disputes = new Disputes(shared);
  }

  /**
   * Resolves once every promise the `onAudit` hook returned so far has settled; never rejects.
   * Await it before a serverless handler returns, so no audit record is cut off.
   */
  auditSettled(): Promise<void> {
    return this.#connection.audit.settled();
  }
}
