/**
 * First wall in front of analyst Cypher: refuses, before anything reaches the database, what EXPLAIN would not
 * flag as a write but must still never run from an analyst's query: reading files or URLs (LOAD CSV, apoc.load),
 * switching database (USE), admin and SHOW commands, DBMS procedures, several statements in one, and APOC
 * procedures outside a read-only allow-list. The second wall is EXPLAIN (query type must be 'r'), the third the
 * READ transaction the query finally runs in.
 */
import { stripLiterals } from './queries.format.js';

export interface GuardRefusal {
  /** what was found, for the message: "LOAD CSV", "dbms.listConfig", ... */
  found: string;
  reason: string;
}

/** APOC namespaces that only compute over values or read the graph. */
const APOC_READ_ONLY = /^apoc\.(coll|map|text|math|convert|date|temporal|number|agg|algo|path|neighbors|label|any|node|nodes\.(connected|isDense|relationship\.types|relationships\.exist)|rel|diff|hashing|scoring|bitwise|meta\.(types?|cypher\.type|data|schema|stats|nodeTypeProperties|relTypeProperties))(\.|$)/i;

const ADMIN_START = /^\s*(ALTER|GRANT|DENY|REVOKE|START|STOP|TERMINATE|RENAME|ENABLE|DEALLOCATE|REALLOCATE|DRYRUN)\b/i;
const SCHEMA_OR_ADMIN = /\b(CREATE|DROP)\s+(OR\s+REPLACE\s+)?((RANGE|TEXT|POINT|LOOKUP|FULLTEXT|VECTOR|BTREE|COMPOSITE)\s+)?(INDEX|CONSTRAINT|USER|ROLE|DATABASE|ALIAS|SERVER)\b/i;

