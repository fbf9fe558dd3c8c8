/**
 * Parameter values for stored queries: checked against the declared type and turned into driver values
 * (integers as Neo4j integers so LIMIT works, instants as DateTime...). Values only ever travel as $parameters.
 * Input may be JSON (API) or text (CLI, URL, header defaults): "3", "true", "2025-03-01", "a,b" are accepted.
 */
import neo4j from 'neo4j-driver';
import { UID_PREFIX } from '../../domain/model.js';
import { parseParamType, type ParamType, type QueryParamSpec } from './queries.format.js';

export class ParamError extends Error {
  constructor(
    readonly param: string,
    message: string,
  ) {
    super(`parameter "${param}": ${message}`);
  }
}

/** A parameter's value as checked: `plain` is JSON for audit and display, `driver` what is sent to Neo4j. */
export interface CheckedParam {
  plain: unknown;
  driver: unknown;
}

const DURATION = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

function describe(t: ParamType): string {
  if (t.kind === 'scalar') return t.scalar;
  if (t.kind === 'entity') return `${t.label} id`;
  return `list of ${describe(t.of)}`;
}

function checkScalar(name: string, t: ParamType, value: unknown): CheckedParam {
  if (t.kind === 'list') {
    const items = Array.isArray(value)
      ? value
      : typeof value === 'string'
        ? value.split(',').map((s) => s.trim()).filter(Boolean)
        : null;
    if (!items) throw new ParamError(name, `expected a ${describe(t)}`);
    if (items.length > 1000) throw new ParamError(name, 'at most 1000 values');
    const checked = items.map((v) => checkScalar(name, t.of, v));
    return { plain: checked.map((c) => c.plain), driver: checked.map((c) => c.driver) };
  }
  if (t.kind === 'entity') {
    const prefix = `${UID_PREFIX[t.label]}:`;
    if (typeof value !== 'string' || !value.startsWith(prefix) || value.length <= prefix.length || value.length > 512)
      throw new ParamError(name, `expected the id of a ${t.label} (it starts with "${prefix}"), got ${JSON.stringify(value)}`);
    return { plain: value, driver: value };
  }
  const text = typeof value === 'string' ? value.trim() : null;
  switch (t.scalar) {
    case 'string':
      if (typeof value !== 'string') throw new ParamError(name, `expected text, got ${JSON.stringify(value)}`);
      if (value.length > 10_000) throw new ParamError(name, 'at most 10,000 characters');
      return { plain: value, driver: value };
    case 'integer': {
      const n = typeof value === 'number' ? value : text !== null && /^[+-]?\d+$/.test(text) ? Number(text) : NaN;
      if (!Number.isSafeInteger(n)) throw new ParamError(name, `expected a whole number, got ${JSON.stringify(value)}`);
      return { plain: n, driver: neo4j.int(n) };
    }
    case 'float': {
      const n = typeof value === 'number' ? value : text !== null && text !== '' ? Number(text) : NaN;
      if (!Number.isFinite(n)) throw new ParamError(name, `expected a number, got ${JSON.stringify(value)}`);
      return { plain: n, driver: n };
    }
    case 'boolean': {
      const b = typeof value === 'boolean' ? value : text === 'true' ? true : text === 'false' ? false : null;
      if (b === null) throw new ParamError(name, `expected true or false, got ${JSON.stringify(value)}`);
      return { plain: b, driver: b };
    }
    case 'date': {
      const m = text === null ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
      const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
      if (!m || !d || d.getUTCMonth() + 1 !== Number(m[2]) || d.getUTCDate() !== Number(m[3])) throw new ParamError(name, `expected a date like 2025-03-01, got ${JSON.stringify(value)}`);
      return { plain: text, driver: new neo4j.types.Date(Number(m[1]), Number(m[2]), Number(m[3])) };
    }
    case 'datetime': {
      // a bare date means midnight UTC; a time without zone is read as UTC
      const iso = text === null ? '' : /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : /T[\d:.]+$/.test(text) ? `${text}Z` : text;
      const ms = /^\d{4}-\d{2}-\d{2}T/.test(iso) ? Date.parse(iso) : NaN;
      if (!Number.isFinite(ms)) throw new ParamError(name, `expected a date and time like 2025-03-01T12:00:00Z, got ${JSON.stringify(value)}`);
      const date = new Date(ms);
      return { plain: date.toISOString(), driver: neo4j.types.DateTime.fromStandardDate(date) };
    }
    case 'duration': {
      const m = text === null ? null : DURATION.exec(text.toUpperCase());
      if (!m) throw new ParamError(name, `expected a duration like P7D, PT12H or P1M, got ${JSON.stringify(value)}`);
      const [, y, mo, w, d, h, mi, s] = m.map((x) => (x === undefined ? 0 : Number(x)));
      const seconds = Math.floor(s!);
      const nanos = Math.round((s! - seconds) * 1e9);
      return {
        plain: text!.toUpperCase(),
        driver: new neo4j.types.Duration(y! * 12 + mo!, w! * 7 + d!, h! * 3600 + mi! * 60 + seconds, nanos),
      };
    }
  }
}

/**
 * Checks every declared parameter: a missing value takes the declared default ("null" means optional);
 * a parameter that is not declared is refused, so a typo never silently runs the query with a default.
 */
export function checkParams(specs: readonly QueryParamSpec[], input: Record<string, unknown>): Record<string, CheckedParam> {
  for (const key of Object.keys(input))
    if (!specs.some((s) => s.name === key))
      throw new ParamError(key, `this query has no such parameter${specs.length ? `; it takes ${specs.map((s) => s.name).join(', ')}` : ''}`);
  const out: Record<string, CheckedParam> = {};
  for (const spec of specs) {
    const type = parseParamType(spec.type);
    let value = input[spec.name];
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0 && spec.default !== null)) {
      if (spec.default === null) throw new ParamError(spec.name, `a ${describe(type)} is required (${spec.help})`);
      value = spec.default;
    }
    if (value === null || value === 'null') {
      if (spec.default !== 'null') throw new ParamError(spec.name, `a ${describe(type)} is required (${spec.help})`);
      out[spec.name] = { plain: null, driver: null };
      continue;
    }
    out[spec.name] = checkScalar(spec.name, type, value);
  }
  return out;
}

/** Values good enough to plan a query with EXPLAIN when the caller gave none. */
export function sampleParams(specs: readonly QueryParamSpec[]): Record<string, unknown> {
  const sample = (t: ParamType): unknown => {
    if (t.kind === 'list') return [sample(t.of)];
    if (t.kind === 'entity') return `${UID_PREFIX[t.label]}:sample`;
    const samples: Record<string, unknown> = {
      string: 'x',
      integer: neo4j.int(1),
      float: 1.5,
      boolean: true,
      date: new neo4j.types.Date(2025, 1, 1),
      datetime: neo4j.types.DateTime.fromStandardDate(new Date(Date.UTC(2025, 0, 1))),
      duration: new neo4j.types.Duration(0, 1, 0, 0),
    };
    return samples[t.scalar];
  };
  return Object.fromEntries(specs.map((s) => [s.name, sample(parseParamType(s.type))]));
}

export function plainParams(checked: Record<string, CheckedParam>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(checked).map(([k, v]) => [k, v.plain]));
}
export function driverParams(checked: Record<string, CheckedParam>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(checked).map(([k, v]) => [k, v.driver]));
}
