// The fixture server: plain node:http on 127.0.0.1, run in its own process so its CPU never
// counts against the client being measured. Prints `{"port":N}` once listening and exits when
// its parent closes stdin (or dies), so a crashed benchmark leaves no server behind.
import { createServer } from 'node:http';
import { CARD_BODY, CARD_ID, TOP_UP_BODY } from './fixtures.mjs';

const card = Buffer.from(CARD_BODY);
const topUp = Buffer.from(TOP_UP_BODY);
const notFound = Buffer.from(JSON.stringify({ status: 'error', message: 'Not found' }));
const CARD_PATH = `/cards/${CARD_ID}`;
const TOP_UP_PATH = `${CARD_PATH}/topup`;

function send(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': body.length });
  res.end(body);
}

const server = createServer({ keepAliveTimeout: 120_000 }, (req, res) => {
  if (req.method === 'GET' && req.url === CARD_PATH) return send(res, 200, card);
  if (req.method === 'POST' && req.url === TOP_UP_PATH) {
    // Read the whole request body, as a real server would, before answering.
    req.on('data', () => undefined);
    req.on('end', () => send(res, 200, topUp));
    return;
  }
  req.resume();
  send(res, 404, notFound);
});
server.headersTimeout = 130_000;
server.requestTimeout = 0;

server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
});
process.stdin.on('end', () => process.exit(0));
process.stdin.on('close', () => process.exit(0));
process.stdin.resume();
