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
 * every 100th after, and never throws.
 */
export function createDriftReporter(log: LogSink): (spec: RequestSpec<unknown>, data: unknown) => void {
  const reported = new Set<string>();
  const seen = new Map<string, number>();
  return (spec, data) => {
    if (!log.enabled('warn') || reported.size >= MAX_REPORTED) return;
    const count = (seen.get(spec.operation) ?? 0) + 1;
    seen.set(spec.operation, count);
    if (count > CHECK_FIRST && count % CHECK_EVERY !== 0) return;
    let issues: ReturnType<typeof findDrift>;
    try {
      issues = findDrift(spec.schema as Parameters<typeof findDrift>[0], data);
    } catch {
      return;
    }
    for (const issue of issues) {
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
}
