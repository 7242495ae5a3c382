import type { OutcomeSpec } from '../core/outcome/contract.js';
import { redact } from '../core/redact/index.js';
import type { Requester } from '../core/spec.js';
import { readOptions } from './card-read.js';
import { retrieveCustomer } from './endpoints/customers.js';

// How customer calls are settled when their outcome is unknown: by reading the customer through
// the caller's transport. What decides from the read (customer-reconcile.ts) loads on the first
// error.reconcile().

/** Settles a customer delete: the customer is gone once `customers.retrieve` answers 404. */
export function deleteCustomerOutcome(transport: Requester, customerId: string): OutcomeSpec {
  return {
    hint: 'Call error.reconcile(), which reads the customer, before deleting again.',
    reconcile: (call, options) => {
      const read = () => transport.request(retrieveCustomer(customerId), readOptions(options));
      return import('./customer-reconcile.js').then((m) => m.reconcileCustomerDelete({ read, redact }, call));
    },
  };
}

/** Settles an access request: the customer's product access lists it once it was recorded. */
export function accessOutcome(
  transport: Requester,
  customerId: string,
  accessType: string,
  cardType: string | undefined,
): OutcomeSpec {
  return {
    hint: "Re-sending may file a second request: call error.reconcile(), which reads the customer's product access.",
    reconcile: (call, options) => {
      const read = () => transport.request(retrieveCustomer(customerId), readOptions(options));
      return import('./customer-reconcile.js').then((m) =>
        m.reconcileAccess({ read, redact }, { accessType, cardType }, call),
      );
    },
  };
}
