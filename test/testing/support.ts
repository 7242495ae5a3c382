import { createSandbox, SANDBOX_BASE_URL, type Sandbox, type SandboxOptions } from 'bfinance-cards/testing';
import { expect } from 'vitest';
import { server } from '../helpers/msw.js';

/** Answers are inspected structurally in these tests, so their bodies stay loosely typed. */
// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field with expect().
export type Loose = any;

/** One parsed answer. */
export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  body: Loose;
}

/** The sandbox's default API base, a reserved `.test` host that `sandbox.fetch` and msw answer. */
export const BASE = SANDBOX_BASE_URL;

/** A tiny fetch wrapper bound to an API base and a token. */
export type Call = (
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<Reply>;

/** Builds a {@link Call} for `base`, sent with `send` (the global fetch unless given). */
export function caller(base: string, token: string, send: typeof fetch = fetch): Call {
  return async (method, path, body, headers = {}) => {
    const res = await send(`${base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    let parsed: Loose;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: res.status, headers: res.headers, text, body: parsed };
  };
}

/** A fresh sandbox answered in-process through `sandbox.fetch`, and a caller for it. */
export function localSandbox(options: SandboxOptions = {}): { sandbox: Sandbox; call: Call } {
  const sandbox = createSandbox({ seed: 42, ...options });
  return { sandbox, call: caller(sandbox.baseUrl, sandbox.token, sandbox.fetch) };
}

/** A fresh sandbox served through the shared msw server, and a caller for it. */
export async function mswSandbox(options: SandboxOptions = {}): Promise<{ sandbox: Sandbox; call: Call }> {
  const sandbox = createSandbox({ seed: 42, ...options });
  server.use(...(await sandbox.handlers()));
  return { sandbox, call: caller(sandbox.baseUrl, sandbox.token) };
}

/** Shape of every error answer. */
export function errorBody(message: string): Loose {
  return { status: 'error', message, errorId: expect.stringMatching(/^[0-9a-f]{24}$/) };
}

/** Issues a standalone card with the name-only program and returns its id. */
export async function issueStandalone(
  sandbox: Sandbox,
  call: Call,
  initialBalance = 100,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const res = await call('POST', '/cards/issue', {
    typeId: sandbox.cardTypeIds.standalone,
    initialBalance,
    firstName: 'Ada',
    lastName: 'Lovelace',
    ...extra,
  });
  if (res.status !== 200) throw new Error(`issue failed: ${res.text}`);
  return res.body.data.card.id as string;
}

/** Issues a budget card on the default budget and returns its id. */
export async function issueBudget(sandbox: Sandbox, call: Call): Promise<string> {
  const res = await call('POST', '/budget-cards/issue', {
    typeId: sandbox.cardTypeIds.budget,
    budgetId: sandbox.budgetIds[0],
    firstName: 'Grace',
    lastName: 'Hopper',
  });
  if (res.status !== 200) throw new Error(`budget issue failed: ${res.text}`);
  return res.body.data.id as string;
}

/** Creates a customer and returns its id. */
export async function createCustomer(call: Call): Promise<string> {
  const res = await call('POST', '/customers', { type: 'individual', firstName: 'Alan', lastName: 'Turing' });
  if (res.status !== 200) throw new Error(`customer create failed: ${res.text}`);
  return res.body.data.id as string;
}
