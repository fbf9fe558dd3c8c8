import { clearedFor, mayView, redactProps, type Viewer } from '../../domain/need-to-know.js';
import { primaryLabel } from '../graph/graph.presenter.js';
import type { RestrictionRow, SnapshotNodeRow, SnapshotRelRow } from './cases.repository.js';
import type { CaseContent, CaseContentInput, CaseDiff, CaseEdge, CaseNode, ElementOrigin } from './cases.schemas.js';

/**
 * Pure functions over case content: building the stored version from the canvas and the saver's snapshot,
 * applying need-to-know for a reader, and comparing two versions.
 */

/** The stored version: only what the saver may see is kept; the snapshot is the server's, not the client's. */
export function buildContent(input: CaseContentInput, nodes: SnapshotNodeRow[], rels: SnapshotRelRow[], saver: { email: string; viewer: Viewer }, now: string): CaseContent {
  const byUid = new Map(nodes.map((n) => [n.uid, n]));
  const relById = new Map(rels.map((r) => [r.id, r]));
  const fillOrigin = (o: ElementOrigin | undefined): ElementOrigin => ({ kind: o?.kind ?? 'unknown', ...(o?.detail ? { detail: o.detail } : {}), by: o?.by ?? saver.email, at: o?.at ?? now });
  const outNodes: CaseNode[] = [];
  const seen = new Set<string>();
  for (const n of input.nodes) {
    const snap = byUid.get(n.uid);
    if (!snap || seen.has(n.uid)) continue;
    seen.add(n.uid);
    outNodes.push({
      uid: n.uid,
      label: primaryLabel(snap.labels),
      caption: String(snap.props.caption ?? n.uid),
      position: n.position,
      ...(n.pinned ? { pinned: true } : {}),
      ...(n.hidden ? { hidden: true } : {}),
      ...(n.classes?.length ? { classes: n.classes } : {}),
      origin: fillOrigin(n.origin),
      snapshot: redactProps(saver.viewer, snap.props),
      degree: snap.degree,
    });
  }
  const edges: CaseEdge[] = [];
  for (const e of input.edges) {
    const snap = relById.get(e.id);
    if (!snap || !seen.has(snap.source) || !seen.has(snap.target)) continue;
    edges.push({
      id: e.id,
      type: e.type,
      source: snap.source,
      target: snap.target,
      ...(e.hidden ? { hidden: true } : {}),
      ...(e.classes?.length ? { classes: e.classes } : {}),
      ...(e.origin ? { origin: fillOrigin(e.origin) } : {}),
      snapshot: redactProps(saver.viewer, snap.props),
    });
  }
  return restrictTo(
    {
      nodes: outNodes,
      edges,
      flows: input.flows,
      filters: input.filters,
      groupings: input.groupings,
      annotations: input.annotations,
      style: input.style,
      degreeViewer: viewerKey(saver.viewer),
    },
    seen,
  );
}

export const viewerKey = (v: Viewer): string => `${v.organisationId}|${v.lawEnforcement}`;

/** Drops everything that refers to an entity not in `keep` (flows, groupings, notes, highlighted paths). */
function restrictTo(c: CaseContent, keep: ReadonlySet<string>): CaseContent {
  const edgeIds = new Set(c.edges.map((e) => e.id));
  const flows = c.flows.filter((f) => keep.has(f.source) && keep.has(f.target));
  const flowIds = new Set(flows.map((f) => f.id));
  const known = (id: string) => keep.has(id) || edgeIds.has(id) || flowIds.has(id);
  return {
    ...c,
    flows,
    groupings: c.groupings.map((g) => ({ ...g, members: g.members.filter((m) => keep.has(m)) })).filter((g) => g.members.length > 0),
    annotations: {
      notes: c.annotations.notes.filter((n) => known(n.targetId)),
      textBoxes: c.annotations.textBoxes,
      highlightedPaths: c.annotations.highlightedPaths.map((p) => ({ ...p, elementIds: p.elementIds.filter(known) })).filter((p) => p.elementIds.length > 0),
    },
  };
}

