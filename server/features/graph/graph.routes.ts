import { Router } from 'express';
import { parseInput } from '../../http/validate.js';
import type { GraphService } from './graph.service.js';
import { neighboursQuerySchema, nodeIdParamsSchema } from './graph.schemas.js';

export function graphRoutes(service: GraphService): Router {
  const router = Router();

  router.get('/nodes/:id', async (req, res) => {
    const { id } = parseInput(nodeIdParamsSchema, req.params, 'path');
    res.json(await service.getNode(id));
  });

  router.get('/nodes/:id/neighbours', async (req, res) => {
    const { id } = parseInput(nodeIdParamsSchema, req.params, 'path');
    const query = parseInput(neighboursQuerySchema, req.query, 'query');
    res.json(await service.neighbours(id, query));
  });

  return router;
}
