import type { Requester } from '../core/spec.js';
import { recordEvidence, settleByRead } from '../outcomes/settle.js';
import type { OutcomeSpec } from '../outcomes/types.js';
import { readOptions } from './card-read.js';
import { retrieveCustomer } from './endpoints/customers.js';

// How customer calls are settled when their outcome is unknown: by reading the customer.

/** Settles a customer delete: the customer is gone once `customers.retrieve` answers 404. */
export function deleteCustomerOutcome(transport: Requester, customerId: string): OutcomeSpec {
  return {
    hint: 'Re-send with the same idempotencyKey (the safe retry), or call error.reconcile(), which reads the customer, to see whether it was deleted.',
    reconcile: (call, options) =>
      settleByRead(
        call,
        'customers.retrieve',
        () => transport.request(retrieveCustomer(customerId), readOptions(options)),
        (found) => {
          const evidence = recordEvidence('customers.retrieve', 'customer', found);
          return found
            ? { status: 'not-applied', summary: 'customers.retrieve still finds the customer.', evidence }
            : { status: 'applied', summary: 'customers.retrieve no longer finds the customer.', evidence };
        },
      ),
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
    hint: "Re-send with the same idempotencyKey (the safe retry), or call error.reconcile(), which reads the customer's product access, to see whether the request was recorded.",
    reconcile: (call, options) =>
      settleByRead(
        call,
        'customers.retrieve',
        () => transport.request(retrieveCustomer(customerId), readOptions(options)),
        (found) => {
          const access = (found?.featuresAccess ?? []).filter(
            (a) => a.type === accessType && (cardType === undefined || a.cardType === cardType),
          );
          const evidence = {
            reads: ['customers.retrieve'],
            examined: found?.featuresAccess?.length ?? 0,
            complete: found !== undefined,
            matches: access.map((a) => ({
              kind: 'access' as const,
              id: a.id,
              type: a.type,
              status: a.status,
            })),
          };
          if (found === undefined)
            return { status: 'still-unknown', summary: 'The customer was not found.', evidence };
          // A reply without the list says nothing about the request: absence is not proof.
          if (!Array.isArray(found.featuresAccess)) {
            return {
              status: 'still-unknown',
              summary:
                'customers.retrieve did not list the customer’s product access, so it cannot show the request.',
              evidence: { ...evidence, complete: false },
            };
          }
          return access.length > 0
            ? { status: 'applied', summary: 'The customer has this access request.', evidence }
            : { status: 'not-applied', summary: 'The customer has no such access request.', evidence };
        },
      ),
  };
}
