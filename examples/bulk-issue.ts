// Issue a card per employee and fund them on payday, each exactly once even if a run is killed and
// started again (bfinance-cards/bulk). Runs against an in-process sandbox; BFINANCE_SANDBOX_URL
// points it at a running bfinance-cards-sandbox (see examples/connect.ts).
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueCards, topUpCards } from 'bfinance-cards/bulk';
import { connect } from './connect.js';

const { client, typeId, sandbox, close } = await connect();
const dir = await mkdtemp(join(tmpdir(), 'payroll-'));

// Sandbox only: one issuance is applied, then its answer is lost.
sandbox?.faults.next('reset-after-apply', { match: { method: 'POST', path: '/cards/issue' } });

const staff = [
  {
    ref: 'E-1001',
    model: 'card' as const,
    typeId,
    initialBalance: 50,
    firstName: 'Ada',
    lastName: 'Lovelace',
  },
  {
    ref: 'E-1002',
    model: 'card' as const,
    typeId,
    initialBalance: 50,
    firstName: 'Grace',
    lastName: 'Hopper',
  },
  {
    ref: 'E-1003',
    model: 'card' as const,
    typeId,
    initialBalance: 50,
    firstName: 'Alan',
    lastName: 'Turing',
  },
];
const journal = join(dir, 'cards.journal');
const issued = await issueCards(client, staff, {
  journal,
  onProgress: ({ done, total }) => console.log(`issued ${done}/${total}`),
});
for (const row of issued.rows)
  console.log(`${row.ref}: ${row.outcome}, card ${row.cardId} ending ${row.last4}`);

// The same rows and journal again (after a crash, say): applied rows are skipped, nothing is sent.
const again = await issueCards(client, staff, { journal });
console.log(`run again: ${again.rows.filter((row) => row.fromJournal).length} rows already applied`);

// Payday: a new journal is a new batch, so the same refs get new idempotency keys.
const pay = issued.rows.map((row) => ({
  ref: row.ref,
  card: String(row.cardId),
  amount: '25.00',
  note: 'December',
}));
const paid = await topUpCards(client, pay, { journal: join(dir, 'december.journal') });
console.log(`payday: ${paid.applied} applied, ${paid.refused} refused, ${paid.unknown} unknown`);
await close();
