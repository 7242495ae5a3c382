import { type CardsClientOptions, type Connection, connectionOf } from '../connection.js';
import type { ErrorCause } from '../core/error-map.js';
import { copyOptions } from '../core/options.js';
import type { Requester, RequestOptions } from '../core/spec.js';
import { type Endpoint, withExtraBody } from './endpoints/endpoint.js';

/** Base of the resource classes: holds the transport and nothing else. */
export abstract class Resource {
  readonly #transport: Requester;

  /**
   * Binds the resource to a client's transport.
   *
   * @internal Built by the client and the resource classes, not by callers.
   */
  constructor(transport: Requester) {
    this.#transport = transport;
  }

  /** The client's transport; resources hand it request specs and never touch HTTP themselves. */
  protected get transport(): Requester {
    return this.#transport;
  }

  /**
   * Sends one endpoint call with a copy of the caller's options, `extraBody` merged into the body.
   *
   * @throws {ValidationError} for options that are not an object, or an `extraBody` the endpoint
   * cannot take, before anything is sent.
   */
  protected send<T>(endpoint: Endpoint<T>, options: RequestOptions | undefined): Promise<T> {
    const [spec, rest] = withExtraBody(endpoint, copyOptions(options));
    return this.#transport.request(spec, rest);
  }
}

/**
 * Base of the classes a program can take on their own (`Cards`, `Funds`, …): built from the same
 * options as `CardsClient`, or from the connection a `CardsClient` shares among its resources.
 */
export abstract class ClientResource extends Resource {
  /**
   * The error causes this class's messages are matched against when it is used on its own (those
   * of card and customer calls; `Funds` and `Disputes` take every cause). A `CardsClient` shares
   * one connection with all causes among its resources.
   */
  protected static readonly causes: readonly ErrorCause[] | undefined = undefined;

  readonly #connection: Connection;

  /**
   * Checks the options and builds the transport. Nothing is sent until the first call.
   *
   * @throws {ValidationError} for options that are not a plain object, an unknown option, an
   * insecure or malformed `baseUrl` or a bad numeric option.
   */
  constructor(options?: CardsClientOptions) {
    const connection = connectionOf(options, (new.target as typeof ClientResource).causes);
    super(connection.transport);
    this.#connection = connection;
  }

  /** The transport, audit trail and PIN policy option this resource was built with. */
  protected get connection(): Connection {
    return this.#connection;
  }
}
