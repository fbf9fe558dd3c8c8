import { Router, type Request } from 'express';
import { ANY_ROLE } from '../../domain/roles.js';
import { errors } from '../../errors.js';
import { access, viewerOf } from '../../http/access.js';
import { auditWith } from '../../http/audit-context.js';
import { parseInput } from '../../http/validate.js';
import { AUTHOR_ROLES, type Actor, type QueriesService } from './queries.service.js';
import {
  checkBodySchema,
  consoleBodySchema,
  queryNameParamsSchema,
  runBodySchema,
  saveBodySchema,
  versionBodySchema,
  versionParamsSchema,
} from './queries.schemas.js';

function actorOf(req: Request): Actor {
  if (!req.user) throw errors.badRequest('no signed-in user');
  return { email: req.user.email, role: req.user.role, viewer: viewerOf(req) };
}

/**
 * Stored investigative queries (catalogue, runs, versions) and the data team's console. Analysts run published
 * queries; the data team and admins author, test, publish and roll back, and run ad-hoc Cypher. Every run is
 * audited with the query, version, parameters, row count and duration, refused runs included.
 */
export function queriesRoutes(service: QueriesService): Router {
  const router = Router();
  const anyone = access({ roles: ANY_ROLE });
  const authors = access({ roles: AUTHOR_ROLES });

  router.get('/queries', anyone, async (req, res) => {
    res.json({ queries: await service.catalogue(actorOf(req)) });
  });

  // Static paths before /queries/:name.
  router.get('/queries-schema', authors, async (_req, res) => {
    res.json(await service.schema());
  });

  router.post('/queries-check', authors, async (req, res) => {
    const { source } = parseInput(checkBodySchema, req.body, 'body');
    const { def: _def, ...result } = await service.check(source);
    res.json(result);
  });

  router.post('/queries', authors, async (req, res) => {
    const body = parseInput(saveBodySchema, req.body, 'body');
    const origin = req.query.origin === 'import' ? 'import' : 'editor';
    const saved = await service.save(body.source, actorOf(req), { publish: body.publish, note: body.note, origin });
    auditWith(res, { action: 'query.save', target: `${saved.name}@${saved.version}`, params: { published: body.publish, origin } });
    res.status(201).json(saved);
  });

  router.get('/queries/:name', anyone, async (req, res) => {
    const { name } = parseInput(queryNameParamsSchema, req.params, 'path');
    res.json(await service.detail(name, actorOf(req)));
  });

  router.post('/queries/:name/run', anyone, async (req, res) => {
    const { name } = parseInput(queryNameParamsSchema, req.params, 'path');
    const body = parseInput(runBodySchema, req.body ?? {}, 'body');
    const target = `${name}@${body.version ?? 'published'}`;
    auditWith(res, { action: 'query.run', target, params: { params: body.params } });
    const started = performance.now();
    let resolved: number | null = body.version ?? null;
    try {
      const result = await service.run(name, body.params, actorOf(req), body.version ?? null, (v) => (resolved = v));
      auditWith(res, {
        action: 'query.run',
        target: `${name}@${result.query!.version}`,
        params: { params: result.params, durationMs: result.durationMs, truncated: result.truncated, withheld: result.withheld },
        resultCount: result.rowCount,
      });
      res.json(result);
    } catch (err) {
      auditWith(res, { action: 'query.run', target: `${name}@${resolved ?? 'published'}`, params: { params: body.params, durationMs: Math.round(performance.now() - started) } });
      throw err;
    }
  });

  router.get('/queries/:name/versions/:version', authors, async (req, res) => {
    const { name, version } = parseInput(versionParamsSchema, req.params, 'path');
    res.json(await service.versionSource(name, version));
  });

  router.post('/queries/:name/publish', authors, async (req, res) => {
    const { name } = parseInput(queryNameParamsSchema, req.params, 'path');
    const { version } = parseInput(versionBodySchema, req.body, 'body');
    auditWith(res, { action: 'query.publish', target: `${name}@${version}` });
    res.json(await service.publish(name, version, actorOf(req)));
  });

  router.post('/queries/:name/rollback', authors, async (req, res) => {
    const { name } = parseInput(queryNameParamsSchema, req.params, 'path');
    const { version } = parseInput(versionBodySchema, req.body, 'body');
    const saved = await service.rollback(name, version, actorOf(req));
    auditWith(res, { action: 'query.rollback', target: `${name}@${saved.version}`, params: { from: version } });
    res.json(saved);
  });

  /** the .cypher file of a version (default: published, else latest) */
  router.get('/queries/:name/export', authors, async (req, res) => {
    const { name } = parseInput(queryNameParamsSchema, req.params, 'path');
    const wanted = req.query.version === undefined ? null : parseInput(versionBodySchema, { version: req.query.version }, 'query').version;
    const detail = wanted === null ? await service.detail(name, actorOf(req)) : null;
    const { source, version } = wanted === null ? { source: detail!.source, version: detail!.isPublishedDefinition ? detail!.publishedVersion : detail!.latestVersion } : await service.versionSource(name, wanted);
    auditWith(res, { action: 'query.export', target: `${name}@${version}` });
    res.type('text/plain; charset=utf-8').attachment(`${name}.cypher`).send(source);
  });

  router.post('/console/run', authors, async (req, res) => {
    const body = parseInput(consoleBodySchema, req.body, 'body');
    auditWith(res, { action: 'query.run', target: 'console', params: { cypher: body.cypher, params: body.params } });
    const result = await service.runAdHoc(body.cypher, body.params, actorOf(req));
    auditWith(res, {
      action: 'query.run',
      target: 'console',
      params: { cypher: body.cypher, params: body.params, durationMs: result.durationMs, truncated: result.truncated, withheld: result.withheld },
      resultCount: result.rowCount,
    });
    res.json(result);
  });

  return router;
}
