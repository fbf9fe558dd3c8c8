import { ENTITY_LABELS, PROVENANCE_KEYS, type EntityLabel, type RelType } from '../../domain/model.js';
import { toPlain, toPlainProps } from '../../db/values.js';
import { redactProps, RESTRICTION_KEYS, type Viewer } from '../../domain/need-to-know.js';
import type { GraphEdge, GraphNode, Provenance } from './graph.schemas.js';

/** Properties that are plumbing (identity, search text, provenance) rather than facts shown as properties. */
const HIDDEN_PROPS = new Set<string>(['uid', 'caption', 'keywords', ...PROVENANCE_KEYS, ...RESTRICTION_KEYS]);

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

/**
 * Need-to-know: properties under a restriction the viewer is not cleared for are removed. Without a viewer
 * every property-level restriction is applied (fail closed); pass one with presentNodeFor / presentEdgeFor.
 */
const NOBODY: Viewer = { organisationId: '', lawEnforcement: false, role: 'analyst' };

export const presentNodeFor = (viewer: Viewer) => (row: NodeRow) => presentNodeAs(row, viewer);
export const presentEdgeFor = (viewer: Viewer) => (row: RelRow) => presentEdgeAs(row, viewer);
export const presentNode = (row: NodeRow, viewer: Viewer = NOBODY): GraphNode => presentNodeAs(row, viewer);
export const presentEdge = (row: RelRow, viewer: Viewer = NOBODY): GraphEdge => presentEdgeAs(row, viewer);

function presentNodeAs(row: NodeRow, viewer: Viewer): GraphNode {
  const props = redactProps(viewer, row.props);
  return {
    id: row.uid,
    label: primaryLabel(row.labels),
    labels: row.labels.filter((l) => l !== 'Entity'),
    caption: String(props.caption ?? row.uid),
    properties: factsOf(props),
    provenance: provenanceOf(props),
  };
}

function presentEdgeAs(row: RelRow, viewer: Viewer): GraphEdge {
  const relProps = redactProps(viewer, row.relProps);
  return {
    id: row.relId,
    type: row.type as RelType,
    source: row.source,
    target: row.target,
    properties: factsOf(relProps),
    provenance: provenanceOf(relProps),
  };
}
