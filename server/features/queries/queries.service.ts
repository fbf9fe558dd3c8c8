import { createHash } from 'node:crypto';
import { AppError, errors } from '../../errors.js';
import type { Role } from '../../domain/roles.js';
import type { Viewer } from '../../domain/need-to-know.js';
import { parseParamType, parseQuerySource, QueryFormatError, VIEWER_PARAM, type ParamType, type QueryDefinition, type QueryParamSpec } from './queries.format.js';
import { guardUntrusted, INTERNAL_LABELS, INTERNAL_PROPERTIES, writeClauseOf } from './queries.guard.js';
import { ENTITY_LABELS, REL_TYPES } from '../../domain/model.js';
import { describeGap, needToKnowGaps, withNeedToKnowChecks } from './queries.need-to-know.js';
import { checkParams, driverParams, ParamError, plainParams, sampleParams, type CheckedParam } from './queries.params.js';
import { ResultCollector } from './queries.presenter.js';
import type { NewVersionRow, QueriesRepository, StoredQueryRow } from './queries.repository.js';
import type {
  ParamInput,
  QueryCheckResult,
  QueryDetail,
  QueryPosition,
  QueryRunResult,
  QuerySummary,
  SaveResult,
} from './queries.schemas.js';

export interface QueryLimits {
  /** default per-query timeout; a query's own @timeout may ask for less or more, up to maxTimeoutSeconds */
  timeoutSeconds: number;
  maxTimeoutSeconds: number;
  rowLimit: number;
  /** analyst queries running at once in this process; more are refused with 429 */
  concurrency: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { timeoutSeconds: 10, maxTimeoutSeconds: 120, rowLimit: 5000, concurrency: 4 };

export interface Actor {
  email: string;
  role: Role;
  /** who is looking, for need-to-know; absent (the CLI) = cleared for no restricted record */
  viewer?: Viewer;
}

/** fail closed: a caller without an organisation sees no restricted record */
const viewerOfActor = (actor: Actor): Viewer => actor.viewer ?? { organisationId: '', lawEnforcement: false, role: actor.role };

/** roles that author queries and may run ad-hoc Cypher */
export const AUTHOR_ROLES: readonly Role[] = ['data', 'admin'];
const isAuthor = (role: Role) => AUTHOR_ROLES.includes(role);

export const checksumOf = (source: string) => createHash('sha256').update(source.replace(/\r\n/g, '\n').trim()).digest('hex');

const toInput = (t: ParamType): ParamInput =>
  t.kind === 'list' ? { kind: 'list', of: toInput(t.of) } : t.kind === 'entity' ? { kind: 'entity', label: t.label } : { kind: 'scalar', scalar: t.scalar };

/** a viewer good enough to plan a query that applies the need-to-know predicate */
const SAMPLE_VIEWER = { organisationId: 'org:sample', lawEnforcement: false, role: 'analyst' };

const seconds = (n: number) => `${n.toLocaleString('en-GB', { maximumFractionDigits: 1 })} s`;

/** Catalogue, versions and the safe runner for stored investigative queries and the data team's console. */
export class QueriesService {
  private running = 0;

  constructor(
    private readonly repo: QueriesRepository,
    readonly limits: QueryLimits = DEFAULT_QUERY_LIMITS,
  ) {}

  private timeoutOf(def: QueryDefinition | null): number {
    return Math.min(def?.timeoutSeconds ?? this.limits.timeoutSeconds, this.limits.maxTimeoutSeconds);
  }

  private describe(def: QueryDefinition) {
    return {
      name: def.name,
      title: def.title,
      description: def.description,
      category: def.category,
      resultKind: def.resultKind,
      roles: def.roles,
      params: def.params.map((p) => ({ ...p, input: toInput(parseParamType(p.type)) })),
      timeoutSeconds: this.timeoutOf(def),
    };
  }

