import {
  type CardsClientOptions,
  CLIENT_DEFAULT_SENDER,
  CardsClient as SharedCardsClient,
} from './client.js';
import { UNDICI_DEFAULT_SENDER } from './core/http/default-sender.node.js';
import { isPlainObject } from './core/snapshot.js';

/**
 * The Node entry's client: the shared {@link SharedCardsClient} with undici as its default sender.
 * The package's type declarations describe the shared class (same constructor, same members).
 *
 * @internal
 */
export class CardsClient extends SharedCardsClient {
  /** Creates a client that sends through undici unless given a `fetch`. */
  constructor(options: CardsClientOptions = {}) {
    // Anything but a plain object is passed on as is, for the shared client to refuse.
    super(
      isPlainObject(options)
        ? ({ ...options, [CLIENT_DEFAULT_SENDER]: UNDICI_DEFAULT_SENDER } as CardsClientOptions)
        : options,
    );
  }
}
