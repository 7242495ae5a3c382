/**
 * What an error answer says about the call's `Idempotency-Key`:
 * - `reused`: the key was already used for a different request (nothing was done for this one);
 * - `processed`: a request with this key was already processed (no success body came with it);
 * - `in-progress`: a request with this key is still being processed.
 */
export type KeyAnswer = 'reused' | 'processed' | 'in-progress';

// bfinance documents that reusing a key for a different request "results in an error", without
// its status or wording [DOC api-integration/en/idempotency-key]; what a repeat or a concurrent
// request answers is not documented at all [INF]. So each meaning is recognised from a subject
// and what is said about it, as the error causes are (resources/domain-errors.ts), in any 4xx status.
// An API, access or encryption key is not the request's key ("API key does not match this account").
const KEY =
  /\b(idempoten\w*|(?<!\b(api|access|secret|public|private|encryption|signing|session|auth\w*|licen[cs]e|ssh|pgp)[\s_-]?)keys?)\b/i;
const DIFFERENT =
  /\b(different|differs?|differing|another|mismatch\w*|(does ?n[o']t|do ?n[o']t|not) match\w*|not (the )?same|non-?identical|not identical|changed|conflicting|inconsistent|other (request|payload|body|parameters|params|data))\b/i;
const OPERATION =
  /\b(idempoten\w*|keys?|requests?|operations?|transactions?|deposits?|withdrawals?|top-?ups?|transfers?)\b/i;
const IN_PROGRESS =
  /\b(in (progress|flight)|in-progress|ongoing|underway|being (processed|handled|executed|performed)|still (being )?(processing|processed|running|executing|pending)|currently (being )?(processing|processed|running|executing|locked)|(is|are) (processing|pending|locked)|concurrent\w*|not (yet )?(finished|completed?))\b/i;
const PROCESSED =
  /\b((already|previously) (been )?(processed|applied|completed|executed|handled|performed|received|submitted|accepted|done|made|used|exists?|succeeded|fulfilled|finished|in use)|(processed|applied|completed|executed|handled|performed|submitted) (already|before|earlier|previously)|(is|was) a duplicate|duplicated? (requests?|transactions?|operations?|keys?|idempotency|deposits?|withdrawals?|top-?ups?)|replay(ed)?)\b/i;

// "is not pending" / "not in progress" say the opposite.
const NEGATED = /\b(not|n't|no longer) (yet )?(be )?(pending|in progress|processing|locked)\b/i;

/** The meaning of an error message about the call's key, if it has one (see {@link KeyAnswer}). */
export function keyAnswer(message: string | undefined): KeyAnswer | undefined {
  if (message === undefined) return undefined;
  if (OPERATION.test(message) && IN_PROGRESS.test(message) && !NEGATED.test(message)) return 'in-progress';
  if (KEY.test(message) && DIFFERENT.test(message)) return 'reused';
  if (PROCESSED.test(message)) return 'processed';
  return undefined;
}
