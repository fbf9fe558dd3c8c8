import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Router, type Request, type Response } from 'express';
import { AppError, errors } from '../../errors.js';
import { access, viewerOf } from '../../http/access.js';
import { auditWith } from '../../http/audit-context.js';
import { parseInput } from '../../http/validate.js';
import { FTM_MAPPING, MappingError, builtInPresets } from './import.mapping.js';
import { ImportFileError } from './import.parse.js';
import { presentImport, presentReport } from './import.presenter.js';
import { resolutionRoutes } from './import.resolution.routes.js';
import { importFieldsSchema, importIdParamsSchema, listQuerySchema, presetNameParamsSchema, previewFieldsSchema, rejectsParamsSchema, type ImportStreamEvent, type PresetSourceBody, type PresetSummary } from './import.schemas.js';
import { ImportNotFoundError, ImportStateError, ImportValidationError, type ImportService } from './import.service.js';
import { REJECTS_DIR, receiveUpload } from './import.upload.js';

const DATA_TEAM = { roles: ['data', 'admin'] } as const;

/** Engine errors → the API's error shape: a refused file is 422 with the report, a bad request 400. */
function toAppError(err: unknown, rejectsUrl: string | null): unknown {
  if (err instanceof ImportValidationError) return new AppError('import_invalid', 422, err.message, { report: presentReport(err.report, rejectsUrl) });
  if (err instanceof ImportFileError || err instanceof MappingError) return new AppError('import_file_invalid', 422, err.message);
  if (err instanceof ImportStateError) return errors.badRequest(err.message);
  if (err instanceof ImportNotFoundError) return errors.notFound(err.message);
  return err;
}

