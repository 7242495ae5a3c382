import type { OutcomeSpec } from '../../core/outcome/contract.js';
import { path } from '../../core/path.js';
import { type ActionResult, actionResult } from '../../core/schema.js';
import {
  type AccessRequest,
  accessRequestSchema,
  type Customer,
  customerSchema,
} from '../customer-schemas.js';
import { type Endpoint, readEndpoint } from './endpoint.js';

// The customer endpoints, each declared once: the public methods and the reconcilers both call these.

/** Every body field of `POST /customers` the SDK knows. */
export const CUSTOMER_FIELDS: readonly string[] = [
  'type',
  'level',
  'sumsubShareToken',
  'firstName',
  'lastName',
  'birthDate',
  'nationality',
  'nationalId',
  'address',
  'phone',
  'email',
  'identityDocuments',
  'otherDocuments',
];

/** `POST /customers`: creation may be billable, and no read lists customers, so it is never settled. */
export function createCustomer(body: Record<string, unknown>): Endpoint<Customer> {
  return {
    operation: 'customers.create',
    method: 'POST',
    path: path`/customers`,
    body,
    bodyFields: CUSTOMER_FIELDS,
    schema: customerSchema(),
    retry: 'must-not-repeat',
    subject: {},
    outcome: {
      // bfinance offers no customer list, so a customer created without an answer cannot be found.
      hint: 'Re-sending may create a second customer. No API read lists customers, so error.reconcile() cannot tell: ask bfinance first.',
    },
  };
}

/** `GET /customers/{id}`. */
export function retrieveCustomer(customerId: string): Endpoint<Customer> {
  return readEndpoint('customers.retrieve', path`/customers/${customerId}`, customerSchema(), { customerId });
}

/** `DELETE /customers/{id}`, settled by `outcome`. */
export function deleteCustomer(customerId: string, outcome: OutcomeSpec): Endpoint<ActionResult> {
  return {
    operation: 'customers.delete',
    method: 'DELETE',
    path: path`/customers/${customerId}`,
    schema: actionResult(),
    retry: 'must-not-repeat',
    subject: { customerId },
    outcome,
  };
}

/** `POST /customers/{id}/request` `{ accessType, cardType? }`, settled by `outcome`. */
export function requestAccess(
  customerId: string,
  body: { accessType: string; cardType?: string },
  outcome: OutcomeSpec,
): Endpoint<AccessRequest> {
  return {
    operation: 'customers.requestAccess',
    method: 'POST',
    path: path`/customers/${customerId}/request`,
    body,
    bodyFields: ['accessType', 'cardType'],
    schema: accessRequestSchema(),
    retry: 'must-not-repeat',
    subject: { customerId },
    outcome,
  };
}
