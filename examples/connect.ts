// Shared by the examples: the real API when BFINANCE_API_TOKEN is set, otherwise a local sandbox
// started here, so every example runs with no token and no network.
import { createSandbox, type Sandbox } from 'bfinance-cards/testing';

/** Where an example connects, the ids it works with, and the sandbox when there is one. */
export interface Connection {
  apiToken: string;
  baseUrl: string;
  /** Present only in sandbox mode: lets an example play bfinance's part (verify a customer…). */
  sandbox: Sandbox | undefined;
  /** A program that allows name-only issuance (BFINANCE_TYPE_ID against the real API). */
  typeId: string;
  /** A budget program and a budget (BFINANCE_BUDGET_TYPE_ID, BFINANCE_BUDGET_ID). */
  budgetTypeId: string;
  budgetId: string;
  close(): Promise<void>;
}

export async function connect(): Promise<Connection> {
  const env = process.env;
  if (env.BFINANCE_API_TOKEN) {
    return {
      apiToken: env.BFINANCE_API_TOKEN,
      baseUrl: env.BFINANCE_BASE_URL ?? 'https://business.bfinance.app/external/api',
      sandbox: undefined,
      typeId: env.BFINANCE_TYPE_ID ?? '',
      budgetTypeId: env.BFINANCE_BUDGET_TYPE_ID ?? '',
      budgetId: env.BFINANCE_BUDGET_ID ?? '',
      close: async () => {},
    };
  }
  const sandbox = createSandbox({ seed: 7 });
  const server = await sandbox.listen();
  return {
    apiToken: sandbox.token,
    baseUrl: server.url,
    sandbox,
    typeId: sandbox.cardTypeIds.standalone,
    budgetTypeId: sandbox.cardTypeIds.budget,
    budgetId: sandbox.budgetIds[0] ?? '',
    close: server.close,
  };
}
