import { Router } from 'express';
import { ANY_ROLE } from '../../domain/roles.js';
import { access, viewerOf } from '../../http/access.js';
import { auditWith } from '../../http/audit-context.js';
import { parseInput } from '../../http/validate.js';
import type { GraphService } from './graph.service.js';
import { neighboursQuerySchema, nodeIdParamsSchema } from './graph.schemas.js';

export function graphRoutes(service: GraphService): Router {
  const router = Router();

  router.get('/nodes/:id', access({ roles: ANY_ROLE }), async (req, res) => {
    const { id } = parseInput(nodeIdParamsSchema, req.params, 'path');
    auditWith(res, { action: 'graph.node', target: id });
    const node = await service.getNode(id, viewerOf(req));
    auditWith(res, { action: 'graph.node', target: id, resultCount: 1 });
    res.json(node);
  });

  router.get('/nodes/:id/neighbours', access({ roles: ANY_ROLE }), async (req, res) => {
    const { id } = parseInput(nodeIdParamsSchema, req.params, 'path');
    auditWith(res, { action: 'graph.expand', target: id });
    const query = parseInput(neighboursQuerySchema, req.query, 'query');
    const params = { direction: query.direction, types: query.types ?? null, limit: query.limit };
    auditWith(res, { action: 'graph.expand', target: id, params });
    const result = await service.neighbours(id, query, viewerOf(req));
    auditWith(res, { action: 'graph.expand', target: id, params, resultCount: result.nodes.length });
    res.json(result);
  });

  return router;
}
