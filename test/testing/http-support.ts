import { createSandbox, type Sandbox, type SandboxOptions, type SandboxServer } from 'bfinance-cards/testing';
import { http, passthrough } from 'msw';
import { server } from '../helpers/msw.js';
import { type Call, caller } from './support.js';

/** Lets requests to a local sandbox server through the shared msw server (it errors on unhandled ones). */
export function allowLoopback(url: string): void {
  const origin = new URL(url).origin;
  server.use(http.all(`${origin}/*`, () => passthrough()));
}

/** A sandbox served over real HTTP, with a caller for it; `close` must be called by the test. */
export async function httpSandbox(
  options: SandboxOptions = {},
): Promise<{ sandbox: Sandbox; server: SandboxServer; call: Call }> {
  const sandbox = createSandbox({ seed: 7, ...options });
  const running = await sandbox.listen();
  allowLoopback(running.url);
  return { sandbox, server: running, call: caller(running.url, sandbox.token) };
}
