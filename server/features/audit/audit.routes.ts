import { Router } from 'express';
import { stringify } from 'csv-stringify/sync';
import { ANY_ROLE } from '../../domain/roles.js';
import { access } from '../../http/access.js';
import { auditWith } from '../../http/audit-context.js';
import { parseInput } from '../../http/validate.js';
import type { AuditRecord } from './audit.chain.js';
import type { AuditService } from './audit.service.js';
import { auditQuerySchema, canvasExportSchema, type AuditEntryView, type AuditListResponse, type AuditQuery, type AuditVerifyResponse } from './audit.schemas.js';

const EXPORT_MAX = 50_000;

function present(r: AuditRecord): AuditEntryView {
  let params: Record<string, unknown> = {};
  try {
    params = JSON.parse(r.params) as Record<string, unknown>;
  } catch {
    params = { unreadable: r.params };
  }
  return { seq: Number(r.seq), at: r.at, userId: r.userId ?? null, email: r.email ?? null, ip: r.ip ?? null, action: r.action, target: r.target ?? null, params, resultCount: r.resultCount ?? null, outcome: r.outcome, hash: r.hash };
}

const filterOf = (q: AuditQuery, limit: number) => ({
  user: q.user || null,
  action: q.action || null,
  from: q.from ?? null,
  to: q.to ?? null,
  beforeSeq: q.before ?? null,
  limit,
});

const filterParams = (q: AuditQuery) => Object.fromEntries(Object.entries({ user: q.user, action: q.action, from: q.from, to: q.to }).filter(([, v]) => v));

/** Admins only: browsing the trail is itself recorded. */
export function auditRoutes(audit: AuditService): Router {
  const router = Router();

  router.get('/audit', access({ roles: ['admin'] }), async (req, res) => {
    const q = parseInput(auditQuerySchema, req.query, 'query');
    const records = (await audit.list(filterOf(q, q.limit))).map(present);
    auditWith(res, { action: 'audit.view', params: filterParams(q), resultCount: records.length });
    const body: AuditListResponse = { records, nextBefore: records.length === q.limit ? records.at(-1)!.seq : null };
    res.json(body);
  });

  router.get('/audit/export.csv', access({ roles: ['admin'] }), async (req, res) => {
    const q = parseInput(auditQuerySchema.omit({ limit: true }), req.query, 'query');
    const records = (await audit.list(filterOf({ ...q, limit: EXPORT_MAX }, EXPORT_MAX))).map(present);
    auditWith(res, { action: 'audit.export', params: filterParams({ ...q, limit: EXPORT_MAX }), resultCount: records.length });
    const csv = stringify(
      records.map((r) => [r.seq, r.at, r.email ?? '', r.userId ?? '', r.ip ?? '', r.action, r.target ?? '', JSON.stringify(r.params), r.resultCount ?? '', r.outcome, r.hash]),
      { header: true, columns: ['seq', 'at', 'email', 'userId', 'ip', 'action', 'target', 'params', 'resultCount', 'outcome', 'hash'] },
    );
    res.set('Content-Type', 'text/csv; charset=utf-8').set('Content-Disposition', 'attachment; filename="moneytrail-audit.csv"').send(csv);
  });

  router.get('/audit/verify', access({ roles: ['admin'] }), async (_req, res) => {
    const result = await audit.verify();
    auditWith(res, { action: 'audit.verify', resultCount: result.records, params: { ok: result.ok } });
    const body: AuditVerifyResponse = result.ok
      ? { ok: true, records: result.records }
      : { ok: false, records: result.records, brokenSeq: result.problem.seq, reason: result.problem.reason };
    res.json(body);
  });

  router.post('/audit/exports', access({ roles: ANY_ROLE }), (req, res) => {
    const e = parseInput(canvasExportSchema, req.body, 'body');
    auditWith(res, { action: 'export.canvas', params: { format: e.format, scope: e.scope, edges: e.edges, nodeIds: e.nodeIds }, resultCount: e.nodes });
    res.status(204).end();
  });

  return router;
}
