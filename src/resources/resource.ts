import type { Requester } from '../core/spec.js';

/** Base of the resource classes: holds the transport and nothing else. */
export abstract class Resource {
  readonly #transport: Requester;

  /** Binds the resource to a client's transport. */
  constructor(transport: Requester) {
    this.#transport = transport;
  }

  /** The client's transport; resources hand it request specs and never touch HTTP themselves. */
  protected get transport(): Requester {
    return this.#transport;
  }
}
