import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { auditDetailsOf } from '../../http/audit-context.js';
import type { AuditService } from './audit.service.js';

function outcomeOf(status: number): string {
  if (status < 400) return 'ok';
  if (status === 401 || status === 403 || status === 423 || status === 429) return 'denied';
  if (status < 500) return 'rejected';
  return 'error';
}

/**
 * Appends one audit record for every request a route described with auditWith(...), and for every refused
 * request (401/403) even when no route got to describe it. Runs after the response so routes never wait on it;
 * a failure to append is logged at error level (the operator must see it).
 */
export function auditMiddleware(audit: AuditService, logger: Logger): RequestHandler {
  return (req, res, next) => {
    res.on('finish', () => {
      const details = auditDetailsOf(res);
      const refused = res.statusCode === 401 || res.statusCode === 403;
      if (!details && !refused) return;
      const actor = req.user ? { id: req.user.id, email: req.user.email } : (details?.actor ?? null);
      audit
        .append({
          userId: actor?.id ?? null,
          email: actor?.email ?? null,
          ip: req.ip ?? null,
          action: details?.action ?? 'access.refused',
          target: details?.target ?? (details ? null : `${req.method} ${req.baseUrl}${req.path}`.slice(0, 300)),
          params: details?.params ?? {},
          resultCount: details?.resultCount ?? null,
          outcome: `${outcomeOf(res.statusCode)} ${res.statusCode}`,
        })
        .catch((err: unknown) => logger.error({ err, action: details?.action }, 'could not append to the audit trail'));
    });
    next();
  };
}
