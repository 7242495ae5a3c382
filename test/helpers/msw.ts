import { setupServer } from 'msw/node';

/** The one msw server of the test run; each test adds its own handlers with `server.use`. */
export const server: ReturnType<typeof setupServer> = setupServer();
