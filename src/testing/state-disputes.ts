import { fail, fromCents, text } from './errors.js';
import type { DisputeRecord } from './records.js';
import type { SandboxStore } from './state.js';
import { addTransaction } from './state-funds.js';

const MIN_EVIDENCE = 10;
const MAX_EVIDENCE = 65535;

/** `POST /disputes`: on a transaction of that card, one open dispute per transaction. */
export function createDispute(store: SandboxStore, body: Record<string, unknown>): DisputeRecord {
  const card = store.card(text(body.cardId) ?? fail(404, 'CARD_NOT_FOUND'));
  const ref = text(body.transactionId);
  const transaction = store.transactions.find(
    (t) => t.cardId === card.id && ref !== undefined && (t.id === ref || t.transactionId === ref),
  );
  if (transaction === undefined) fail(404, 'TRANSACTION_NOT_FOUND');
  const evidence = body.textEvidence;
  if (typeof evidence !== 'string' || evidence.length < MIN_EVIDENCE || evidence.length > MAX_EVIDENCE) {
    fail(400, 'TEXT_EVIDENCE_LENGTH');
  }
  const files = body.files ?? [];
  if (!Array.isArray(files) || !files.every((f): f is string => typeof f === 'string'))
    fail(400, 'FILES_INVALID');
  const open = [...store.disputes.values()].some(
    (d) => d.transactionId === transaction.id && (d.status === 'pending' || d.status === 'accepted'),
  );
  if (open) fail(409, 'DISPUTE_EXISTS');
  const dispute: DisputeRecord = {
    id: store.random.id(),
    cardId: card.id,
    transactionId: transaction.id,
    status: 'pending',
    textEvidence: evidence,
    files: [...files],
    createdAt: store.now(),
  };
  store.disputes.set(dispute.id, dispute);
  return dispute;
}

/** `POST /disputes/{id}/cancel`: only while pending. */
export function cancelDispute(store: SandboxStore, id: string): DisputeRecord {
  const dispute = store.dispute(id);
  if (dispute.status !== 'pending') fail(400, 'DISPUTE_NOT_PENDING');
  dispute.status = 'cancelled';
  return dispute;
}

/** Control: the reviewer's decision. An accepted dispute refunds the disputed amount to the card. */
export function resolveDispute(
  store: SandboxStore,
  id: string,
  status: 'accepted' | 'rejected' | 'closed',
  response?: string,
): DisputeRecord {
  const dispute = store.dispute(id);
  if (dispute.status !== 'pending') fail(400, 'DISPUTE_NOT_PENDING');
  dispute.status = status;
  if (response !== undefined) dispute.response = response;
  if (status === 'accepted') {
    const original = store.transactions.find((t) => t.id === dispute.transactionId);
    if (original !== undefined && original.status !== 'declined') {
      addTransaction(store, dispute.cardId, {
        amount: fromCents(original.amountCents),
        type: 'refund',
        merchant: original.merchant,
        currency: original.currency,
      });
    }
  }
  return dispute;
}