  private summary(row: StoredQueryRow, actor: Actor): QuerySummary | null {
    const usePublished = row.publishedSource !== null && !isAuthor(actor.role);
    const source = usePublished || (row.publishedSource !== null && row.publishedVersion === row.latestVersion) ? row.publishedSource! : row.latestSource;
    let def: QueryDefinition;
    try {
      def = parseQuerySource(source);
    } catch {
      return null; // a stored version that no longer parses (format changed): only visible in the version list
    }
    return {
      ...this.describe(def),
      publishedVersion: row.publishedVersion,
      latestVersion: row.latestVersion,
      hasDraft: row.publishedVersion === null || row.latestVersion > row.publishedVersion,
      updatedAt: row.updatedAt,
      updatedBy: row.updatedBy,
      isPublishedDefinition: source === row.publishedSource,
    };
  }

  /** Analysts see published queries their role may run; the data team and admins see everything, drafts too. */
  async catalogue(actor: Actor): Promise<QuerySummary[]> {
    const rows = await this.repo.list();
    return rows
      .filter((r) => isAuthor(actor.role) || r.publishedSource !== null)
      .map((r) => this.summary(r, actor))
      .filter((s): s is QuerySummary => s !== null && (isAuthor(actor.role) || s.roles.includes(actor.role)))
      .sort((a, b) => a.category.localeCompare(b.category) || a.title.localeCompare(b.title));
  }

  async detail(name: string, actor: Actor): Promise<QueryDetail> {
    const row = (await this.repo.list()).find((r) => r.name === name);
    const summary = row ? this.summary(row, actor) : null;
    if (!row || !summary || (!isAuthor(actor.role) && (row.publishedSource === null || !summary.roles.includes(actor.role))))
      throw errors.notFound(`stored query "${name}"`);
    const versions = isAuthor(actor.role)
      ? (await this.repo.versions(name)).map((v) => ({
          version: v.version,
          createdAt: v.createdAt,
          createdBy: v.createdBy,
          note: v.note ?? '',
          origin: v.origin,
          published: v.version === v.publishedVersion,
        }))
      : null;
    const source = summary.isPublishedDefinition ? row.publishedSource! : row.latestSource;
    return { ...summary, source, versions };
  }

  async versionSource(name: string, version: number | null): Promise<{ name: string; version: number; source: string }> {
    const row = await this.repo.version(name, version);
    if (!row) throw errors.notFound(version === null ? `a published version of "${name}"` : `version ${version} of "${name}"`);
    return { name, version: row.version, source: row.source };
  }

  /**
   * Everything short of running: the header, the guard and EXPLAIN. Used by the editor while typing and on save.
   * Never throws for a problem in the query: the answer says what is wrong and where.
   */
  async check(source: string): Promise<QueryCheckResult & { def: QueryDefinition | null }> {
    let def: QueryDefinition;
    try {
      def = parseQuerySource(source);
    } catch (err) {
      if (!(err instanceof QueryFormatError)) throw err;
      return { ok: false, message: err.message, position: err.line === null ? null : { line: err.line, column: 1 }, fix: null, summary: null, def: null };
    }
    const problem = await this.refusal(def.cypher, { ...sampleParams(def.params), [VIEWER_PARAM]: SAMPLE_VIEWER });
    if (problem) {
      const position = problem.position ? { line: problem.position.line + def.headerLines, column: problem.position.column } : null;
      return { ok: false, message: problem.message, position, fix: this.fixOf(source, def.cypher), summary: this.describe(def), def };
    }
    return { ok: true, message: 'the query is valid and read-only', position: null, fix: null, summary: this.describe(def), def };
  }

  /** the whole .cypher source with the missing need-to-know checks added, or null */
  private fixOf(source: string, cypher: string): string | null {
    const fixed = withNeedToKnowChecks(cypher);
    if (fixed === null) return null;
    const text = source.replace(/\r\n/g, '\n');
    const at = text.lastIndexOf(cypher);
    return at === -1 ? null : text.slice(0, at) + fixed + text.slice(at + cypher.length);
  }

