import * as fc from 'fast-check';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { server } from './helpers/msw.js';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

// CI replays one seed, so a property that holds on main holds on a clean clone of it; local runs
// draw a new seed each time and keep exploring. FC_SEED replays any run (a failure prints its seed).
const seed = process.env.FC_SEED ?? (process.env.CI ? '20261207' : undefined);
if (seed !== undefined) fc.configureGlobal({ seed: Number(seed) });
