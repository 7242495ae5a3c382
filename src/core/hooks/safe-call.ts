/**
 * Calls a function of the caller's (a logger method, an audit hook) so that nothing it does can
 * change or delay the SDK's call: a throw is swallowed, a returned promise is never awaited and its
 * rejection is swallowed, and `report` hears of the first failure only. Returns the function's
 * promise, if it returned one, already made harmless, for callers that want to wait for it.
 */
export function callSafely(fn: () => unknown, report: (error: unknown) => void): Promise<void> | undefined {
  let result: unknown;
  try {
    result = fn();
  } catch (error) {
    report(error);
    return undefined;
  }
  if (result === null || (typeof result !== 'object' && typeof result !== 'function')) return undefined;
  let then: unknown;
  try {
    then = (result as { then?: unknown }).then;
  } catch (error) {
    report(error);
    return undefined;
  }
  if (typeof then !== 'function') return undefined;
  return new Promise<void>((resolve) => {
    try {
      (then as (ok: () => void, bad: (error: unknown) => void) => void).call(
        result,
        () => resolve(),
        (error: unknown) => {
          report(error);
          resolve();
        },
      );
    } catch (error) {
      report(error);
      resolve();
    }
  });
}

interface WarningProcess {
  emitWarning?: (message: string, options?: { type?: string; code?: string }) => void;
}

/**
 * A reporter that emits one process warning the first time it is called (where `process` exists)
 * and stays silent after, so a broken logger or hook is noticed without flooding. The warning
 * names what failed, never what it threw (which could hold anything).
 */
export function warnOnce(what: string): (error: unknown) => void {
  let warned = false;
  return () => {
    if (warned) return;
    warned = true;
    const proc = (globalThis as { process?: WarningProcess }).process;
    try {
      proc?.emitWarning?.(`bfinance-cards: ${what} threw or rejected; the SDK ignores its failures.`, {
        type: 'BfinanceCardsWarning',
        code: 'BFINANCE_CARDS_HOOK_FAILED',
      });
    } catch {
      // A process whose emitWarning throws has nowhere else to report to.
    }
  };
}
