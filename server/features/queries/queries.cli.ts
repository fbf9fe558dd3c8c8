/**
 * `npm run query`: the command-line face of the stored query runner, kept apart from process and connection
 * handling (scripts/query.ts) so tests drive exactly what the command runs. Same rules as the API: stored
 * queries run their published version, ad-hoc Cypher (--cypher) is refused unless EXPLAIN says read-only,
 * everything runs in a read transaction with the timeout and row limit, and every run is audited.
 */
import { parseArgs } from 'node:util';
import { AppError } from '../../errors.js';
import type { Actor, QueriesService } from './queries.service.js';
import type { QueryRunResult, ResultCell } from './queries.schemas.js';

export const QUERY_USAGE =
  'usage: npm run query -- <name> [--param key=value ...] [--version N] [--json]\n' +
  '       npm run query -- --cypher "MATCH ... RETURN ..." [--param key=value ...] [--json]\n' +
  '       npm run query -- --list';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** records the run in the audit trail */
  audit: (entry: { action: string; target: string; params: Record<string, unknown>; resultCount: number | null; outcome: string }) => Promise<void>;
}

export function cellText(cell: ResultCell): string {
  if (cell === null) return '';
  if (Array.isArray(cell)) return cell.map(cellText).join(', ');
  if (typeof cell === 'object') {
    if ('$entity' in cell && cell.$entity && typeof cell.$entity === 'object' && 'caption' in cell.$entity)
      return `${String(cell.$entity.caption)} (${String(cell.$entity.id)})`;
    if ('$rel' in cell && cell.$rel && typeof cell.$rel === 'object' && 'type' in cell.$rel) return `:${String(cell.$rel.type)}`;
    if ('$path' in cell && cell.$path && typeof cell.$path === 'object' && 'length' in cell.$path) return `path of ${String(cell.$path.length)}`;
    if ('$node' in cell) return '(node)';
    return JSON.stringify(cell);
  }
  return String(cell);
}

export function formatTable(result: QueryRunResult): string {
  const header = result.columns;
  const rows = result.rows.map((r) => header.map((c) => cellText(r[c] ?? null).replace(/\s+/g, ' ')));
  const widths = header.map((h, i) => Math.min(60, Math.max(h.length, ...rows.map((r) => r[i]!.length))));
  const fit = (s: string, w: number) => (s.length > w ? `${s.slice(0, w - 1)}…` : s.padEnd(w));
  const line = (cells: string[]) => cells.map((c, i) => fit(c, widths[i]!)).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** key=value pairs; for ad-hoc Cypher a value that parses as JSON is sent as that JSON value */
function parseParamPairs(pairs: string[], json: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of pairs) {
    const eq = p.indexOf('=');
    if (eq <= 0) throw new AppError('bad_request', 400, `--param "${p}" must look like key=value`);
    const key = p.slice(0, eq);
    const raw = p.slice(eq + 1);
    let value: unknown = raw;
    if (json) {
      try {
        value = JSON.parse(raw);
      } catch {
        value = raw;
      }
    }
    out[key] = value;
  }
  return out;
}

/** Runs the command; returns the exit code (0 ok, 1 refused or failed, 2 usage). */
export async function runQueryCommand(argv: string[], service: QueriesService, actor: Actor, io: CliIo): Promise<number> {
  let values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      options: {
        param: { type: 'string', multiple: true, short: 'p' },
        json: { type: 'boolean', default: false },
        version: { type: 'string' },
        cypher: { type: 'string' },
        list: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: true,
    }));
  } catch (err) {
    io.err(`error: ${(err as Error).message}\n${QUERY_USAGE}\n`);
    return 2;
  }
  if (values.help) {
    io.out(`${QUERY_USAGE}\n`);
    return 0;
  }
  if (values.list) {
    // by category, then name: the order of the app's catalogue
    const list = [...(await service.catalogue(actor))].sort((a, b) => a.category.localeCompare(b.category) || a.name.localeCompare(b.name));
    const width = Math.max(8, ...list.map((q) => q.category.length));
    for (const q of list)
      io.out(`${q.category.padEnd(width)}  ${q.name.padEnd(40)} ${q.publishedVersion === null ? 'draft    ' : `v${q.publishedVersion}`.padEnd(9)} ${q.title}\n`);
    return 0;
  }
  const name = positionals[0];
  if ((!name && !values.cypher) || (name && values.cypher) || positionals.length > 1) {
    io.err(`${QUERY_USAGE}\n`);
    return 2;
  }
  const version = values.version === undefined ? null : Number(values.version);
  if (version !== null && (!Number.isInteger(version) || version < 1)) {
    io.err('error: --version must be a whole number from 1\n');
    return 2;
  }
  const target = values.cypher ? 'cli:ad-hoc' : `${name}@${version ?? 'published'}`;
  let params: Record<string, unknown> = {};
  try {
    params = parseParamPairs(values.param ?? [], Boolean(values.cypher));
    const result = values.cypher ? await service.runAdHoc(values.cypher, params, actor) : await service.run(name!, params, actor, version);
    const auditedTarget = result.query ? `${result.query.name}@${result.query.version}` : target;
    await io.audit({
      action: 'query.run',
      target: auditedTarget,
      params: { params: result.params, durationMs: result.durationMs, truncated: result.truncated, ...(values.cypher ? { cypher: values.cypher } : {}), via: 'cli' },
      resultCount: result.rowCount,
      outcome: 'ok',
    });
    if (values.json) io.out(`${JSON.stringify({ query: result.query, columns: result.columns, rows: result.rows, truncated: result.truncated, durationMs: result.durationMs }, null, 2)}\n`);
    else io.out(`${formatTable(result)}\n`);
    io.err(`${result.rowCount.toLocaleString('en-GB')} rows in ${result.durationMs} ms${result.notice ? ` — ${result.notice}` : ''}\n`);
    return 0;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    await io.audit({ action: 'query.run', target, params: { params, via: 'cli', ...(values.cypher ? { cypher: values.cypher } : {}) }, resultCount: null, outcome: `rejected ${err.status}` });
    io.err(`error: ${err.message}\n`);
    return 1;
  }
}
