import * as z from '../core/reader.js';
import { builtOnFirstUse, maybe } from '../core/schema.js';

/** Networks `funds.depositAddress` takes. */
export type DepositNetwork = 'ethereum' | 'tron' | 'solana' | 'polygon' | 'ton' | 'bnb';

/** Stablecoins `funds.depositAddress` takes. */
export type DepositCurrency = 'usdc' | 'usdt';

/** Where to send stablecoins to fund the organization balance. */
export interface DepositAddress {
  /** The address on `network` to send to. */
  address: string;
  /** The network, as the API echoes it (open string). */
  network?: DepositNetwork | (string & {}) | null | undefined;
  /** The currency, as the API echoes it (open string). */
  currency?: DepositCurrency | (string & {}) | null | undefined;
}

/**
 * `GET /finance/deposit` data. Only `address` is required: it is what a caller acts on; the echo
 * of network and currency may be absent, null or spelled another way.
 */
export const depositAddressSchema: () => z.Schema<DepositAddress, unknown> = builtOnFirstUse(() =>
  z.object({
    address: z.string(),
    network: maybe(z.string()),
    currency: maybe(z.string()),
  }),
);
