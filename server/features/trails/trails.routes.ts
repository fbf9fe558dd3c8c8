import { Router } from 'express';
import { ANY_ROLE } from '../../domain/roles.js';
import { access, viewerOf } from '../../http/access.js';
import { auditWith } from '../../http/audit-context.js';
import { parseInput } from '../../http/validate.js';
import { nodeIdParamsSchema } from '../graph/graph.schemas.js';
import type { TrailsService } from './trails.service.js';
import {
  accountFlowsQuerySchema,
  connectionsQuerySchema,
  flowTransactionsQuerySchema,
  moneyTrailQuerySchema,
  pathsQuerySchema,
} from './trails.schemas.js';

const EXPLORERS = access({ roles: ANY_ROLE });

export function trailsRoutes(service: TrailsService): Router {
  const router = Router();

  router.get('/paths', EXPLORERS, async (req, res) => {
    const q = parseInput(pathsQuerySchema, req.query, 'query');
    const body = await service.paths(viewerOf(req), q);
    auditWith(res, { action: 'graph.paths', target: `${q.from} -> ${q.to}`, params: { maxLength: q.maxLength, types: q.types ?? null }, resultCount: body.paths.length });
    res.json(body);
  });

  router.get('/connections', EXPLORERS, async (req, res) => {
    const q = parseInput(connectionsQuerySchema, req.query, 'query');
    const body = await service.connections(viewerOf(req), q);
    auditWith(res, { action: 'graph.connections', target: q.ids.join(','), params: { maxLength: q.maxLength, types: q.types ?? null }, resultCount: body.paths.length });
    res.json(body);
  });

  router.get('/trails/money', EXPLORERS, async (req, res) => {
    const q = parseInput(moneyTrailQuerySchema, req.query, 'query');
    const body = await service.moneyTrail(viewerOf(req), q);
    auditWith(res, {
      action: 'trail.follow-money',
      target: q.from,
      params: { direction: q.direction, maxHops: q.maxHops, minAmount: q.minAmount ?? null, dateFrom: q.dateFrom ?? null, dateTo: q.dateTo ?? null },
      resultCount: body.flows.length,
    });
    res.json(body);
  });

  router.get('/trails/flow-transactions', EXPLORERS, async (req, res) => {
    const q = parseInput(flowTransactionsQuerySchema, req.query, 'query');
    const body = await service.flowTransactions(viewerOf(req), q);
    auditWith(res, { action: 'trail.flow-transactions', target: `${q.source} -> ${q.target}`, resultCount: body.nodes.length });
    res.json(body);
  });

  router.get('/nodes/:id/flows', EXPLORERS, async (req, res) => {
    const { id } = parseInput(nodeIdParamsSchema, req.params, 'path');
    const q = parseInput(accountFlowsQuerySchema, req.query, 'query');
    const body = await service.accountFlows(viewerOf(req), id, q);
    auditWith(res, { action: 'trail.account-flows', target: id, params: { direction: q.direction }, resultCount: body.flows.length });
    res.json(body);
  });

  return router;
}
