/**
 * Applies a mapping preset to one validated record: templates → node rows (uid, label, props) and relationship
 * rows between them. Pure: the same record always gives the same rows, which is what makes re-runs idempotent.
 */
import { UID_PREFIX, type EntityLabel, type RelType } from '../../domain/model.js';
import { alpha3Of } from './import.countries.js';
import { DateValue, InstantValue, normaliseField, type FieldValue } from './import.fields.js';
import type { MappingPreset } from './import.mapping.js';

export type PropValue = string | number | boolean | string[] | DateValue | InstantValue;
export type Props = Record<string, PropValue>;
export interface NodeRow {
  uid: string;
  label: EntityLabel;
  props: Props;
}
export interface RelRow {
  type: RelType;
  from: string;
  to: string;
  props: Props;
}
export interface GraphRows {
  nodes: NodeRow[];
  rels: RelRow[];
}
export interface FieldProblem {
  field: string;
  reason: string;
}
export type Values = Record<string, FieldValue | null>;

export function validateRecord(record: Record<string, string>, mapping: MappingPreset, panKey: string): { values: Values; problems: FieldProblem[] } {
  const values: Values = {};
  const problems: FieldProblem[] = [];
  for (const [column, spec] of compiled(mapping).columns) {
    const res = normaliseField(record[column] ?? '', spec, panKey);
    if (res.ok) values[column] = res.value;
    else problems.push({ field: column, reason: res.reason });
  }
  return { values, problems };
}

/**
 * "1,234.50": what toLocaleString('en-US', 2 decimals) writes (which rounds the shortest decimal form half up,
 * so 1.005 → 1.01), without the cost of Intl on every row.
 */
export function money(n: number): string {
  const text = String(Math.abs(n));
  if (!Number.isFinite(n) || text.includes('e')) return n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const dot = text.indexOf('.');
  let int = dot < 0 ? text : text.slice(0, dot);
  let frac = dot < 0 ? '' : text.slice(dot + 1);
  if (frac.length > 2) {
    const up = frac.charCodeAt(2) >= 53; // '5'
    frac = frac.slice(0, 2);
    if (up) {
      const cents = (BigInt(int + frac) + 1n).toString().padStart(3, '0');
      int = cents.slice(0, -2);
      frac = cents.slice(-2);
    }
  }
  frac = frac.padEnd(2, '0');
  if (int.length > 3) int = int.replace(/\B(?=(\d{3})+$)/g, ',');
  return `${n < 0 || Object.is(n, -0) ? '-' : ''}${int}.${frac}`;
}

function part(value: FieldValue, name: string | undefined): string | number | DateValue | InstantValue | null {
  if (typeof value === 'string') return name === undefined ? value : name === 'lower' ? value.toLowerCase() : null;
  if (typeof value === 'number') return name === undefined ? value : name === 'money' ? money(value) : null;
  if (value instanceof DateValue) return name === undefined ? value : name === 'instant' ? new InstantValue(`${value.iso}T00:00:00.000Z`) : name === 'iso' ? value.iso : null;
  if (value instanceof InstantValue) return name === undefined ? value : name === 'date' ? new DateValue(value.iso.slice(0, 10)) : name === 'iso' ? value.iso : null;
  if (value.kind === 'card') {
    switch (name ?? 'masked') {
      case 'hash': return value.panHash;
      case 'hash16': return value.panHash.slice(0, 16);
      case 'bin': return value.bin;
      case 'last4': return value.last4;
      case 'scheme': return value.scheme;
      case 'masked': return `${value.bin}…${value.last4}`;
      default: return null;
    }
  }
  switch (name ?? 'code') {
    case 'code': return value.code;
    case 'name': return value.name;
    case 'alpha3': return alpha3Of(value.code);
    default: return null;
  }
}

const PLACEHOLDER = /\{([^}.]+)(?:\.([a-z0-9]+))?\}/gi;

type Template = (values: Values) => PropValue | null;

/** A template compiled once per preset: rows only run the closures, not the regular expressions. */
function compileTemplate(template: string): Template {
  const whole = /^\{([^}.]+)(?:\.([a-z0-9]+))?\}$/i.exec(template);
  if (whole) {
    const col = whole[1]!;
    const name = whole[2];
    return (values) => {
      const v = values[col];
      return v === null || v === undefined ? null : part(v, name);
    };
  }
  const pieces: (string | { col: string; name: string | undefined })[] = [];
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    if (m.index > last) pieces.push(template.slice(last, m.index));
    pieces.push({ col: m[1]!, name: m[2] });
    last = m.index + m[0].length;
  }
  if (last < template.length) pieces.push(template.slice(last));
  return (values) => {
    let text = '';
    for (const p of pieces) {
      if (typeof p === 'string') {
        text += p;
        continue;
      }
      const v = values[p.col];
      const x = v === null || v === undefined ? null : part(v, p.name);
      if (x === null || x === '') return null;
      text += x instanceof DateValue || x instanceof InstantValue ? x.iso : String(x);
    }
    return text.trim();
  };
}