/**
 * A stored version as this reader may see it. The snapshot carries the restriction it had at save time and the
 * graph may have gained one since: both are applied (an entity hidden by either is withheld, with everything
 * that mentions it).
 */
export function contentFor(viewer: Viewer, c: CaseContent, current: RestrictionRow[]): { content: CaseContent; withheld: number } {
  const now = new Map(current.map((r) => [r.uid, r]));
  const visible = new Set<string>();
  const nodes: CaseNode[] = [];
  for (const n of c.nodes) {
    const cur = now.get(n.uid);
    if (!mayView(viewer, n.snapshot) || (cur && !mayView(viewer, cur))) continue;
    let snapshot = redactProps(viewer, n.snapshot);
    if (cur && Array.isArray(cur.restrictedKeys)) snapshot = redactProps(viewer, { ...snapshot, restriction: cur.restriction, restrictedKeys: cur.restrictedKeys, sources: cur.sources });
    visible.add(n.uid);
    nodes.push({ ...n, snapshot: withoutRestrictionKeys(snapshot) });
  }
  const edges = c.edges
    .filter((e) => visible.has(e.source) && visible.has(e.target) && mayView(viewer, e.snapshot))
    .map((e) => ({ ...e, snapshot: withoutRestrictionKeys(redactProps(viewer, e.snapshot)) }));
  return { content: restrictTo({ ...c, nodes, edges }, visible), withheld: c.nodes.length - nodes.length };
}

function withoutRestrictionKeys(props: Record<string, unknown>): Record<string, unknown> {
  const { restriction: _r, restrictedKeys: _k, ...rest } = props;
  return rest;
}

const FACT_NOISE = new Set(['keywords', 'importIds']);

/** keys whose value differs between two property maps (search keywords and import ids are bookkeeping) */
export function changedKeys(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => !FACT_NOISE.has(k) && JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null)).sort();
}

export function diffContent(fromNo: number, a: CaseContent, toNo: number, b: CaseContent): CaseDiff {
  const aNodes = new Map(a.nodes.map((n) => [n.uid, n]));
  const bNodes = new Map(b.nodes.map((n) => [n.uid, n]));
  const brief = (n: CaseNode) => ({ uid: n.uid, caption: n.caption, label: n.label });
  const aEdges = new Set(a.edges.map((e) => e.id));
  const bEdges = new Set(b.edges.map((e) => e.id));
  const aNotes = new Map(a.annotations.notes.map((n) => [n.targetId, n.text]));
  const bNotes = new Map(b.annotations.notes.map((n) => [n.targetId, n.text]));
  const notes: CaseDiff['notes'] = [];
  for (const id of new Set([...aNotes.keys(), ...bNotes.keys()])) {
    const before = aNotes.get(id) ?? null;
    const after = bNotes.get(id) ?? null;
    if (before !== after) notes.push({ targetId: id, before, after });
  }
  let moved = 0;
  const changedSnapshots: CaseDiff['changedSnapshots'] = [];
  for (const [uid, n] of bNodes) {
    const old = aNodes.get(uid);
    if (!old) continue;
    if (Math.hypot(old.position.x - n.position.x, old.position.y - n.position.y) > 1) moved++;
    const keys = changedKeys(old.snapshot, n.snapshot);
    if (keys.length > 0) changedSnapshots.push({ uid, caption: n.caption, keys });
  }
  return {
    from: fromNo,
    to: toNo,
    added: b.nodes.filter((n) => !aNodes.has(n.uid)).map(brief),
    removed: a.nodes.filter((n) => !bNodes.has(n.uid)).map(brief),
    edgesAdded: [...bEdges].filter((id) => !aEdges.has(id)).length,
    edgesRemoved: [...aEdges].filter((id) => !bEdges.has(id)).length,
    moved,
    notes,
    changedSnapshots,
    textBoxes: textBoxChanges(a, b),
    groupings: groupingChanges(a, b),
    filtersChanged: JSON.stringify(sortedKeys(a.filters ?? {})) !== JSON.stringify(sortedKeys(b.filters ?? {})),
  };
}

