import { createServer as createNetServer, type Server, type Socket } from 'node:net';
import { Agent, buildConnector, type Dispatcher } from 'undici';
import { type CardsClientOptions, CLIENT_CLOCK, type ClientClock } from '../../src/connection.js';
import { sleep } from '../../src/core/retry.js';
import type { IssuedCard } from '../../src/index.js';
import { CardsClient } from '../../src/index.js';
import { checkPin } from '../../src/pins/rules.js';
import {
  createSandbox,
  type Sandbox,
  type SandboxOptions,
  type SandboxServer,
} from '../../src/testing/index.js';
import { CanaryScanner } from '../helpers/canary.js';
import { refusedPort } from '../helpers/http-server.js';

// rigClient() builds CardsClient with Node's default sender, as the package does on Node: undici with the rig's
// dispatcher, so connection faults reach the client and msw never sits in between.

/** A connection-level fault the client's connector carries out on its next new connection. */
export type ConnectFault = 'dns' | 'refused' | 'reset-on-accept';

/** A sandbox served on 127.0.0.1, with everything the suites share. */
export interface Rig {
  sandbox: Sandbox;
  server: SandboxServer;
  /** `http://localhost:<port>/external/api`: a host name, so DNS can be faulted. */
  url: string;
  /** `https://127.0.0.1:<port>/external/api`: TLS against the plain server, a handshake failure. */
  tlsUrl: string;
  scanner: CanaryScanner;
  /** A 6-digit PIN the clients may set; a canary (never a weak one). */
  pin: string;
  /** Ports whose connections are refused, and reset as soon as they are accepted. */
  refused: number;
  resetting: number;
  close(): Promise<void>;
}

/** Starts a sandbox with a JWT-shaped canary token, and the servers connection faults need. */
export async function startRig(options: SandboxOptions = {}): Promise<Rig> {
  const scanner = new CanaryScanner();
  const sandbox = createSandbox({
    token: scanner.token,
    organizationBalance: { usd: 1_000_000 },
    ...options,
  });
  const server = await sandbox.listen();
  const port = new URL(server.url).port;
  const resetServer: Server = createNetServer((socket: Socket) => socket.destroy());
  await new Promise<void>((resolve) => resetServer.listen(0, '127.0.0.1', resolve));
  const address = resetServer.address();
  const resetting = typeof address === 'object' && address !== null ? address.port : 0;
  const pin = canaryPin();
  scanner.addPin(pin);
  return {
    sandbox,
    server,
    url: `http://localhost:${port}/external/api`,
    tlsUrl: `https://127.0.0.1:${port}/external/api`,
    scanner,
    pin,
    refused: await refusedPort(),
    resetting,
    close: async () => {
      await server.close();
      await new Promise<void>((resolve) => resetServer.close(() => resolve()));
    },
  };
}

/** A random 6-digit PIN the recommended policy accepts, with no digits the SDK prints on its own. */
function canaryPin(): string {
  for (;;) {
    const pin = String(100_000 + Math.floor(Math.random() * 900_000));
    if (checkPin(pin, { length: 6 }).ok && !/(200|250|400|408|409|429|500|502|503|504)/.test(pin)) return pin;
  }
}

/** One HTTP attempt as the client's dispatcher saw it. */
export interface Dispatch {
  method: string;
  path: string;
  key: string | undefined;
}

/** A client wired to a rig: its attempts recorded, its connections faultable, its clock chosen. */
export interface ClientRig {
  client: CardsClient;
  /** Every attempt, in order, as handed to undici (so refused connections count too). */
  dispatches: Dispatch[];
  /** Backoff waits the client asked for. */
  delays: number[];
  /** Connection faults still to come, in order, one per new connection. */
  connectFaults: ConnectFault[];
  /** Connection faults carried out so far. */
  connectFaultsDone: number;
  /** Log events received (all scanned by the rig's scanner). */
  logLines: { lines: number };
  /** Attempts of `method path` (path without query). */
  attemptsOf(method: string, path: string): Dispatch[];
  close(): Promise<void>;
}

/** How a client waits between retries: instantly (fake), or at 1/100 of the real delay (scaled). */
export type ClockKind = 'fake' | 'scaled';

