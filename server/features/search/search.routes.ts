import { Router } from 'express';
import { ANY_ROLE } from '../../domain/roles.js';
import { access, viewerOf } from '../../http/access.js';
import { auditWith } from '../../http/audit-context.js';
import { parseInput } from '../../http/validate.js';
import type { SearchService } from './search.service.js';
import { searchQuerySchema } from './search.schemas.js';

export function searchRoutes(service: SearchService): Router {
  const router = Router();
  router.get('/search', access({ roles: ANY_ROLE }), async (req, res) => {
    auditWith(res, { action: 'search', params: { q: typeof req.query.q === 'string' ? req.query.q.slice(0, 200) : null } });
    const query = parseInput(searchQuerySchema, req.query, 'query');
    const params = { q: query.q, labels: query.labels ?? null, limit: query.limit };
    const result = await service.search(query, viewerOf(req));
    auditWith(res, { action: 'search', params, resultCount: result.hits.length });
    res.json(result);
  });
  return router;
}
