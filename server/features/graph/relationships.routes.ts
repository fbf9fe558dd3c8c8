import { Router } from 'express';
import { ANY_ROLE } from '../../domain/roles.js';
import { access, viewerOf } from '../../http/access.js';
import { auditWith } from '../../http/audit-context.js';
import { parseInput } from '../../http/validate.js';
import type { RelationshipsService } from './relationships.service.js';
import { relationshipsAmongBodySchema } from './relationships.schemas.js';

export function relationshipsRoutes(service: RelationshipsService): Router {
  const router = Router();

  /** POST (not GET): the id lists of a query result and a canvas do not fit in a URL */
  router.post('/relationships/among', access({ roles: ANY_ROLE }), async (req, res) => {
    const body = parseInput(relationshipsAmongBodySchema, req.body ?? {}, 'body');
    const result = await service.among(viewerOf(req), body);
    auditWith(res, {
      action: 'graph.relationships',
      target: null,
      params: { ids: body.ids.length, canvas: body.canvas.length, limit: body.limit, truncated: result.truncated },
      resultCount: result.edges.length,
    });
    res.json(result);
  });

  return router;
}
