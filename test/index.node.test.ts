import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as portable from '../src/index.js';
import * as node from '../src/index.node.js';
import { letLoopbackThroughMsw, type ScriptedServer, startScriptedServer } from './helpers/http-server.js';

// Each package entry passes its own default sender to the shared client; the build only picks
// the entry (src/index.node.ts for dist/node, src/index.ts for dist/edge), so these run the code
// dist runs.
describe('package entries', () => {
  let server: ScriptedServer;
  beforeEach(async () => {
    letLoopbackThroughMsw();
    server = await startScriptedServer();
  });
  afterEach(() => server.close());

  async function userAgentOf(Client: typeof portable.CardsClient, options: portable.CardsClientOptions = {}) {
    server.enqueue({ status: 404, body: { status: 'error', message: 'Card not found' } });
    const client = new Client({
      apiToken: 'entry-token',
      baseUrl: `${server.origin}/external/api`,
      maxRetries: 0,
      ...options,
    });
    await expect(client.cards.retrieve('card_1')).rejects.toBeInstanceOf(portable.CardsError);
    return String(server.requests.at(-1)?.headers['user-agent']);
  }

  it('the Node entry sends through undici by default', async () => {
    expect(await userAgentOf(node.CardsClient)).toMatch(/; undici\)$/);
  });

  it('the portable entry sends through the global fetch by default', async () => {
    expect(await userAgentOf(portable.CardsClient)).toMatch(/; fetch\)$/);
  });

  it('a caller-given fetch wins on the Node entry too', async () => {
    expect(await userAgentOf(node.CardsClient, { fetch: (input, init) => fetch(input, init) })).toMatch(
      /; fetch\)$/,
    );
  });

  it('exports the same names, the same error classes, and a client of the shared class', () => {
    expect(Object.keys(node).sort()).toEqual(Object.keys(portable).sort());
    const nodeExports = new Map(Object.entries(node));
    for (const [name, value] of Object.entries(portable)) {
      if (name !== 'CardsClient') expect(nodeExports.get(name), name).toBe(value);
    }
    expect(node.CardsClient).not.toBe(portable.CardsClient);
    expect(new node.CardsClient({ apiToken: 't' })).toBeInstanceOf(portable.CardsClient);
  });
});
