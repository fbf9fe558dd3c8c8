import { Router } from 'express';
import { errors } from '../../errors.js';
import { access, viewerOf } from '../../http/access.js';
import { auditWith } from '../../http/audit-context.js';
import { parseInput } from '../../http/validate.js';
import { ImportNotFoundError, ImportStateError } from './import.errors.js';
import type { DuplicateRecord } from './import.resolution.repository.js';
import type { ResolutionService } from './import.resolution.service.js';
import { duplicateIdParamsSchema, duplicatesQuerySchema, mergeBodySchema, mergeIdParamsSchema, type DuplicateEntity, type DuplicateSummary, type MergeResultBody } from './import.schemas.js';

const DATA_TEAM = { roles: ['data', 'admin'] } as const;

function entity(v: unknown): DuplicateEntity | null {
  if (!v || typeof v !== 'object') return null;
  const e = v as Record<string, unknown>;
  return {
    uid: String(e.uid),
    caption: String(e.caption ?? e.uid),
    labels: ((e.labels as string[] | undefined) ?? []).filter((l) => l !== 'Entity'),
    country: e.country == null ? null : String(e.country),
    birthDate: e.birthDate == null ? null : String(e.birthDate),
    sources: (e.sources as string[] | undefined) ?? [],
  };
}

export function presentDuplicate(d: DuplicateRecord): DuplicateSummary {
  return {
    id: d.id,
    status: d.status,
    score: Number(d.score ?? 0),
    reason: String(d.reason ?? ''),
    importId: String(d.importId ?? ''),
    proposedAt: String(d.proposedAt ?? ''),
    mergeId: d.mergeId == null ? null : String(d.mergeId),
    a: entity(d.aEntity),
    b: entity(d.bEntity),
  };
}

/** Possible duplicates proposed after imports: the data team merges or rejects them, and can undo a merge. */
export function resolutionRoutes(service: ResolutionService): Router {
  const router = Router();
  const who = (req: { user?: { email?: string } }) => req.user?.email ?? 'unknown';
  const guard = async <T,>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (err) {
      if (err instanceof ImportStateError) throw errors.badRequest(err.message);
      if (err instanceof ImportNotFoundError) throw errors.notFound(err.message);
      throw err;
    }
  };

  router.get('/duplicates', access(DATA_TEAM), async (req, res) => {
    const { status, limit } = parseInput(duplicatesQuerySchema, req.query, 'query');
    const list = (await service.list(status, limit, viewerOf(req))).map(presentDuplicate);
    auditWith(res, { action: 'duplicates.list', params: { status }, resultCount: list.length });
    res.json({ duplicates: list });
  });

  router.post('/duplicates/:id/merge', access(DATA_TEAM), async (req, res) => {
    const { id } = parseInput(duplicateIdParamsSchema, req.params, 'path');
    const { keep } = parseInput(mergeBodySchema, req.body ?? {}, 'body');
    auditWith(res, { action: 'duplicates.merge', target: id, params: { keep: keep ?? null } });
    const { merge, moved } = await guard(() => service.merge(id, keep, who(req), viewerOf(req)));
    auditWith(res, { action: 'duplicates.merge', target: id, params: { keep: keep ?? null, mergeId: merge.id, survivor: merge.survivor, merged: merge.merged }, resultCount: moved });
    const body: MergeResultBody = { mergeId: merge.id, survivor: merge.survivor, merged: merge.merged, relationshipsMoved: moved };
    res.json(body);
  });

  router.post('/duplicates/:id/reject', access(DATA_TEAM), async (req, res) => {
    const { id } = parseInput(duplicateIdParamsSchema, req.params, 'path');
    auditWith(res, { action: 'duplicates.reject', target: id });
    const d = await guard(() => service.reject(id, who(req), viewerOf(req)));
    res.json({ id: d.id, status: d.status });
  });

  router.post('/merges/:id/undo', access(DATA_TEAM), async (req, res) => {
    const { id } = parseInput(mergeIdParamsSchema, req.params, 'path');
    auditWith(res, { action: 'duplicates.merge-undo', target: id });
    const { merge, restored } = await guard(() => service.undo(id, who(req)));
    auditWith(res, { action: 'duplicates.merge-undo', target: id, params: { survivor: merge.survivor, merged: merge.merged }, resultCount: restored });
    res.json({ mergeId: merge.id, survivor: merge.survivor, restored: merge.merged, relationshipsRestored: restored });
  });

  return router;
}