const templates = new Map<string, Template>();
/** Evaluates a template; null when a placeholder is empty (so an optional column leaves its node or property out). */
export function evaluate(template: string, values: Values): PropValue | null {
  let t = templates.get(template);
  if (!t) {
    if (templates.size > 10_000) templates.clear();
    templates.set(template, (t = compileTemplate(template)));
  }
  return t(values);
}

export function keywordsOf(parts: (PropValue | null)[]): string {
  const seen = new Set<string>();
  for (const p of parts) if (typeof p === 'string' || typeof p === 'number') for (const w of String(p).toLowerCase().split(/\s+/)) if (w) seen.add(w);
  return [...seen].join(' ');
}

export function uidFor(label: EntityLabel, key: string): string {
  return `${UID_PREFIX[label]}:${key}`;
}

interface CompiledMapping {
  columns: [string, MappingPreset['columns'][string]][];
  nodes: { ref: string; label: EntityLabel; prefix: string; key: Template; caption: Template; set: Props; props: [string, Template][]; keywords: Template[] }[];
  rels: { type: RelType; from: string; to: string; props: [string, Template][] }[];
}
const compiledMappings = new WeakMap<MappingPreset, CompiledMapping>();

function compiled(mapping: MappingPreset): CompiledMapping {
  let c = compiledMappings.get(mapping);
  if (c) return c;
  const props = (p: Record<string, string>) => Object.entries(p).map(([k, t]) => [k, compileTemplate(t)] as [string, Template]);
  c = {
    columns: Object.entries(mapping.columns),
    nodes: mapping.nodes.map((n) => ({ ref: n.ref, label: n.label, prefix: `${UID_PREFIX[n.label]}:`, key: compileTemplate(n.key), caption: compileTemplate(n.caption), set: n.set, props: props(n.props), keywords: n.keywords.map(compileTemplate) })),
    rels: mapping.relationships.map((r) => ({ type: r.type, from: r.from, to: r.to, props: props(r.props) })),
  };
  compiledMappings.set(mapping, c);
  return c;
}

export function buildRows(values: Values, mapping: MappingPreset): GraphRows {
  const c = compiled(mapping);
  const refs = new Map<string, string>();
  const nodes: NodeRow[] = [];
  for (const n of c.nodes) {
    const key = n.key(values);
    if (key === null || key === '') continue;
    const uid = n.prefix + String(key);
    refs.set(n.ref, uid);
    const props: Props = { ...n.set };
    for (const [name, t] of n.props) {
      const v = t(values);
      if (v !== null) props[name] = v;
    }
    const caption = n.caption(values);
    props.caption = caption === null ? String(key) : String(caption instanceof DateValue || caption instanceof InstantValue ? caption.iso : caption);
    props.keywords = keywordsOf(n.keywords.length ? [props.caption, ...n.keywords.map((t) => t(values))] : [props.caption]);
    nodes.push({ uid, label: n.label, props });
  }
  const rels: RelRow[] = [];
  for (const r of c.rels) {
    const from = refs.get(r.from);
    const to = refs.get(r.to);
    if (!from || !to) continue;
    const props: Props = {};
    for (const [name, t] of r.props) {
      const v = t(values);
      if (v !== null) props[name] = v;
    }
    rels.push({ type: r.type, from, to, props });
  }
  return { nodes, rels };
}

const same = (a: PropValue | undefined, b: PropValue | undefined): boolean => {
  if (a === b) return true;
  if (a instanceof DateValue || a instanceof InstantValue) return (b instanceof DateValue || b instanceof InstantValue) && a.constructor === b.constructor && a.iso === b.iso;
  return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => x === b[i]);
};

/** Whether two rows say the same about an entity (the usual case for an account that recurs). */
export function sameProps(a: Props, b: Props): boolean {
  let n = 0;
  for (const k in a) {
    if (!same(a[k], b[k])) return false;
    n++;
  }
  for (const _ in b) n--;
  return n === 0;
}

/**
 * Collapses a batch: one row per node uid (later rows win per property, keywords are united) and one per
 * (type, from, to). Banks and countries recur on most rows, so this shrinks what Neo4j has to MERGE.
 */
export class BatchBuilder {
  private nodes = new Map<string, NodeRow>();
  private rels = new Map<string, RelRow>();
  rows = 0;

  add(g: GraphRows): void {
    this.rows++;
    for (const n of g.nodes) {
      const prev = this.nodes.get(n.uid);
      if (!prev) this.nodes.set(n.uid, n);
      else if (prev.label !== n.label || !sameProps(prev.props, n.props)) {
        const kw = keywordsOf([String(prev.props.keywords ?? ''), String(n.props.keywords ?? '')]);
        prev.props = { ...prev.props, ...n.props, keywords: kw };
      }
    }
    for (const r of g.rels) {
      const k = `${r.type}\u0000${r.from}\u0000${r.to}`;
      const prev = this.rels.get(k);
      if (!prev) this.rels.set(k, r);
      else if (!sameProps(prev.props, r.props)) prev.props = { ...prev.props, ...r.props };
    }
  }

  take(): GraphRows & { rows: number } {
    const out = { nodes: [...this.nodes.values()], rels: [...this.rels.values()], rows: this.rows };
    this.nodes = new Map();
    this.rels = new Map();
    this.rows = 0;
    return out;
  }
}
