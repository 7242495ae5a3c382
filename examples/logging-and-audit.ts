// Logs you can operate and an audit trail of every card issuance, money movement and state change.
import type { AuditEvent, Logger } from 'bfinance-cards';
import { connect } from './connect.js';

// A (message, meta) logger such as winston needs a two-line adapter; console and pino fit as they are.
const winstonLike = {
  log: (level: string, message: string, meta: object) => console.log(level, message, meta),
};
const to = (level: string) => (fields: unknown, message: unknown) =>
  winstonLike.log(level, String(message), fields as object);
const adapter: Logger = { debug: to('debug'), info: to('info'), warn: to('warn'), error: to('error') };

const trail: AuditEvent[] = [];
const { client, typeId, close } = await connect({
  logger: adapter,
  logLevel: 'info',
  // Called once per call that reached bfinance, when its outcome is known; may return a promise.
  onAudit: async (event) => {
    trail.push(event);
  },
});

const card = await client.cards.issue({
  model: 'card',
  typeId,
  initialBalance: 10,
  firstName: 'Ada',
  lastName: 'Lovelace',
});
await client.funds.topUp(
  card,
  { amount: '12.50', note: 'order 1001' },
  { idempotencyKey: 'topup-order-1001' },
);
await client.status.freeze(card);
await client.funds.withdraw(card, { amount: 1_000_000 }).catch(() => undefined);

// In a serverless handler, wait for the hook's promises before returning.
await client.auditSettled();
for (const e of trail) {
  console.log(
    `audit: ${e.operation} ${e.outcome}${e.error ? ` (${e.error})` : ''} card=${e.cardId ?? e.createdId} amount=${e.amount ?? '-'}`,
  );
}

// console itself prints one line per event.
const { client: plain, close: closePlain } = await connect({ logger: console, logLevel: 'debug' });
await plain.funds.balance();
await closePlain();
await close();
