/**
 * Resolves once every drift check scheduled so far has run: the client checks a response for drift
 * in a 0 ms timer after the call resolves, and timers of one delay run in the order they were set.
 */
export function driftChecked(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
