import { sleep } from '../retry.js';
import {
  type CallWindow,
  checkedMs,
  DEFAULT_SETTLE_MS,
  type ReconcileOptions,
  type Reconciler,
  type Reconciliation,
} from './contract.js';
import { undecided } from './undecided.js';

/** The most reads one reconciliation makes: a first, and two agreeing ones after it. */
const MAX_ROUNDS = 3;

/**
 * Runs a reconciler so that `not-applied` is only ever answered with proof: an `applied` answer
 * stands at once; `not-applied` needs two reads in a row that say so, the second made at least
 * {@link ReconcileOptions.settleMs} after the first (a request can sit in a queue, and a server
 * need not show a new record at once). One such read alone, or one that disagrees, leaves the
 * outcome `still-unknown`. A first answer that could not decide is read again once, after the
 * wait, only while the call may still be settling. At most three reads in all.
 */
export async function reconcileSettled(
  call: CallWindow,
  options: ReconcileOptions,
  reconciler: Reconciler,
): Promise<Reconciliation> {
  const settleMs = checkedMs(options.settleMs, DEFAULT_SETTLE_MS);
  let answer = await reconciler(call, options);
  let agreeing = answer.status === 'not-applied' ? 1 : 0;
  let rounds = 1;
  const more = (): boolean =>
    answer.status === 'not-applied' ||
    (rounds === 1 && answer.status === 'still-unknown' && Date.now() < call.endedAt + settleMs);
  while (answer.status !== 'applied' && agreeing < 2 && rounds < MAX_ROUNDS && more()) {
    try {
      await sleep(settleMs, options.signal);
    } catch {
      return undecided(call, 'The wait between two reads was aborted.', { ...answer.evidence, rounds });
    }
    answer = await reconciler(call, options);
    rounds++;
    agreeing = answer.status === 'not-applied' ? agreeing + 1 : 0;
  }
  answer.evidence.rounds = rounds;
  if (answer.status !== 'not-applied' || agreeing >= 2) {
    if (agreeing >= 2) answer.summary += ` Two reads ${settleMs / 1000} s apart agree.`;
    return answer;
  }
  return undecided(
    call,
    `${answer.summary} One read is not proof: call error.reconcile() again.`,
    answer.evidence,
  );
}
