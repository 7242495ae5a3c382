import type { Route } from './route.js';
import { ACCOUNT_ROUTES } from './routes-account.js';
import { BUDGET_CARD_ROUTES } from './routes-budget-cards.js';
import { CARD_ROUTES } from './routes-cards.js';
import { CUSTOMER_ROUTES } from './routes-customers.js';

/**
 * Every API route the sandbox can serve, in the order the router tries them and `--help` lists them.
 * Static segments come before parameters in each table, so the first match is the right one.
 */
export const API_ROUTES: readonly Route[] = [
  ...CUSTOMER_ROUTES,
  ...CARD_ROUTES,
  ...BUDGET_CARD_ROUTES,
  ...ACCOUNT_ROUTES,
];
