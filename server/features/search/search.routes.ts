import { Router } from 'express';
import { parseInput } from '../../http/validate.js';
import type { SearchService } from './search.service.js';
import { searchQuerySchema } from './search.schemas.js';

export function searchRoutes(service: SearchService): Router {
  const router = Router();
  router.get('/search', async (req, res) => {
    const query = parseInput(searchQuerySchema, req.query, 'query');
    res.json(await service.search(query));
  });
  return router;
}