function textBoxChanges(a: CaseContent, b: CaseContent): CaseDiff['textBoxes'] {
  const before = new Map(a.annotations.textBoxes.map((t) => [t.id, t.text]));
  const after = new Map(b.annotations.textBoxes.map((t) => [t.id, t.text]));
  return [...new Set([...before.keys(), ...after.keys()])]
    .map((id) => ({ id, before: before.get(id) ?? null, after: after.get(id) ?? null }))
    .filter((c) => c.before !== c.after);
}

function groupingChanges(a: CaseContent, b: CaseContent): CaseDiff['groupings'] {
  const before = new Map(a.groupings.map((g) => [g.id, g]));
  const after = new Map(b.groupings.map((g) => [g.id, g]));
  const members = (g: { members: string[] } | undefined) => JSON.stringify([...(g?.members ?? [])].sort());
  return [...new Set([...before.keys(), ...after.keys()])]
    .map((id) => ({ id, before: before.get(id)?.label ?? null, after: after.get(id)?.label ?? null, membersChanged: members(before.get(id)) !== members(after.get(id)) }))
    .filter((c) => c.before !== c.after || c.membersChanged);
}

const sortedKeys = (o: Record<string, unknown>): [string, unknown][] => Object.entries(o).sort(([x], [y]) => x.localeCompare(y));

/**
 * A saver who may not see part of the base version (another organisation's restricted records) could not have
 * removed it on purpose: it is carried into the new version unchanged, with its relationships and notes, and so
 * are the restricted properties of entities the saver saw only in part. Continuing someone's case never loses
 * what the continuer was not allowed to see.
 */
export function carryWithheld(saver: Viewer, base: CaseContent, next: CaseContent, current: RestrictionRow[]): CaseContent {
  const visibleNow = new Set(contentFor(saver, base, current).content.nodes.map((n) => n.uid));
  const hidden = base.nodes.filter((n) => !visibleNow.has(n.uid) && !next.nodes.some((m) => m.uid === n.uid));
  const hiddenIds = new Set(hidden.map((n) => n.uid));
  const baseByUid = new Map(base.nodes.map((n) => [n.uid, n]));
  const nodes = next.nodes.map((n) => {
    const old = baseByUid.get(n.uid);
    if (!old || !Array.isArray(old.snapshot.restrictedKeys) || clearedFor(saver, old.snapshot)) return n;
    const kept = Object.fromEntries((old.snapshot.restrictedKeys as unknown[]).map(String).filter((k) => k in old.snapshot).map((k) => [k, old.snapshot[k]]));
    return { ...n, snapshot: { ...n.snapshot, ...kept, restriction: old.snapshot.restriction, restrictedKeys: old.snapshot.restrictedKeys } };
  });
  if (hidden.length === 0) return { ...next, nodes };
  const nextEdgeIds = new Set(next.edges.map((e) => e.id));
  const edges = base.edges.filter((e) => (hiddenIds.has(e.source) || hiddenIds.has(e.target) || !mayView(saver, e.snapshot)) && !nextEdgeIds.has(e.id));
  const flows = base.flows.filter((f) => hiddenIds.has(f.source) || hiddenIds.has(f.target));
  const notes = base.annotations.notes.filter((n) => hiddenIds.has(n.targetId) || edges.some((e) => e.id === n.targetId));
  // groups the saver kept keep their withheld members too
  const hiddenMembers = new Map(base.groupings.map((g) => [g.id, g.members.filter((m) => hiddenIds.has(m))]));
  const groupings = next.groupings.map((g) => ({ ...g, members: [...g.members, ...(hiddenMembers.get(g.id) ?? []).filter((m) => !g.members.includes(m))] }));
  return {
    ...next,
    groupings,
    nodes: [...nodes, ...hidden],
    edges: [...next.edges, ...edges],
    flows: [...next.flows, ...flows],
    annotations: { ...next.annotations, notes: [...next.annotations.notes, ...notes] },
  };
}
