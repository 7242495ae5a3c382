import { CardsClient } from '../client.js';
import { type DriftIssue, findDrift } from '../core/drift.js';
import { parseJson, unwrap } from '../core/envelope.js';
import { isCardsError, ResponseValidationError, ValidationError } from '../core/errors.js';
import { type Schema, safeParse } from '../core/reader.js';
import { limitsSchema } from '../resources/card-limits-schemas.js';
import { cardListSchema, cardTransactionsSchema } from '../resources/card-list-schemas.js';
import type { CardSummary } from '../resources/card-results.js';
import { cardSchema, cardTypesSchema } from '../resources/card-schemas.js';
import { customerSchema } from '../resources/customer-schemas.js';
import { balanceSchema } from '../resources/funds-schemas.js';
import { questionnaireListSchema, questionnaireSchema } from '../resources/questionnaire-schemas.js';
import { type FetchLike, getOnly } from './get-only.js';

/** What one probe found. Holds field paths and error class names only, never a value. */
export interface ProbeResult {
  /** The SDK operation probed, e.g. `cards.list`. */
  operation: string;
  /** `ok`, `drift`, or the class name of the error the call ended with. */
  result: string;
  /** Wire paths that differ from the documented shape. */
  drift: DriftIssue[];
  /** Wire paths the SDK could not read (a required field missing or of another type). */
  invalid: string[];
  /** HTTP status of the last response, when there was one. */
  status?: number | undefined;
}

/** What the doctor needs to run. */
export interface DoctorOptions {
  /** The API token (`BFINANCE_API_TOKEN`). */
  apiToken: string;
  /** The API base URL (`BFINANCE_BASE_URL`, or production when unset). */
  baseUrl: string;
  /** A customer to read as well (`--customer`). */
  customerId?: string | undefined;
  /** The fetch to send through; the global one by default. It only ever sees GET requests. */
  fetch?: FetchLike | undefined;
}

// Issue paths say `cards.0.id`; drift paths say `cards[].id`.
function wirePath(path: string): string {
  return path.replace(/\.(\d+)(?=\.|$)/g, '[]').replace(/^(\d+)(?=\.|$)/, '[]');
}

/**
 * Runs the read-only probes in order; never throws for an API or network failure.
 *
 * @throws {ValidationError} for a configuration the SDK refuses (from the client or the first call).
 */
export async function runProbes(options: DoctorOptions): Promise<ProbeResult[]> {
  const wire = getOnly(options.fetch ?? ((input, init) => globalThis.fetch(input, init)));
  const client = new CardsClient({
    apiToken: options.apiToken,
    baseUrl: options.baseUrl,
    fetch: wire.fetch,
    maxRetries: 1,
  });
  const results: ProbeResult[] = [];

  async function probe<T>(
    operation: string,
    schema: Schema<unknown>,
    call: () => Promise<T>,
  ): Promise<T | undefined> {
    let value: T | undefined;
    let error: unknown;
    wire.clear();
    try {
      value = await call();
    } catch (caught) {
      // Refused before sending: every probe would be refused alike, and the message says why.
      if (caught instanceof ValidationError) throw caught;
      error = caught;
    }
    const last = wire.last();
    const parsed = last ? parseJson(last.text) : undefined;
    const envelope = parsed?.ok ? unwrap(parsed.value) : undefined;
    const data = envelope?.ok ? envelope.data : undefined;
    const drift = envelope?.ok ? findDrift(schema, data) : [];
    const check = envelope?.ok ? safeParse(schema, data) : undefined;
    const invalid =
      error instanceof ResponseValidationError
        ? error.issues.map((i) => wirePath(i.path))
        : check && !check.ok
          ? check.issues.map((i) => wirePath(i.path))
          : [];
    const name = error === undefined ? undefined : isCardsError(error) ? error.name : 'Error';
    results.push({
      operation,
      result: name ?? (drift.length > 0 ? 'drift' : 'ok'),
      drift,
      invalid: [...new Set(invalid)],
      status: last?.status,
    });
    return value;
  }

  await probe('funds.balance', balanceSchema(), () => client.funds.balance());
  await probe('cards.types', cardTypesSchema(), () => client.cards.types());
  const page = await probe('cards.list', cardListSchema(), async () => await client.cards.list());
  const first: CardSummary | undefined = page?.data[0];
  if (first) {
    await probe('cards.retrieve', cardSchema(first.model), () => client.cards.retrieve(first));
    if (first.model === 'card') {
      await probe(
        'cards.transactions',
        cardTransactionsSchema(),
        async () => await client.cards.transactions(first),
      );
      await probe('cards.limits.retrieve', limitsSchema(), () => client.cards.limits.retrieve(first));
    }
  }
  const customerId = options.customerId;
  if (customerId) {
    await probe('customers.retrieve', customerSchema(), () => client.customers.retrieve(customerId));
    const forms = await probe('customers.questionnaires.list', questionnaireListSchema(), () =>
      client.customers.questionnaires.list(customerId),
    );
    const form = forms?.[0];
    if (form) {
      await probe('customers.questionnaires.retrieve', questionnaireSchema(), () =>
        client.customers.questionnaires.retrieve(customerId, form.id),
      );
    }
  }
  return results;
}
