import { Router } from 'express';
import { ANY_ROLE } from '../../domain/roles.js';
import { access } from '../../http/access.js';
import { auditWith } from '../../http/audit-context.js';
import { parseInput } from '../../http/validate.js';
import { z } from 'zod';
import { actorOf } from './cases.http.js';
import type { CasesService } from './cases.service.js';
import {
  branchSchema,
  CASE_STATUSES,
  caseIdParamsSchema,
  compareQuerySchema,
  createCaseSchema,
  draftSchema,
  restoreSchema,
  saveVersionSchema,
  updateCaseSchema,
  versionParamsSchema,
} from './cases.schemas.js';

/** a page of the case list is at most this long (default CASE_PAGE) */
const MAX_CASE_PAGE = 200;
const CASE_PAGE = 50;
const listQuerySchema = z.object({
  status: z.enum(CASE_STATUSES, { message: 'status is open, under_review or closed' }).optional(),
  limit: z.coerce.number().int('limit is a whole number').min(1, 'limit is at least 1').max(MAX_CASE_PAGE, `limit is at most ${MAX_CASE_PAGE}`).default(CASE_PAGE),
  /** "next" of the previous page */
  cursor: z.string().min(1).max(600, 'not a cursor from this list').optional(),
});
const SCRATCH = 'new';

