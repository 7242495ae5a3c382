import { findDrift } from './drift.js';
import type { LogSink } from './logger.js';
import type { RequestSpec } from './spec.js';

// Bounds the memory of what was reported: past this many distinct paths a client stays quiet.
const MAX_REPORTED = 500;
// Drift shows in the first answers of an operation; after that a sample keeps it off the hot path.
const CHECK_FIRST = 25;
const CHECK_EVERY = 100;

/**
 * A reporter that logs one `warn` per operation, field path and kind per client when a parsed
 * response carries fields the schema does not know, or lacks or nulls documented ones: teams learn
 * of API changes before they become incidents. Paths are the API's field names, never values.
 * It does no work while `warn` is not logged, checks the first 25 answers of each operation and
 * every 100th after, and never throws. The check and the logging run after the call has resolved,
 * so neither a large body nor a slow or throwing logger delays or fails the call.
 */
export function createDriftReporter(log: LogSink): (spec: RequestSpec<unknown>, data: unknown) => void {
  const reported = new Set<string>();
  const seen = new Map<string, number>();
  const check = (spec: RequestSpec<unknown>, data: unknown): void => {
    for (const issue of findDrift(spec.schema as Parameters<typeof findDrift>[0], data)) {
      const key = `${spec.operation} ${issue.kind} ${issue.path}`;
      if (reported.has(key) || reported.size >= MAX_REPORTED) continue;
      reported.add(key);
      log.log('warn', 'response drift', {
        operation: spec.operation,
        path: spec.path.template,
        field: issue.path,
        drift: issue.kind,
      });
    }
  };
  return (spec, data) => {
    if (!log.enabled('warn') || reported.size >= MAX_REPORTED) return;
    const count = (seen.get(spec.operation) ?? 0) + 1;
    seen.set(spec.operation, count);
    if (count > CHECK_FIRST && count % CHECK_EVERY !== 0) return;
    // A timer, not a microtask: it runs once the call has resolved and its caller has resumed.
    setTimeout(() => {
      try {
        check(spec, data);
      } catch {
        // Nothing may escape a timer: drift is a report, and a broken one reports nothing.
      }
    }, 0);
  };
}
