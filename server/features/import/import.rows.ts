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
  for (const [column, spec] of Object.entries(mapping.columns)) {
    const res = normaliseField(record[column] ?? '', spec, panKey);
    if (res.ok) values[column] = res.value;
    else problems.push({ field: column, reason: res.reason });
  }
  return { values, problems };
}

const money = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function part(value: FieldValue, name: string | undefined): string | number | DateValue | InstantValue | null {
  if (typeof value === 'string') return name === undefined ? value : name === 'lower' ? value.toLowerCase() : null;
  if (typeof value === 'number') return name === undefined ? value : name === 'money' ? money(value) : null;
  if (value instanceof DateValue) return name === undefined ? value : name === 'instant' ? new InstantValue(`${value.iso}T00:00:00.000Z`) : name === 'iso' ? value.iso : null;
  if (value instanceof InstantValue) return name === undefined ? value : name === 'date' ? new DateValue(value.iso.slice(0, 10)) : name === 'iso' ? value.iso : null;
  if (value.kind === 'card') {
    const parts: Record<string, string> = { hash: value.panHash, hash16: value.panHash.slice(0, 16), bin: value.bin, last4: value.last4, scheme: value.scheme, masked: `${value.bin}…${value.last4}` };
    return parts[name ?? 'masked'] ?? null;
  }
  const parts: Record<string, string | null> = { code: value.code, name: value.name, alpha3: alpha3Of(value.code) };
  return parts[name ?? 'code'] ?? null;
}

const PLACEHOLDER = /\{([^}.]+)(?:\.([a-z0-9]+))?\}/gi;

/** Evaluates a template; null when a placeholder is empty (so an optional column leaves its node or property out). */
export function evaluate(template: string, values: Values): PropValue | null {
  const whole = /^\{([^}.]+)(?:\.([a-z0-9]+))?\}$/i.exec(template);
  if (whole) {
    const v = values[whole[1]!];
    return v === null || v === undefined ? null : part(v, whole[2]);
  }
  let empty = false;
  const text = template.replace(PLACEHOLDER, (_m, col: string, p: string | undefined) => {
    const v = values[col];
    const x = v === null || v === undefined ? null : part(v, p);
    if (x === null || x === '') empty = true;
    return x === null ? '' : x instanceof DateValue || x instanceof InstantValue ? x.iso : String(x);
  });
  return empty ? null : text.trim();
}

export function keywordsOf(parts: (PropValue | null)[]): string {
  const seen = new Set<string>();
  for (const p of parts) if (typeof p === 'string' || typeof p === 'number') for (const w of String(p).toLowerCase().split(/\s+/)) if (w) seen.add(w);
  return [...seen].join(' ');
}

export function uidFor(label: EntityLabel, key: string): string {
  return `${UID_PREFIX[label]}:${key}`;
}

export function buildRows(values: Values, mapping: MappingPreset): GraphRows {
  const refs = new Map<string, string>();
  const nodes: NodeRow[] = [];
  for (const n of mapping.nodes) {
    const key = evaluate(n.key, values);
    if (key === null || key === '') continue;
    const uid = uidFor(n.label, String(key));
    refs.set(n.ref, uid);
    const props: Props = { ...n.set };
    for (const [name, t] of Object.entries(n.props)) {
      const v = evaluate(t, values);
      if (v !== null) props[name] = v;
    }
    const caption = evaluate(n.caption, values);
    props.caption = caption === null ? String(key) : String(caption instanceof DateValue || caption instanceof InstantValue ? caption.iso : caption);
    props.keywords = keywordsOf([props.caption, ...n.keywords.map((t) => evaluate(t, values))]);
    nodes.push({ uid, label: n.label, props });
  }
  const rels: RelRow[] = [];
  for (const r of mapping.relationships) {
    const from = refs.get(r.from);
    const to = refs.get(r.to);
    if (!from || !to) continue;
    const props: Props = {};
    for (const [name, t] of Object.entries(r.props)) {
      const v = evaluate(t, values);
      if (v !== null) props[name] = v;
    }
    rels.push({ type: r.type, from, to, props });
  }
  return { nodes, rels };
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
      else {
        const kw = keywordsOf([String(prev.props.keywords ?? ''), String(n.props.keywords ?? '')]);
        prev.props = { ...prev.props, ...n.props, keywords: kw };
      }
    }
    for (const r of g.rels) {
      const k = `${r.type}\u0000${r.from}\u0000${r.to}`;
      const prev = this.rels.get(k);
      if (!prev) this.rels.set(k, r);
      else prev.props = { ...prev.props, ...r.props };
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