/** Cases, versions (save, open, compare, restore, branch) and autosave drafts. Every view and change is audited. */
export function casesRoutes(service: CasesService): Router {
  const router = Router();
  const anyone = access({ roles: ANY_ROLE });

  router.get('/cases', anyone, async (req, res) => {
    const { status, limit, cursor } = parseInput(listQuerySchema, req.query, 'query');
    const page = await service.list(actorOf(req), status ?? null, { cursor: cursor ?? null, limit });
    auditWith(res, { action: 'case.list', params: { ...(status ? { status } : {}), ...(cursor ? { page: 'next' } : {}) }, resultCount: page.cases.length });
    res.json(page);
  });

  router.post('/cases', access({ roles: ['analyst', 'supervisor'] }), async (req, res) => {
    auditWith(res, { action: 'case.create' });
    const input = parseInput(createCaseSchema, req.body, 'body');
    const detail = await service.create(actorOf(req), input);
    await service.repo.deleteDraft(`${SCRATCH}|${req.user!.id}`);
    auditWith(res, { action: 'case.create', target: detail.case.id, params: { title: input.title }, resultCount: detail.version.content.nodes.length });
    res.status(201).json(detail);
  });

  router.get('/cases/:id', anyone, async (req, res) => {
    const { id } = parseInput(caseIdParamsSchema, req.params, 'path');
    auditWith(res, { action: 'case.view', target: id });
    const detail = await service.open(actorOf(req), id);
    auditWith(res, { action: 'case.view', target: id, params: { version: detail.version.number }, resultCount: detail.version.content.nodes.length });
    res.json(detail);
  });

  router.patch('/cases/:id', anyone, async (req, res) => {
    const { id } = parseInput(caseIdParamsSchema, req.params, 'path');
    auditWith(res, { action: 'case.update', target: id });
    const change = parseInput(updateCaseSchema, req.body, 'body');
    auditWith(res, { action: 'case.update', target: id, params: { ...change, description: change.description === undefined ? undefined : '(changed)' } });
    res.json({ case: await service.update(actorOf(req), id, change) });
  });

  router.get('/cases/:id/versions', anyone, async (req, res) => {
    const { id } = parseInput(caseIdParamsSchema, req.params, 'path');
    auditWith(res, { action: 'case.history', target: id });
    const versions = await service.versions(actorOf(req), id);
    auditWith(res, { action: 'case.history', target: id, resultCount: versions.length });
    res.json({ versions });
  });

  router.post('/cases/:id/versions', anyone, async (req, res) => {
    const { id } = parseInput(caseIdParamsSchema, req.params, 'path');
    auditWith(res, { action: 'case.save', target: id });
    const input = parseInput(saveVersionSchema, req.body, 'body');
    auditWith(res, { action: 'case.save', target: id, params: { baseVersion: input.baseVersion, message: input.message } });
    const detail = await service.save(actorOf(req), id, input);
    auditWith(res, { action: 'case.save', target: id, params: { baseVersion: input.baseVersion, version: detail.version.number, message: input.message }, resultCount: detail.version.content.nodes.length });
    res.status(201).json(detail);
  });

  router.get('/cases/:id/versions/:n', anyone, async (req, res) => {
    const { id, n } = parseInput(versionParamsSchema, req.params, 'path');
    auditWith(res, { action: 'case.view', target: id, params: { version: n } });
    const detail = await service.open(actorOf(req), id, n);
    auditWith(res, { action: 'case.view', target: id, params: { version: n }, resultCount: detail.version.content.nodes.length });
    res.json(detail);
  });

  router.post('/cases/:id/versions/:n/restore', anyone, async (req, res) => {
    const { id, n } = parseInput(versionParamsSchema, req.params, 'path');
    auditWith(res, { action: 'case.restore', target: id, params: { version: n } });
    const input = parseInput(restoreSchema, req.body, 'body');
    const detail = await service.restore(actorOf(req), id, n, input.baseVersion, input.message);
    auditWith(res, { action: 'case.restore', target: id, params: { restored: n, version: detail.version.number } });
    res.status(201).json(detail);
  });

  router.post('/cases/:id/branch', anyone, async (req, res) => {
    const { id } = parseInput(caseIdParamsSchema, req.params, 'path');
    auditWith(res, { action: 'case.branch', target: id });
    const input = parseInput(branchSchema, req.body, 'body');
    const detail = await service.branch(actorOf(req), id, input);
    auditWith(res, { action: 'case.branch', target: id, params: { baseVersion: input.baseVersion, branch: detail.case.id } });
    res.status(201).json(detail);
  });

  router.get('/cases/:id/compare', anyone, async (req, res) => {
    const { id } = parseInput(caseIdParamsSchema, req.params, 'path');
    const { from, to } = parseInput(compareQuerySchema, req.query, 'query');
    auditWith(res, { action: 'case.compare', target: id, params: { from, to } });
    res.json(await service.compare(actorOf(req), id, from, to));
  });

  // Autosave: one draft per user and case, written every few seconds while the canvas changes.
  router.get('/cases/:id/draft', anyone, async (req, res) => {
    const { id } = parseInput(caseIdParamsSchema, req.params, 'path');
    auditWith(res, { action: 'case.draft.view', target: id });
    res.json({ draft: await service.getDraft(actorOf(req), id) });
  });
  router.put('/cases/:id/draft', anyone, async (req, res) => {
    const { id } = parseInput(caseIdParamsSchema, req.params, 'path');
    auditWith(res, { action: 'case.draft.save', target: id });
    const input = parseInput(draftSchema, req.body, 'body');
    res.json(await service.putDraft(actorOf(req), id, input.baseVersion, input.content));
  });
  router.delete('/cases/:id/draft', anyone, async (req, res) => {
    const { id } = parseInput(caseIdParamsSchema, req.params, 'path');
    auditWith(res, { action: 'case.draft.discard', target: id });
    res.json({ deleted: await service.deleteDraft(actorOf(req), id) });
  });

  // The canvas not yet saved as a case has a draft too (private to its user).
  router.get('/case-drafts/new', anyone, async (req, res) => {
    const d = await service.repo.getDraft(`${SCRATCH}|${req.user!.id}`);
    res.json({ draft: d ? { baseVersion: 0, savedAt: d.savedAt, content: JSON.parse(d.content) as unknown } : null });
  });
  router.put('/case-drafts/new', anyone, async (req, res) => {
    const input = parseInput(draftSchema, req.body, 'body');
    const savedAt = await service.repo.putDraft({ id: `${SCRATCH}|${req.user!.id}`, caseId: SCRATCH, userId: req.user!.id, baseVersion: 0, content: JSON.stringify(input.content) }, service.now());
    res.json({ savedAt });
  });
  router.delete('/case-drafts/new', anyone, async (req, res) => {
    res.json({ deleted: await service.repo.deleteDraft(`${SCRATCH}|${req.user!.id}`) });
  });

  return router;
}
