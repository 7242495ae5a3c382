/** One endpoint of the bfinance Cards API as the SDK serves it. */
export interface CatalogueEntry {
  /** The SDK operation, which is also the method's path on `CardsClient` (`cards.limits.set`). */
  readonly operation: string;
  /** The HTTP method. */
  readonly method: 'GET' | 'POST' | 'DELETE';
  /** The path templates it sends to, one per card model where they differ; `{id}` a path parameter. */
  readonly routes: readonly string[];
  /** The response carries a PAN, CVC or expiry: `doctor` never calls it. */
  readonly cardData?: true;
  /** For a GET without card data that `doctor` does not probe: why it cannot. */
  readonly notProbed?: string;
}

const NEEDS_ID = 'needs an id that no read the doctor makes returns';

/**
 * Every endpoint the SDK calls, listed once. Nothing on a call's path reads this list: tests check
 * from it that each entry has a public method, a sandbox route, a README row and, for a GET
 * without card data, a `doctor` probe (test/resources/catalogue.test.ts), so a new endpoint cannot
 * miss one of them.
 */
export const CATALOGUE: readonly CatalogueEntry[] = [
  { operation: 'customers.create', method: 'POST', routes: ['/customers'] },
  { operation: 'customers.retrieve', method: 'GET', routes: ['/customers/{id}'] },
  { operation: 'customers.delete', method: 'DELETE', routes: ['/customers/{id}'] },
  { operation: 'customers.requestAccess', method: 'POST', routes: ['/customers/{id}/request'] },
  {
    operation: 'customers.questionnaires.list',
    method: 'GET',
    routes: ['/customers/{id}/questionnaires'],
  },
  {
    operation: 'customers.questionnaires.retrieve',
    method: 'GET',
    routes: ['/customers/{id}/questionnaires/{id}'],
  },
  {
    operation: 'customers.questionnaires.submit',
    method: 'POST',
    routes: ['/customers/{id}/questionnaires/{id}/submit'],
  },
  { operation: 'cards.types', method: 'GET', routes: ['/cards/types'] },
  { operation: 'cards.issue', method: 'POST', routes: ['/cards/issue', '/budget-cards/issue'] },
  { operation: 'cards.retrieve', method: 'GET', routes: ['/cards/{id}', '/budget-cards/{id}'] },
  { operation: 'cards.list', method: 'GET', routes: ['/cards/list'] },
  {
    operation: 'cards.sensitive',
    method: 'GET',
    // The standalone path is misspelled by the API itself [DOC].
    routes: ['/cards/{id}/sensetive', '/budget-cards/{id}/sensitive'],
    cardData: true,
  },
  { operation: 'cards.transactions', method: 'GET', routes: ['/cards/{id}/transactions'] },
  { operation: 'cards.reissue', method: 'POST', routes: ['/cards/reissue'] },
  {
    operation: 'cards.updateEmail',
    method: 'POST',
    routes: ['/cards/{id}/email', '/budget-cards/{id}/email'],
  },
  {
    operation: 'cards.updatePhone',
    method: 'POST',
    routes: ['/cards/{id}/phone', '/budget-cards/{id}/phone'],
  },
  // [SDK] official JS client only.
  {
    operation: 'cards.updateArt',
    method: 'POST',
    routes: ['/cards/{id}/updateArt', '/budget-cards/{id}/updateArt'],
  },
  { operation: 'cards.limits.retrieve', method: 'GET', routes: ['/cards/{id}/limits'] },
  { operation: 'cards.limits.set', method: 'POST', routes: ['/cards/{id}/limits'] },
  { operation: 'cards.velocity.set', method: 'POST', routes: ['/budget-cards/{id}/velocity'] },
  { operation: 'cards.physical.order', method: 'POST', routes: ['/physical-cards/{id}/order'] },
  { operation: 'cards.physical.activate', method: 'POST', routes: ['/physical-cards/{id}/activate'] },
  { operation: 'pins.set', method: 'POST', routes: ['/cards/{id}/pin', '/budget-cards/{id}/pin'] },
  { operation: 'funds.topUp', method: 'POST', routes: ['/cards/{id}/topup'] },
  { operation: 'funds.withdraw', method: 'POST', routes: ['/cards/{id}/withdraw'] },
  { operation: 'funds.topUpBudget', method: 'POST', routes: ['/budgets/{id}/topup'] },
  {
    operation: 'funds.budgetTransactions',
    method: 'GET',
    routes: ['/budgets/{id}/transactions'],
    notProbed: 'needs a budget id, which no read the doctor makes returns',
  },
  { operation: 'funds.balance', method: 'GET', routes: ['/balance'] },
  {
    operation: 'funds.depositAddress',
    method: 'GET',
    routes: ['/finance/deposit'],
    notProbed: 'needs a currency and a network the account holds',
  },
  { operation: 'status.freeze', method: 'POST', routes: ['/cards/{id}/freeze', '/budget-cards/{id}/freeze'] },
  {
    operation: 'status.unfreeze',
    method: 'POST',
    routes: ['/cards/{id}/unfreeze', '/budget-cards/{id}/unfreeze'],
  },
  {
    operation: 'status.delete',
    method: 'DELETE',
    routes: ['/cards/{id}/delete', '/budget-cards/{id}/delete'],
  },
  { operation: 'disputes.create', method: 'POST', routes: ['/disputes'] },
  { operation: 'disputes.status', method: 'GET', routes: ['/disputes/{id}/status'], notProbed: NEEDS_ID },
  { operation: 'disputes.cancel', method: 'POST', routes: ['/disputes/{id}/cancel'] },
];
