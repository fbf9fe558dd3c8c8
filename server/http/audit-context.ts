import type { Response } from 'express';

/**
 * What a route tells the audit trail about the request it served. Routes only describe the act; the audit
 * middleware (features/audit) adds who, when and from where and appends it to the hash chain once the response
 * is sent, so no route can forget the bookkeeping or write half of it.
 */
export interface AuditDetails {
  /** dotted verb, e.g. "search", "graph.expand", "import.run", "case.view" */
  action: string;
  /** what was acted on: an entity uid, case id, import id… */
  target?: string | null;
  /** the parameters that shaped the result (never secrets or card numbers) */
  params?: Record<string, unknown>;
  /** how many results the user was shown */
  resultCount?: number | null;
  /** who acted when no one is signed in yet (a failed sign-in names the e-mail that was tried) */
  actor?: { id: string | null; email: string } | null;
}

export function auditWith(res: Response, details: AuditDetails): void {
  res.locals.audit = details;
}

export function auditDetailsOf(res: Response): AuditDetails | undefined {
  return res.locals.audit as AuditDetails | undefined;
}
