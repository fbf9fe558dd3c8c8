import { ENTITY_LABELS, PROVENANCE_KEYS, type EntityLabel, type RelType } from '../../domain/model.js';
import { toPlain, toPlainProps } from '../../db/values.js';
import type { GraphEdge, GraphNode, Provenance } from './graph.schemas.js';

/** Properties that are plumbing (identity, search text, provenance) rather than facts shown as properties. */
const HIDDEN_PROPS = new Set<string>(['uid', 'caption', 'keywords', ...PROVENANCE_KEYS]);

export function primaryLabel(labels: readonly string[]): EntityLabel {
  const found = ENTITY_LABELS.find((l) => labels.includes(l));
  if (!found) throw new Error(`node with labels ${labels.join(':')} has no model label`);
  return found;
}

function provenanceOf(props: Record<string, unknown>): Provenance {
  const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : v == null ? [] : [String(v)]);
  const text = (v: unknown) => (v == null ? null : String(toPlain(v)));
  return { sources: list(props.sources), importIds: list(props.importIds), firstSeen: text(props.firstSeen), lastSeen: text(props.lastSeen) };
}

function factsOf(props: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) if (!HIDDEN_PROPS.has(k)) out[k] = v;
  return toPlainProps(out);
}

export interface NodeRow {
  uid: string;
  labels: string[];
  props: Record<string, unknown>;
}
export interface RelRow {
  relId: string;
  type: string;
  source: string;
  target: string;
  relProps: Record<string, unknown>;
}

export function presentNode(row: NodeRow): GraphNode {
  return {
    id: row.uid,
    label: primaryLabel(row.labels),
    labels: row.labels.filter((l) => l !== 'Entity'),
    caption: String(row.props.caption ?? row.uid),
    properties: factsOf(row.props),
    provenance: provenanceOf(row.props),
  };
}

export function presentEdge(row: RelRow): GraphEdge {
  return {
    id: row.relId,
    type: row.type as RelType,
    source: row.source,
    target: row.target,
    properties: factsOf(row.relProps),
    provenance: provenanceOf(row.relProps),
  };
}
