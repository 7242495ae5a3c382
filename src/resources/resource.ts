import type { Transport } from '../core/transport.js';

/** Base of the resource classes: holds the transport and nothing else. */
export abstract class Resource {
  readonly #transport: Transport;

  /** Binds the resource to a client's transport. */
  constructor(transport: Transport) {
    this.#transport = transport;
  }

  /** The client's transport; resources hand it request specs and never touch HTTP themselves. */
  protected get transport(): Transport {
    return this.#transport;
  }
}
