/**
 * The investigative query file format (cypher/queries/*.cypher, and what the editor, import and export use).
 * Unlike the app's own cypher/<feature>/ files, the header describes the query for analysts:
 *
 *   // @name merchants-shared-by-domains
 *   // @title Merchant accounts shared by several domains
 *   // @category Payments
 *   // @description Merchant accounts accepted by several websites: one acquiring contract behind many sites.
 *   // @param minDomains: integer = 2 -- Smallest number of websites that accept the merchant account
 *   // @param domain: entity<Domain> = null -- Optional: only this website's merchant accounts
 *   // @result graph
 *   // @roles analyst, supervisor, data, admin
 *   // @timeout 20
 *   MATCH ...
 *
 * Pure: no I/O, so it runs in the browser-free CLI, the server and the unit tests alike.
 */
import { ENTITY_LABELS, type EntityLabel } from '../../domain/model.js';
import { ROLES, type Role } from '../../domain/roles.js';

export const SCALAR_TYPES = ['string', 'integer', 'float', 'boolean', 'date', 'datetime', 'duration'] as const;
export type ScalarType = (typeof SCALAR_TYPES)[number];
export type ParamType =
  | { kind: 'scalar'; scalar: ScalarType }
  | { kind: 'entity'; label: EntityLabel }
  | { kind: 'list'; of: ParamType };

export interface QueryParamSpec {
  name: string;
  /** as written, e.g. "list<entity<Domain>>" */
  type: string;
  /** raw default text as written after "="; null when the parameter is required */
  default: string | null;
  help: string;
}

export const RESULT_KINDS = ['graph', 'table'] as const;
export type ResultKind = (typeof RESULT_KINDS)[number];

export interface QueryDefinition {
  name: string;
  title: string;
  description: string;
  category: string;
  params: QueryParamSpec[];
  resultKind: ResultKind;
  roles: Role[];
  /** seconds; null = the configured default */
  timeoutSeconds: number | null;
  /** the Cypher after the header */
  cypher: string;
  /** number of lines before the Cypher starts, to map database error positions back to the file */
  headerLines: number;
}

/** A problem in a query file, with the 1-based line it is on when known. */
export class QueryFormatError extends Error {
  constructor(
    message: string,
    readonly line: number | null = null,
  ) {
    super(message);
  }
}

/**
 * The one parameter no query declares and no caller supplies: the runner injects the signed-in user as $viewer
 * so queries can apply the need-to-know predicate (server/domain/need-to-know.ts) wherever they count or sum.
 */
export const VIEWER_PARAM = 'viewer';

export const QUERY_NAME_PATTERN = /^[a-z0-9][a-z0-9-]{1,79}$/;

export function parseParamType(text: string): ParamType {
  const t = text.trim();
  const list = /^list<(.+)>$/.exec(t);
  if (list) {
    const of = parseParamType(list[1]!);
    if (of.kind === 'list') throw new QueryFormatError(`lists of lists are not supported ("${t}")`);
    return { kind: 'list', of };
  }
  const entity = /^entity<(\w+)>$/.exec(t);
  if (entity) {
    const label = entity[1]!;
    if (!(ENTITY_LABELS as readonly string[]).includes(label))
      throw new QueryFormatError(`unknown entity label "${label}" in "${t}"; use one of ${ENTITY_LABELS.join(', ')}`);
    return { kind: 'entity', label: label as EntityLabel };
  }
  if ((SCALAR_TYPES as readonly string[]).includes(t)) return { kind: 'scalar', scalar: t as ScalarType };
  throw new QueryFormatError(
    `unknown parameter type "${t}"; use ${SCALAR_TYPES.join(', ')}, entity<Label> or list<...> of these`,
  );
}

const PARAM_LINE = /^@param\s+([A-Za-z_]\w*)\s*:\s*([^=]+?)\s*(?:=\s*(.*?))?\s*--\s*(.+)$/;