  /** why this Cypher may not run (guard, then EXPLAIN), or null when it may */
  private async refusal(cypher: string, params: Record<string, unknown>): Promise<{ message: string; position: QueryPosition | null } | null> {
    const guard = guardUntrusted(cypher);
    if (guard) return { message: `refused: ${guard.found}: ${guard.reason}`, position: null };
    let queryType: string;
    try {
      queryType = await this.repo.explain(cypher, params);
    } catch (err) {
      const db = databaseProblem(err, true);
      if (!db) throw err;
      if (/IN TRANSACTIONS|schema|administration|system database/i.test(db.message))
        return { message: `refused: ${db.message}`, position: db.position };
      return db;
    }
    if (queryType !== 'r') {
      const clause = writeClauseOf(cypher);
      const what = clause ? `it contains ${clause}` : queryType === 's' ? 'it is a schema or administration command' : 'it calls a procedure that writes';
      return { message: `refused: this query would change the database (${what}); queries may only read`, position: null };
    }
    // after EXPLAIN, so a typo or a write is named first
    const gap = needToKnowGaps(cypher);
    if (gap) return { message: describeGap(gap), position: null };
    return null;
  }

  async save(source: string, actor: Actor, opts: { publish: boolean; note: string; origin: string }): Promise<SaveResult> {
    const checked = await this.check(source);
    if (!checked.ok || !checked.def) throw new AppError('query_invalid', 400, checked.message, { position: checked.position });
    const [saved] = await this.repo.save([
      { name: checked.def.name, source: source.replace(/\r\n/g, '\n'), checksum: checksumOf(source), createdBy: actor.email, note: opts.note, origin: opts.origin, publish: opts.publish },
    ]);
    return saved!;
  }

  async publish(name: string, version: number, actor: Actor): Promise<SaveResult> {
    const target = await this.repo.version(name, version);
    if (!target) throw errors.notFound(`version ${version} of "${name}"`);
    // re-checked: a version saved before a guard rule was added must not become runnable by analysts
    const checked = await this.check(target.source);
    if (!checked.ok) throw new AppError('query_invalid', 400, `version ${version} cannot be published: ${checked.message}`);
    await this.repo.publish(name, version, actor.email);
    return { name, version, publishedVersion: version };
  }

  /** Rollback keeps history linear: the old text becomes a new, published version. */
  async rollback(name: string, version: number, actor: Actor): Promise<SaveResult> {
    const target = await this.repo.version(name, version);
    if (!target) throw errors.notFound(`version ${version} of "${name}"`);
    return this.save(target.source, actor, { publish: true, note: `rollback to version ${version}`, origin: 'rollback' });
  }

  /** Runs a stored query: the published version, or (data team and admins) any version. */
  async run(name: string, input: Record<string, unknown>, actor: Actor, version: number | null = null, onVersion?: (version: number) => void): Promise<QueryRunResult> {
    const row = await this.repo.version(name, version);
    // naming the published version is fine for anyone; any other version is a draft or history: authors only
    if (version !== null && !isAuthor(actor.role) && row?.version !== row?.publishedVersion)
      throw new AppError('forbidden', 403, 'only the data team may run a version that is not the published one');
    if (!row) throw errors.notFound(version === null ? `a published version of stored query "${name}"` : `version ${version} of "${name}"`);
    onVersion?.(row.version); // so a refused run is audited with the version it refused, not "published"
    const def = parseQuerySource(row.source);
    if (!isAuthor(actor.role) && !def.roles.includes(actor.role)) throw new AppError('forbidden', 403, `your role (${actor.role}) may not run "${def.title}"`);
    let checked;
    try {
      checked = checkParams(def.params, input);
    } catch (err) {
      if (err instanceof ParamError) throw errors.badRequest(err.message, { param: err.param });
      throw err;
    }
    await this.requireEntities(def.params, checked, viewerOfActor(actor));
    const result = await this.execute(def.cypher, driverParams(checked), this.timeoutOf(def), viewerOfActor(actor));
    return { ...result, params: plainParams(checked), query: { name, version: row.version, title: def.title, resultKind: def.resultKind } };
  }