/** Builds a client against `rig` that talks undici through a recording, faultable dispatcher. */
export function rigClient(
  rig: Rig,
  options: CardsClientOptions & { clock?: ClockKind; random?: () => number } = {},
): ClientRig {
  const { clock: kind = 'fake', random, ...clientOptions } = options;
  const dispatches: Dispatch[] = [];
  const delays: number[] = [];
  const state = { connectFaults: [] as ConnectFault[], connectFaultsDone: 0 };
  let failLookup = false;
  const connect = buildConnector({
    lookup: (hostname: string, opts: unknown, callback: unknown) => {
      const done = (typeof opts === 'function' ? opts : callback) as (...args: unknown[]) => void;
      const all = typeof opts === 'object' && opts !== null && (opts as { all?: boolean }).all === true;
      if (failLookup) {
        failLookup = false;
        const error = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
          code: 'ENOTFOUND',
          syscall: 'getaddrinfo',
          hostname,
        });
        process.nextTick(() => done(error));
        return;
      }
      process.nextTick(() =>
        all ? done(null, [{ address: '127.0.0.1', family: 4 }]) : done(null, '127.0.0.1', 4),
      );
    },
  } as buildConnector.BuildOptions);
  const agent = new Agent({
    connect: (opts, callback) => {
      const fault = state.connectFaults.shift();
      if (fault !== undefined) state.connectFaultsDone += 1;
      if (fault === 'dns') failLookup = true;
      const port =
        fault === 'refused' ? rig.refused : fault === 'reset-on-accept' ? rig.resetting : undefined;
      return connect(
        port === undefined ? opts : { ...opts, hostname: '127.0.0.1', port: String(port) },
        callback,
      );
    },
  });
  const dispatcher: Dispatcher = agent.compose((dispatch) => (opts, handler) => {
    const headers = (opts.headers ?? {}) as Record<string, string | undefined>;
    dispatches.push({ method: opts.method, path: opts.path, key: headers['idempotency-key'] });
    return dispatch(opts, handler);
  });
  const clock: ClientClock =
    kind === 'fake'
      ? {
          sleep: async (ms) => {
            delays.push(ms);
          },
          random: random ?? (() => 0.5),
        }
      : {
          sleep: (ms, signal) => {
            delays.push(ms);
            return sleep(ms / 100, signal);
          },
          ...(random ? { random } : {}),
        };
  const logLines = { lines: 0 };
  const client = new CardsClient({
    apiToken: rig.scanner.token,
    baseUrl: rig.url,
    dispatcher,
    logger: rig.scanner.logger(logLines),
    logLevel: 'debug',
    pinPolicy: { preset: 'recommended', length: 6 },
    ...clientOptions,
    [CLIENT_CLOCK]: clock,
  } as CardsClientOptions);
  return {
    client,
    dispatches,
    delays,
    get connectFaults() {
      return state.connectFaults;
    },
    set connectFaults(value: ConnectFault[]) {
      state.connectFaults = value;
    },
    get connectFaultsDone() {
      return state.connectFaultsDone;
    },
    logLines,
    attemptsOf: (method, path) =>
      dispatches.filter((d) => d.method === method && d.path.split('?')[0] === `/external/api${path}`),
    close: () => agent.close(),
  };
}

/** Issues a standalone card through a plain client and registers its PAN as a canary. */
export async function issueCard(rig: Rig, client: CardsClient, initialBalance = 100): Promise<IssuedCard> {
  const card = await client.cards.issue({
    model: 'card',
    typeId: rig.sandbox.cardTypeIds.standalone,
    initialBalance,
    firstName: 'Ada',
    lastName: 'Lovelace',
  });
  rig.scanner.addPan(card.sensitive.number.reveal());
  return card;
}

/** Ledger entries applied under one idempotency key. */
export function appliedUnder(sandbox: Sandbox, key: string): number {
  return sandbox.state().ledger.filter((e) => e.idempotencyKey === key).length;
}

/** The settled value or error of a call, without throwing. */
export async function settle<T>(
  call: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    return { ok: false, error };
  }
}

/** A complete shipping address for physical-card orders. */
export const SHIPPING = {
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.com',
  phone: '4155550100',
  phoneCode: '+1',
  addressLine1: '1 Analytical Way',
  city: 'London',
  state: 'LND',
  postalCode: 'N1 9GU',
  country: 'GBR',
} as const;
