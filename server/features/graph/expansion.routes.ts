import { Router } from 'express';
import { ANY_ROLE } from '../../domain/roles.js';
import { access, viewerOf } from '../../http/access.js';
import { auditWith } from '../../http/audit-context.js';
import { parseInput } from '../../http/validate.js';
import { nodeIdParamsSchema } from './graph.schemas.js';
import type { ExpansionService } from './expansion.service.js';
import { expandQuerySchema } from './expansion.schemas.js';

/** Controlled expansion (top N by a measure, next N by cursor) and the side panel's totals and reports. */
export function expansionRoutes(service: ExpansionService): Router {
  const router = Router();

  router.get('/nodes/:id/expand', access({ roles: ANY_ROLE }), async (req, res) => {
    const { id } = parseInput(nodeIdParamsSchema, req.params, 'path');
    const q = parseInput(expandQuerySchema, req.query, 'query');
    const body = await service.expand(viewerOf(req), id, q);
    auditWith(res, {
      action: 'graph.expand',
      target: id,
      params: { types: q.types ?? null, direction: q.direction, measure: q.measure, limit: q.limit, next: q.cursor !== undefined },
      resultCount: body.edges.length,
    });
    res.json(body);
  });

  router.get('/nodes/:id/summary', access({ roles: ANY_ROLE }), async (req, res) => {
    const { id } = parseInput(nodeIdParamsSchema, req.params, 'path');
    const body = await service.summary(viewerOf(req), id);
    auditWith(res, { action: 'graph.summary', target: id, resultCount: body.reports.length });
    res.json(body);
  });

  return router;
}