export function guardUntrusted(cypher: string): GuardRefusal | null {
  const text = stripLiterals(cypher);
  const trimmed = text.trim().replace(/;\s*$/, '');
  if (trimmed.includes(';'))
    return { found: ';', reason: 'only one statement may be run at a time (remove the ";" between statements)' };
  const prefix = /^\s*(EXPLAIN|PROFILE)\b/i.exec(trimmed);
  if (prefix) return { found: prefix[1]!.toUpperCase(), reason: `${prefix[1]!.toUpperCase()} is added by MoneyTrail itself; remove it` };
  const admin = ADMIN_START.exec(trimmed) ?? SCHEMA_OR_ADMIN.exec(trimmed);
  if (admin) return { found: admin[0].trim().toUpperCase(), reason: 'schema and administration commands cannot be run from a query' };
  // keywords, not property names: "n.show" or "r.use" are preceded by a dot
  const keyword = (re: RegExp) => {
    for (const m of trimmed.matchAll(re)) if (trimmed[m.index - 1] !== '.') return m;
    return null;
  };
  const loadCsv = keyword(/\bLOAD\s+CSV\b/gi);
  if (loadCsv) return { found: 'LOAD CSV', reason: 'queries may not read files or URLs' };
  const inTx = keyword(/\bIN\s+(\S+\s+)?(CONCURRENT\s+)?TRANSACTIONS\b/gi);
  if (inTx) return { found: 'CALL { ... } IN TRANSACTIONS', reason: 'batched transactions are only for writing data' };
  const use = keyword(/\bUSE\s+[A-Za-z_]/gi);
  if (use) return { found: 'USE', reason: 'queries run against the investigation database only' };
  const show = keyword(/\bSHOW\s+[A-Za-z]/gi);
  if (show) return { found: 'SHOW', reason: 'SHOW commands are administration commands' };
  const terminate = keyword(/\bTERMINATE\s+TRANSACTIONS?\b/gi);
  if (terminate) return { found: 'TERMINATE', reason: 'administration commands cannot be run from a query' };

  for (const m of trimmed.matchAll(/\b([A-Za-z_][\w]*(?:\s*\.\s*[A-Za-z_][\w]*)+)\s*\(/g)) {
    if (trimmed[m.index - 1] === '.') continue;
    const qualified = m[1]!.replace(/\s+/g, '');
    const lower = qualified.toLowerCase();
    if (lower.startsWith('dbms.')) return { found: qualified, reason: 'DBMS procedures are administration commands' };
    if (lower.startsWith('db.create') || lower.startsWith('db.clearquerycaches') || lower.startsWith('db.checkpoint'))
      return { found: qualified, reason: 'this procedure changes the database' };
    if (/^apoc\.(load|import|export|spatial|systemdb|log)\./.test(lower))
      return { found: qualified, reason: 'queries may not read or write files or URLs, or reach outside the database' };
    if (lower.startsWith('apoc.') && !APOC_READ_ONLY.test(lower))
      return { found: qualified, reason: 'only read-only APOC functions and procedures (apoc.coll, apoc.text, apoc.path, ...) may be used' };
    if (lower.startsWith('gds.'))
      return { found: qualified, reason: 'GDS is not available to queries: its projections read the graph without the need-to-know checks' };
    if (lower.startsWith('genai.'))
      return { found: qualified, reason: 'this procedure library is not available to queries' };
  }
  return guardInternal(cypher);
}

/**
 * MoneyTrail's own records live in the same database as the investigation graph. Queries are for the graph:
 * one that names an internal label (accounts, sessions, the audit chain, cases, imports...) or an internal
 * property is refused before it runs. Dynamic labels are refused too, since a parameter could name any label.
 * The result post-processing drops every node that is not an :Entity as a second wall (queries.presenter.ts).
 */
export const INTERNAL_LABELS = [
  'User', 'Session', 'AuditRecord', 'AuditHead', 'Migration', 'Import', 'MappingPreset', 'PossibleDuplicate',
  'EntityMerge', 'StoredQuery', 'StoredQueryVersion', 'Case', 'CaseVersion', 'CaseDraft', 'CaseShare',
  'CaseComment', 'CaseActivity',
] as const;
export const INTERNAL_PROPERTIES = ['passwordHash', 'passwordChangedAt', 'failedLogins', 'lockedUntil', 'idHash', 'csrfToken', 'userAgent'] as const;

export function guardInternal(cypher: string): GuardRefusal | null {
  const text = stripLiterals(cypher);
  const refuse = (found: string): GuardRefusal => ({
    found,
    reason: "queries may only read the investigation graph, not MoneyTrail's own records (accounts, sessions, audit trail, cases, imports)",
  });
  if (/[:|&!]\s*\$\s*(any|all)?\s*\(/i.test(text)) return { found: 'dynamic label', reason: 'dynamic labels ($(...)) cannot be used in queries; write the label' };
  for (const m of text.matchAll(/[:|&!]\s*([A-Za-z_]\w*)/g)) {
    const name = m[1]!;
    if ((INTERNAL_LABELS as readonly string[]).includes(name)) return refuse(name);
  }
  for (const p of INTERNAL_PROPERTIES) if (new RegExp(`\\b${p}\\b`, 'i').test(text)) return refuse(p);
  // 'User' IN labels(n), n['passwordHash']: a string literal that is exactly an internal name
  for (const m of cypher.matchAll(/'([^'\\]*)'|"([^"\\]*)"/g)) {
    const literal = (m[1] ?? m[2] ?? '').trim();
    if ((INTERNAL_LABELS as readonly string[]).includes(literal)) return refuse(literal);
    if (INTERNAL_PROPERTIES.some((p) => p.toLowerCase() === literal.toLowerCase())) return refuse(literal);
  }
  return null;
}

/** The write clause a query contains, to say in words why EXPLAIN refused it. */
export function writeClauseOf(cypher: string): string | null {
  const text = stripLiterals(cypher);
  for (const m of text.matchAll(/\b(CREATE|MERGE|SET|DETACH\s+DELETE|DELETE|REMOVE|FOREACH)\b/gi)) {
    if (text[m.index - 1] === '.') continue;
    return m[1]!.toUpperCase().replace(/\s+/g, ' ');
  }
  return null;
}