  /** Entity parameters must name entities the viewer may see: a mistyped id would otherwise look like "no rows". */
  private async requireEntities(specs: readonly QueryParamSpec[], checked: Record<string, CheckedParam>, viewer: Viewer): Promise<void> {
    const wanted = specs.flatMap((spec) => {
      const type = parseParamType(spec.type);
      const entity = type.kind === 'entity' || (type.kind === 'list' && type.of.kind === 'entity');
      const value = checked[spec.name]?.plain;
      if (!entity || value === null || value === undefined) return [];
      return (Array.isArray(value) ? value : [value]).map((uid) => ({ param: spec.name, uid: String(uid) }));
    });
    const found = await this.repo.visibleEntities([...new Set(wanted.map((w) => w.uid))], viewer);
    const missing = wanted.find((w) => !found.has(w.uid));
    if (missing) throw errors.badRequest(`parameter "${missing.param}": no entity with id ${JSON.stringify(missing.uid)} (or not one you may see)`, { param: missing.param });
  }

  /** The data team's console: ad-hoc Cypher, under the same rules as stored queries ($viewer is never the caller's). */
  async runAdHoc(cypher: string, params: Record<string, unknown>, actor: Actor): Promise<QueryRunResult> {
    if (VIEWER_PARAM in params) throw errors.badRequest(`parameter "${VIEWER_PARAM}": it is supplied by MoneyTrail (the signed-in user); remove it`, { param: VIEWER_PARAM });
    const result = await this.execute(cypher, params, this.limits.timeoutSeconds, viewerOfActor(actor));
    return { ...result, params, query: null };
  }

  private async execute(cypher: string, userParams: Record<string, unknown>, timeoutSeconds: number, viewer: Viewer): Promise<Omit<QueryRunResult, 'query' | 'params'>> {
    const params = { ...userParams, [VIEWER_PARAM]: { ...viewer } };
    if (this.running >= this.limits.concurrency)
      throw new AppError('queries_busy', 429, `${this.running} queries are already running; try again in a moment`);
    this.running += 1;
    try {
      const problem = await this.refusal(cypher, params);
      if (problem) throw new AppError(problem.message.startsWith('refused') ? 'query_refused' : 'query_invalid', 400, problem.message, { position: problem.position });
      const started = performance.now();
      let raw;
      try {
        raw = await this.repo.runRead(cypher, params, { timeoutMs: Math.round(timeoutSeconds * 1000), maxRows: this.limits.rowLimit });
      } catch (err) {
        const code = (err as { code?: string }).code ?? '';
        if (/TransactionTimedOut/.test(code))
          throw new AppError('query_timeout', 422, `the query was stopped after ${seconds(timeoutSeconds)} (its time limit); narrow it down with parameters${isAuthor(viewer.role) ? ' or a tighter pattern' : ' or ask the data team'}`);
        if (/MemoryPoolOutOfMemory|MemoryLimit/i.test(code))
          throw new AppError('query_memory', 422, 'the query was stopped because it needed too much memory; narrow it down');
        if (/AccessMode|ForbiddenOnReadOnlyDatabase/.test(code)) throw new AppError('query_refused', 400, 'refused: this query tried to write; queries may only read');
        const db = databaseProblem(err);
        if (db) throw new AppError('query_invalid', 400, db.message, { position: db.position });
        throw err;
      }
      const collector = new ResultCollector(viewer);
      const cells = raw.records.map((r) => collector.row(r, raw.keys));
      collector.addFetched(await this.repo.nodesByElementId(collector.missingEnds().slice(0, 5000), viewer));
      const rows = collector.finishRows(cells);
      const durationMs = Math.round(performance.now() - started);
      const limit = raw.truncated ? `first ${this.limits.rowLimit.toLocaleString('en-GB')} rows shown: the query returned more (row limit)` : null;
      const notice = [limit, collector.notice()].filter(Boolean).join('; ') || null;
      return { columns: raw.keys, rows, graph: collector.graph(), rowCount: rows.length, truncated: raw.truncated, rowLimit: this.limits.rowLimit, durationMs, notice, withheld: collector.withheld };
    } finally {
      this.running -= 1;
    }
  }

