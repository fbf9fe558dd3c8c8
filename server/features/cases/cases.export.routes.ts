import { Router } from 'express';
import { ANY_ROLE } from '../../domain/roles.js';
import { AppError } from '../../errors.js';
import { access } from '../../http/access.js';
import { auditWith } from '../../http/audit-context.js';
import { parseInput } from '../../http/validate.js';
import { domainsCsv, eligible, paymentsCsv } from './cases.blocking.js';
import type { CasesCollabService } from './cases.collab.service.js';
import { actorOf } from './cases.http.js';
import { htmlToPdf } from './cases.pdf.js';
import { reportCsp, reportHtml } from './cases.report.js';
import type { CasesService } from './cases.service.js';
import { blockingParamsSchema, blockingQuerySchema, caseIdParamsSchema, reportQuerySchema } from './cases.schemas.js';

/** Taking a case out: the report (HTML / PDF) and blocking lists for partners. Both are audited. */
export function casesExportRoutes(cases: CasesService, collab: CasesCollabService): Router {
  const router = Router();

  router.get('/cases/:id/report', access({ roles: ANY_ROLE }), async (req, res) => {
    const { id } = parseInput(caseIdParamsSchema, req.params, 'path');
    const { version, format } = parseInput(reportQuerySchema, req.query, 'query');
    auditWith(res, { action: 'case.report', target: id, params: { version: version ?? null, format } });
    const actor = actorOf(req);
    const detail = await cases.open(actor, id, version);
    const comments = await collab.comments(actor, id);
    const html = reportHtml({ summary: detail.case, version: detail.version, comments, reader: actor.email, generatedAt: cases.now() });
    auditWith(res, { action: 'case.report', target: id, params: { version: detail.version.number, format }, resultCount: detail.version.content.nodes.length });
    const name = `case-${id.slice(5, 13)}-v${detail.version.number}`;
    if (format === 'pdf') {
      const pdf = await htmlToPdf(html);
      res.type('application/pdf').set('Content-Disposition', `attachment; filename="${name}.pdf"`).send(pdf);
      return;
    }
    res.set('Content-Security-Policy', reportCsp()).type('text/html; charset=utf-8').send(html);
  });

  // Supervisors decide what goes to partners (README § Cases): blocking lists are theirs to export.
  router.get('/cases/:id/blocking-lists/:kind', access({ roles: ['supervisor'] }), async (req, res) => {
    const { id, kind } = parseInput(blockingParamsSchema, req.params, 'path');
    const { version, uids } = parseInput(blockingQuerySchema, req.query, 'query');
    auditWith(res, { action: 'case.blocking-list', target: id, params: { kind, version: version ?? null } });
    const actor = actorOf(req);
    const detail = await cases.open(actor, id, version);
    const nodes = eligible(kind, detail.version.content.nodes, uids);
    if (uids && nodes.length === 0) throw new AppError('bad_request', 400, `query parameter "uids": none of these entities is a ${kind === 'payments' ? 'payment or merchant account' : 'domain'} of this case version`);
    const csv =
      kind === 'payments'
        ? paymentsCsv(detail.case, detail.version, nodes)
        : domainsCsv(detail.case, detail.version, nodes, await cases.repo.domainEvidence(nodes.map((n) => n.uid), actor.viewer));
    auditWith(res, { action: 'case.blocking-list', target: id, params: { kind, version: detail.version.number, entities: nodes.map((n) => n.uid) }, resultCount: nodes.length });
    res
      .type('text/csv; charset=utf-8')
      .set('Content-Disposition', `attachment; filename="blocking-${kind}-${id.slice(5, 13)}-v${detail.version.number}.csv"`)
      .send(csv);
  });

  return router;
}