export function parseQuerySource(source: string): QueryDefinition {
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  const tags: { tag: string; value: string; line: number }[] = [];
  let headerLines = 0;
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '' && tags.length === 0) {
      headerLines = i + 1;
      continue;
    }
    if (!line.startsWith('//')) break;
    headerLines = i + 1;
    const body = line.replace(/^\/\/\s?/, '');
    const m = /^@(\w+)\s*(.*)$/.exec(body);
    if (m) tags.push({ tag: m[1]!, value: m[2]!.trim(), line: i + 1 });
    else if (tags.length > 0 && tags[tags.length - 1]!.tag === 'description' && body.trim()) {
      // continuation lines of a long description
      tags[tags.length - 1]!.value += ` ${body.trim()}`;
    }
  }
  const cypher = lines.slice(headerLines).join('\n').trim();
  const one = (tag: string) => tags.find((t) => t.tag === tag);
  const known = new Set(['name', 'title', 'description', 'category', 'param', 'result', 'roles', 'timeout']);
  for (const t of tags) if (!known.has(t.tag)) throw new QueryFormatError(`unknown header tag "@${t.tag}"; known tags: ${[...known].map((k) => `@${k}`).join(', ')}`, t.line);

  const name = one('name');
  if (!name?.value) throw new QueryFormatError('the header needs a "// @name query-name" line', 1);
  if (!QUERY_NAME_PATTERN.test(name.value))
    throw new QueryFormatError(`query name "${name.value}" must be 2–80 lower-case letters, digits and dashes`, name.line);
  const description = one('description')?.value ?? '';
  if (!description) throw new QueryFormatError('the header needs a "// @description ..." line saying what the query finds', name.line);
  const result = one('result');
  const resultKind = (result?.value ?? 'table') as ResultKind;
  if (!(RESULT_KINDS as readonly string[]).includes(resultKind))
    throw new QueryFormatError(`@result must be graph or table, not "${result?.value}"`, result?.line ?? null);
  const rolesTag = one('roles');
  const roles = rolesTag ? rolesTag.value.split(/[\s,]+/).filter(Boolean) : [...ROLES];
  for (const r of roles)
    if (!(ROLES as readonly string[]).includes(r)) throw new QueryFormatError(`unknown role "${r}" in @roles; use ${ROLES.join(', ')}`, rolesTag?.line ?? null);
  const timeoutTag = one('timeout');
  let timeoutSeconds: number | null = null;
  if (timeoutTag) {
    timeoutSeconds = Number(timeoutTag.value.replace(/\s*s$/, ''));
    if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0)
      throw new QueryFormatError(`@timeout must be a number of seconds, not "${timeoutTag.value}"`, timeoutTag.line);
  }

  const params: QueryParamSpec[] = [];
  for (const t of tags.filter((x) => x.tag === 'param')) {
    const m = PARAM_LINE.exec(`@param ${t.value}`);
    if (!m) throw new QueryFormatError(`bad @param line "@param ${t.value}" (want "@param name: type [= default] -- help text")`, t.line);
    try {
      parseParamType(m[2]!);
    } catch (err) {
      throw new QueryFormatError((err as Error).message, t.line);
    }
    if (params.some((p) => p.name === m[1])) throw new QueryFormatError(`parameter ${m[1]} is declared twice`, t.line);
    if (m[1] === VIEWER_PARAM)
      throw new QueryFormatError(`$${VIEWER_PARAM} is supplied by MoneyTrail (the signed-in user, for the need-to-know rule); remove "@param ${VIEWER_PARAM}"`, t.line);
    params.push({ name: m[1]!, type: m[2]!.trim(), default: m[3] === undefined || m[3] === '' ? null : m[3], help: m[4]!.trim() });
  }
  if (!cypher) throw new QueryFormatError('there is no Cypher after the header', headerLines + 1);
  const used = new Set([...stripLiterals(cypher).matchAll(/\$([A-Za-z_]\w*)/g)].map((m) => m[1]!).filter((u) => u !== VIEWER_PARAM));
  for (const u of used)
    if (!params.some((p) => p.name === u)) throw new QueryFormatError(`the query uses $${u} but the header declares no "@param ${u}: type -- help"`, null);
  for (const p of params) if (!used.has(p.name)) throw new QueryFormatError(`@param ${p.name} is declared but the query never uses $${p.name}`, null);

  return {
    name: name.value,
    title: one('title')?.value || titleFromName(name.value),
    description,
    category: one('category')?.value || 'General',
    params,
    resultKind,
    roles: roles as Role[],
    timeoutSeconds,
    cypher,
    headerLines,
  };
}

function titleFromName(name: string): string {
  const words = name.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Cypher text with comments and string literals blanked (same length), for scanning identifiers safely. */
export function stripLiterals(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const next = text[i + 1];
    if (c === '/' && next === '/') {
      const end = text.indexOf('\n', i);
      const stop = end === -1 ? text.length : end;
      out += ' '.repeat(stop - i);
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? text.length : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === '\\' ? 2 : 1;
      const stop = Math.min(text.length, j + 1);
      out += c + ' '.repeat(Math.max(0, stop - i - 2)) + (stop > i + 1 ? c : '');
      i = stop;
    } else if (c === '`') {
      // `quoted`.`names` are identifiers: keep the letters, drop the quotes, so `dbms`.x is still dbms.x
      const end = text.indexOf('`', i + 1);
      const stop = end === -1 ? text.length : end + 1;
      out += text.slice(i + 1, stop - 1);
      i = stop;
    } else {
      out += c;
      i += 1;
    }
  }
  return out;
}

/** Writes a definition back as a .cypher file (export, and the editor's template). */
export function formatQuerySource(d: Omit<QueryDefinition, 'headerLines'>): string {
  const header = [
    `// @name ${d.name}`,
    `// @title ${d.title}`,
    `// @category ${d.category}`,
    `// @description ${d.description}`,
    ...d.params.map((p) => `// @param ${p.name}: ${p.type}${p.default === null ? '' : ` = ${p.default}`} -- ${p.help}`),
    `// @result ${d.resultKind}`,
    `// @roles ${d.roles.join(', ')}`,
    ...(d.timeoutSeconds === null ? [] : [`// @timeout ${d.timeoutSeconds}`]),
  ];
  return `${header.join('\n')}\n${d.cypher.trim()}\n`;
}