export function importRoutes(service: ImportService, key: () => string): Router {
  const router = Router();
  const who = (req: Request) => req.user?.email ?? 'unknown';
  const guard = async <T,>(work: () => Promise<T>, rejectsUrl: string | null = null): Promise<T> => {
    try {
      return await work();
    } catch (err) {
      throw toAppError(err, rejectsUrl);
    }
  };

  router.use(resolutionRoutes(service.resolution));

  router.get('/imports', access(DATA_TEAM), async (req, res) => {
    const { limit } = parseInput(listQuerySchema, req.query, 'query');
    const list = (await service.list(limit)).map(presentImport);
    auditWith(res, { action: 'import.list', resultCount: list.length });
    res.json({ imports: list });
  });

  router.get('/imports/presets', access(DATA_TEAM), async (_req, res) => {
    const builtIn = new Set(builtInPresets().keys());
    const presets: PresetSummary[] = (await guard(() => service.presets())).map((p) => ({
      name: p.name,
      title: p.title,
      description: p.description,
      builtIn: builtIn.has(p.name),
      delimiter: p.csv.delimiter,
      columns: Object.entries(p.columns).map(([name, c]) => ({ name, type: c.type, required: c.required, description: c.description })),
    }));
    presets.push({ name: FTM_MAPPING, title: 'FollowTheMoney entities (JSON Lines)', description: 'Person, Company, LegalEntity, Organization, BankAccount, Address, Payment, Ownership and Directorship entities as exported by OCCRP Aleph or OpenSanctions.', builtIn: true, delimiter: '', columns: [] });
    auditWith(res, { action: 'import.presets', resultCount: presets.length });
    res.json({ presets });
  });

  router.get('/imports/presets/:name', access(DATA_TEAM), async (req, res) => {
    const { name } = parseInput(presetNameParamsSchema, req.params, 'path');
    const { preset, builtIn } = await guard(() => service.presetSource(name));
    auditWith(res, { action: 'import.preset-view', target: name });
    const body: PresetSourceBody = { name, builtIn, preset };
    res.json(body);
  });

  router.post('/imports/presets', access(DATA_TEAM), async (req, res) => {
    const preset = await guard(() => service.savePreset(req.body, who(req)));
    auditWith(res, { action: 'import.preset-save', target: preset.name });
    res.status(201).json({ name: preset.name });
  });

  router.post('/imports/preview', access(DATA_TEAM), async (req, res) => {
    const upload = await receiveUpload(req);
    try {
      const fields = parseInput(previewFieldsSchema, upload.fields, 'body');
      auditWith(res, { action: 'import.preview', params: { mapping: fields.mapping, fileName: upload.fileName } });
      const preview = await guard(() => service.preview({ path: upload.path, fileName: upload.fileName, mapping: fields.mapping, panKey: key(), rows: fields.rows, ...(fields.draft !== undefined ? { draft: fields.draft } : {}) }));
      auditWith(res, { action: 'import.preview', params: { mapping: fields.mapping, fileName: upload.fileName }, resultCount: preview.rows.length });
      res.json(preview);
    } finally {
      await upload.remove();
    }
  });

  /**
   * Runs an import. Fields: source, mapping, skipInvalid; file last. With `Accept: application/x-ndjson` the reply
   * streams progress events, one JSON object per line, ending with a result or error event (the UI's progress bar);
   * otherwise it answers once, when done (automation).
   */
  router.post('/imports', access(DATA_TEAM), async (req, res) => {
    const upload = await receiveUpload(req);
    const token = randomBytes(12).toString('hex');
    const rejectsUrl = `/api/imports/rejects/${token}`;
    const streaming = (req.get('accept') ?? '').includes('application/x-ndjson');
    try {
      const fields = parseInput(importFieldsSchema, upload.fields, 'body');
      const params = { fileName: upload.fileName, bytes: upload.bytes, source: fields.source, mapping: fields.mapping, skipInvalid: fields.skipInvalid };
      auditWith(res, { action: 'import.run', params });
      let last = 0;
      const send = (e: ImportStreamEvent) => res.write(`${JSON.stringify(e)}\n`);
      if (streaming) {
        res.status(200).type('application/x-ndjson');
        res.flushHeaders();
      }
      try {
        const result = await guard(
          () =>
            service.run({
              path: upload.path,
              fileName: upload.fileName,
              organisation: fields.source,
              mapping: fields.mapping,
              user: who(req),
              skipInvalid: fields.skipInvalid,
              rejectsPath: path.join(REJECTS_DIR, `${token}.csv`),
              panKey: key(),
              onProgress: (p) => {
                const now = Date.now();
                if (!streaming || (now - last < 200 && p.phase !== 'done' && p.phase !== 'finishing')) return;
                last = now;
                send({ type: 'progress', ...p });
              },
            }),
          rejectsUrl,
        );
        const body = { outcome: result.outcome, import: presentImport(result.import), report: presentReport(result.report, rejectsUrl) };
        auditWith(res, { action: 'import.run', target: result.import.id, params, resultCount: result.report.rowsValid });
        if (streaming) {
          send({ type: 'result', ...body });
          res.end();
        } else res.status(result.outcome === 'unchanged' ? 200 : 201).json(body);
      } catch (err) {
        if (!streaming) throw err;
        const e = err instanceof AppError ? err : errors.internal();
        if (!(err instanceof AppError)) req.log?.error({ err }, 'import failed');
        const report = (e.details as { report?: never } | undefined)?.report;
        send({ type: 'error', error: { id: e.id, message: e.message, ...(report ? { report } : {}) } });
        res.end();
      }
    } finally {
      await upload.remove();
    }
  });

  router.get('/imports/rejects/:token', access(DATA_TEAM), (req, res) => {
    const { token } = parseInput(rejectsParamsSchema, req.params, 'path');
    const file = path.join(REJECTS_DIR, `${token}.csv`);
    if (!existsSync(file)) throw errors.notFound('that rejects file (they are kept until the server restarts its temporary folder)');
    auditWith(res, { action: 'import.rejects', target: token });
    res.type('text/csv').attachment('rejected-rows.csv').sendFile(file);
  });

  router.get('/imports/:id', access(DATA_TEAM), async (req: Request, res: Response) => {
    const { id } = parseInput(importIdParamsSchema, req.params, 'path');
    auditWith(res, { action: 'import.view', target: id });
    res.json(presentImport(await guard(() => service.get(id))));
  });

  router.post('/imports/:id/rollback', access(DATA_TEAM), async (req, res) => {
    const { id } = parseInput(importIdParamsSchema, req.params, 'path');
    auditWith(res, { action: 'import.rollback', target: id });
    const rolled = await guard(() => service.rollback(id, who(req)));
    res.json(presentImport(rolled));
  });

  router.get('/imports/:id/ftm', access(DATA_TEAM), async (req, res) => {
    const { id } = parseInput(importIdParamsSchema, req.params, 'path');
    const entities = await guard(() => service.exportFtm(id, viewerOf(req)));
    auditWith(res, { action: 'import.export-ftm', target: id, resultCount: entities.length });
    res.type('application/x-ndjson').attachment(`${id}.ftm.json`).send(entities.map((e) => JSON.stringify(e)).join('\n') + '\n');
  });

  router.get('/imports/:id/entities.csv', access(DATA_TEAM), async (req, res) => {
    const { id } = parseInput(importIdParamsSchema, req.params, 'path');
    const csv = await guard(() => service.exportCsv(id, viewerOf(req)));
    auditWith(res, { action: 'import.export-csv', target: id });
    res.type('text/csv').attachment(`${id}.csv`).send(csv);
  });

  return router;
}
