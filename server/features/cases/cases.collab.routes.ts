import { Router } from 'express';
import { ANY_ROLE } from '../../domain/roles.js';
import { access } from '../../http/access.js';
import { auditWith } from '../../http/audit-context.js';
import { parseInput } from '../../http/validate.js';
import type { CasesCollabService } from './cases.collab.service.js';
import { actorOf } from './cases.http.js';
import { caseIdParamsSchema, commentSchema, setSharesSchema, transferSchema } from './cases.schemas.js';

/** Sharing, ownership, comments and mentions, the activity feed and "what changed since saved". */
export function casesCollabRoutes(service: CasesCollabService): Router {
  const router = Router();
  const anyone = access({ roles: ANY_ROLE });

  router.get('/case-mentions', anyone, async (req, res) => {
    const mentions = await service.mentions(actorOf(req));
    auditWith(res, { action: 'case.mentions', resultCount: mentions.length });
    res.json({ mentions });
  });

  router.put('/cases/:id/shares', anyone, async (req, res) => {
    const { id } = parseInput(caseIdParamsSchema, req.params, 'path');
    auditWith(res, { action: 'case.share', target: id });
    const { shares } = parseInput(setSharesSchema, req.body, 'body');
    const saved = await service.setShares(actorOf(req), id, shares);
    auditWith(res, { action: 'case.share', target: id, params: { shares: saved.map((s) => `${s.kind}:${s.principal}:${s.role}`) }, resultCount: saved.length });
    res.json({ shares: saved });
  });

  router.post('/cases/:id/transfer', anyone, async (req, res) => {
    const { id } = parseInput(caseIdParamsSchema, req.params, 'path');
    auditWith(res, { action: 'case.transfer', target: id });
    const { to } = parseInput(transferSchema, req.body, 'body');
    const owner = await service.transfer(actorOf(req), id, to);
    auditWith(res, { action: 'case.transfer', target: id, params: { to: owner.ownerId } });
    res.json(owner);
  });

  router.get('/cases/:id/comments', anyone, async (req, res) => {
    const { id } = parseInput(caseIdParamsSchema, req.params, 'path');
    auditWith(res, { action: 'case.comments', target: id });
    const comments = await service.comments(actorOf(req), id);
    auditWith(res, { action: 'case.comments', target: id, resultCount: comments.length });
    res.json({ comments });
  });

  router.post('/cases/:id/comments', anyone, async (req, res) => {
    const { id } = parseInput(caseIdParamsSchema, req.params, 'path');
    auditWith(res, { action: 'case.comment', target: id });
    const input = parseInput(commentSchema, req.body, 'body');
    const result = await service.comment(actorOf(req), id, input);
    auditWith(res, { action: 'case.comment', target: id, params: { comment: result.comment.id, entity: input.entityUid ?? null, mentions: result.comment.mentions } });
    res.status(201).json(result);
  });

  router.get('/cases/:id/activity', anyone, async (req, res) => {
    const { id } = parseInput(caseIdParamsSchema, req.params, 'path');
    auditWith(res, { action: 'case.activity', target: id });
    const activity = await service.activity(actorOf(req), id);
    auditWith(res, { action: 'case.activity', target: id, resultCount: activity.length });
    res.json({ activity });
  });

  router.get('/cases/:id/changes', anyone, async (req, res) => {
    const { id } = parseInput(caseIdParamsSchema, req.params, 'path');
    auditWith(res, { action: 'case.changes', target: id });
    const changes = await service.changes(actorOf(req), id);
    auditWith(res, { action: 'case.changes', target: id, params: { version: changes.version }, resultCount: changes.changes.length });
    res.json(changes);
  });

  return router;
}
