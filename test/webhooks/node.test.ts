import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createWebhookHandler, toNodeListener, type WebhookEvent } from '../../src/webhooks/index.js';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function listen(allow: string[], maxBodyBytes?: number) {
  const events: WebhookEvent[] = [];
  const handler = createWebhookHandler({
    allow,
    onEvent: (event) => {
      events.push(event);
    },
    ...(maxBodyBytes !== undefined ? { maxBodyBytes } : {}),
  });
  const server = createServer(toNodeListener(handler));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, events };
}

/** A POST through node:http (no fetch interception), answering status and body. */
function send(
  port: number,
  body: string | Buffer,
  method = 'POST',
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path: '/hooks/bfinance' }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    // A server that answers before reading everything may reset the rest: the answer still counts.
    req.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error),
    );
    req.end(body);
  });
}

describe('toNodeListener', () => {
  it('passes the socket peer (IPv4-mapped on a dual-stack socket) and the body to the handler', async () => {
    const { port, events } = await listen(['127.0.0.1']);
    const answer = await send(port, JSON.stringify({ id: 'e1', type: 'transaction', data: { id: 't1' } }));
    expect(answer.status).toBe(200);
    expect(events.map((e) => [e.id, e.type, e.data.id])).toEqual([['e1', 'transaction', 't1']]);
  });

  it('refuses a peer off the allowlist with 403', async () => {
    const { port, events } = await listen(['203.0.113.0/24']);
    expect((await send(port, '{}')).status).toBe(403);
    expect(events).toEqual([]);
  });

  it('answers 405 to a GET and 413 to a body over the limit', async () => {
    const { port } = await listen(['127.0.0.1'], 1024);
    expect((await send(port, '', 'GET')).status).toBe(405);
    expect((await send(port, Buffer.alloc(64 * 1024, 0x20))).status).toBe(413);
  });
});
