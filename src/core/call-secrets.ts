import type { LogFields, LogSink } from './logger.js';
import { redactValue } from './redact.js';
import type { TransportConfig } from './transport.js';

/**
 * The transport configuration for one call that sends `secrets` (a PIN, an activation code): its
 * errors, log lines and audit events mask them as well as the client's tokens. Calls without
 * secrets never come here, so they pay nothing for it.
 */
export function withCallSecrets(config: TransportConfig, secrets: readonly string[]): TransportConfig {
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