  /**
   * What the editor autocompletes: the investigation graph only. MoneyTrail's own records share the database, but
   * a query naming them is refused by the guard, so offering User, AuditRecord or passwordHash would only lead
   * the author into a refusal (and tell them what the app stores about its users).
   */
  async schema() {
    const live = await this.repo.schema();
    const labels: ReadonlySet<string> = new Set<string>(['Entity', ...ENTITY_LABELS]);
    const types: ReadonlySet<string> = new Set<string>(REL_TYPES);
    const internal: ReadonlySet<string> = new Set<string>([...INTERNAL_PROPERTIES].map((p) => p.toLowerCase()));
    return {
      labels: live.labels.filter((l) => labels.has(l) && !(INTERNAL_LABELS as readonly string[]).includes(l)),
      relationshipTypes: live.relationshipTypes.filter((t) => types.has(t)),
      propertyKeys: live.propertyKeys.filter((k) => !internal.has(k.toLowerCase())),
    };
  }

  /**
   * Loads the shipped library (cypher/queries) as published versions. Idempotent: a file whose text is already
   * one of the query's versions is skipped, so edits made in the UI are not overwritten on every boot; a changed
   * file becomes a new published version. A file that fails its checks is reported and skipped, never loaded.
   */
  async loadLibrary(files: { file: string; source: string }[]): Promise<{ loaded: string[]; skipped: number; problems: string[] }> {
    const problems: string[] = [];
    const report = (file: string, message: string, line?: number) => problems.push(`${file}: ${message}${line ? ` (line ${line})` : ''}`);
    // Which files are new or changed is known from the header and checksum alone; only those are planned with
    // EXPLAIN (a second each on a cold server), so a restart with the library already stored costs one read.
    const named: { file: string; source: string; name: string; checksum: string }[] = [];
    for (const f of files) {
      try {
        named.push({ ...f, name: parseQuerySource(f.source).name, checksum: checksumOf(f.source) });
      } catch (err) {
        if (!(err instanceof QueryFormatError)) throw err;
        report(f.file, err.message);
      }
    }
    const known = await this.repo.checksums(named.map((c) => c.name));
    const fresh: NewVersionRow[] = [];
    for (const f of named.filter((c) => !known.get(c.name)?.has(c.checksum))) {
      const checked = await this.check(f.source);
      if (!checked.ok || !checked.def) {
        report(f.file, checked.message ?? 'failed its checks', checked.position?.line);
        continue;
      }
      fresh.push({ name: checked.def.name, source: f.source.replace(/\r\n/g, '\n'), checksum: f.checksum, createdBy: 'cypher/queries', note: f.file, origin: 'file', publish: true });
    }
    await this.repo.save(fresh);
    return { loaded: fresh.map((c) => c.name), skipped: named.length - fresh.length, problems };
  }
}

/** A Neo4j client error about the query itself (syntax, unknown function...), in words, with its position. */
function databaseProblem(err: unknown, explained = false): { message: string; position: QueryPosition | null } | null {
  const e = err as { code?: string; message?: string };
  if (typeof e.code !== 'string' || !e.code.startsWith('Neo.ClientError.')) return null;
  if (/Security|Transaction\.TransactionTimedOut/.test(e.code)) return null;
  const text = String(e.message ?? '');
  const m = /\(line (\d+), column (\d+)/.exec(text);
  let position: QueryPosition | null = null;
  if (m) {
    const line = Number(m[1]);
    // line 1 of what the database saw starts with the "EXPLAIN " this service put in front
    const column = line === 1 && explained ? Math.max(1, Number(m[2]) - 'EXPLAIN '.length) : Number(m[2]);
    position = { line, column };
  }
  const first = text.split('\n')[0]!.replace(/\s*\(line \d+, column \d+ \(offset: \d+\)\)\s*$/, '').trim();
  return { message: first || 'the database could not run this query', position };
}
