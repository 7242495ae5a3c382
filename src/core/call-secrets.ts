import type { ErrorFactory } from './error-factory.js';
import type { AuditTrail } from './hooks/audit.js';
import type { LogFields, LogSink } from './logger.js';
import { redactValue } from './redact/index.js';

/**
 * The transport configuration for one call that sends `secrets` (a PIN, an activation code): its
 * errors, log lines and audit events mask them as well as the client's tokens. Calls without
 * secrets never come here, so they pay nothing for it.
 */
export function withCallSecrets<C extends { errors: ErrorFactory; log: LogSink; audit: AuditTrail }>(
  config: C,
  secrets: readonly string[],
): C {
  const log = config.log;
  const scoped: LogSink = {
    enabled: (level) => log.enabled(level),
    log(level, message, fields) {
      if (log.enabled(level)) log.log(level, message, redactValue(fields, secrets) as LogFields);
    },
  };
  return {
    ...config,
    errors: config.errors.withSecrets(secrets),
    log: scoped,
    audit: config.audit.withSecrets(secrets),
  };
}
