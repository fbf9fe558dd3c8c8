import type { Core } from 'cytoscape';
import type { CanvasFile, GraphSession } from '../../graph';
import { canvasFilterStore, NO_FILTERS, type FilterState } from '../../filters';
import type { CaseContent, CaseContentInput, CaseFilters, ElementOrigin, EntityLabel, GraphEdge, GraphNode, RelType } from '../../../../../server/api-types';

/**
 * The bridge between the canvas (graph session) and a case: what to save, and how to put a saved case back.
 * Only the graph session's public API is used (canvasFile / importCanvas / clear), plus element classes and
 * data read through its Cytoscape handle for styling (hidden, highlighted path, pinned) and provenance.
 */
export type Annotations = CaseContentInput['annotations'];
export type Groupings = CaseContentInput['groupings'];

/** Classes worth keeping: how the analyst styled and marked elements; transient UI states are left out. */
const KEPT_CLASSES = /^is-(hidden|path|sink|trail-start|pinned|filtered)$/;

function keptClasses(cy: Core | null, id: string): string[] | undefined {
  const el = cy?.getElementById(id);
  if (!el || el.empty()) return undefined;
  const classes = el.classes().filter((c: string) => KEPT_CLASSES.test(c));
  return classes.length ? classes : undefined;
}

export function readCanvas(session: GraphSession, annotations: Annotations, groupings: Groupings): CaseContentInput {
  const file = session.canvasFile();
  const cy = session.cyRef.current;
  const origin = (id: string): ElementOrigin | undefined => (cy?.getElementById(id).data('origin') as ElementOrigin | undefined) ?? undefined;
  const paths = cy ? cy.$('.is-path').map((e) => e.id()) : [];
  return {
    nodes: file.nodes.map((n) => ({
      uid: n.id,
      position: n.position ?? { x: 0, y: 0 },
      pinned: n.pinned,
      hidden: cy?.getElementById(n.id).hasClass('is-hidden') ?? false,
      classes: keptClasses(cy, n.id),
      origin: origin(n.id),
    })),
    edges: file.edges.map((e) => ({ id: e.id, type: e.type, source: e.source, target: e.target, classes: keptClasses(cy, e.id), hidden: cy?.getElementById(e.id).hasClass('is-hidden') ?? false })),
    flows: file.flows,
    filters: savedFilters(canvasFilterStore.get()),
    groupings,
    annotations: {
      ...annotations,
      // the highlighted path on the canvas is kept as an annotation, replacing the one saved before
      highlightedPaths: paths.length ? [{ id: 'canvas-path', label: 'Highlighted path', elementIds: paths }] : [],
    },
    style: { sizeMode: session.sizeMode },
  };
}

const FACT_HIDDEN = new Set(['uid', 'caption', 'keywords', 'sources', 'importIds', 'firstSeen', 'lastSeen']);
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
const text = (v: unknown): string | null => (v == null ? null : String(v));

function asNode(n: CaseContent['nodes'][number]): GraphNode {
  const properties = Object.fromEntries(Object.entries(n.snapshot).filter(([k]) => !FACT_HIDDEN.has(k)));
  const s = n.snapshot;
  return { id: n.uid, label: n.label as EntityLabel, labels: [n.label], caption: n.caption, properties, provenance: { sources: list(s.sources), importIds: list(s.importIds), firstSeen: text(s.firstSeen), lastSeen: text(s.lastSeen) } };
}
function asEdge(e: CaseContent['edges'][number]): GraphEdge {
  const s = e.snapshot;
  const properties = Object.fromEntries(Object.entries(s).filter(([k]) => !FACT_HIDDEN.has(k)));
  return { id: e.id, type: e.type as RelType, source: e.source, target: e.target, properties, provenance: { sources: list(s.sources), importIds: list(s.importIds), firstSeen: text(s.firstSeen), lastSeen: text(s.lastSeen) } };
}

/** The canvas file (the graph session's JSON format) for a saved version: the evidence as it was when saved. */
export function canvasFileOf(content: CaseContent): CanvasFile {
  return {
    format: 'moneytrail-canvas',
    version: 1,
    nodes: content.nodes.map((n) => ({ ...asNode(n), position: n.position, pinned: n.pinned ?? false })),
    edges: content.edges.map(asEdge),
    flows: content.flows,
  };
}

/** The filter panel's state as a case keeps it: numbers as numbers, only what is set. */
export function savedFilters(f: FilterState): CaseFilters {
  const num = (v: string) => (v.trim() === '' || !Number.isFinite(Number(v)) ? null : Number(v));
  const out: CaseFilters = {};
  if (f.hiddenLabels.length) out.hiddenLabels = [...f.hiddenLabels];
  if (num(f.minAmount) !== null) out.minAmount = num(f.minAmount);
  if (num(f.maxAmount) !== null) out.maxAmount = num(f.maxAmount);
  if (f.currency) out.currency = f.currency;
  if (f.country) out.country = f.country;
  if (f.dateFrom) out.dateFrom = f.dateFrom;
  if (f.dateTo) out.dateTo = f.dateTo;
  return out;
}

/** The filter panel's state for a saved case (versions saved before filters were kept have none). */
export function filterStateOf(f: CaseFilters | undefined): FilterState {
  if (!f) return NO_FILTERS;
  const str = (n: number | null | undefined) => (typeof n === 'number' ? String(n) : '');
  return {
    hiddenLabels: f.hiddenLabels ?? [],
    minAmount: str(f.minAmount),
    maxAmount: str(f.maxAmount),
    currency: f.currency ?? '',
    country: f.country ?? '',
    dateFrom: f.dateFrom ?? '',
    dateTo: f.dateTo ?? '',
  };
}

/** Replaces the canvas with a saved case or a recovered draft, restoring styles, filters, highlighted paths and provenance. */
export function loadCanvas(session: GraphSession, content: CaseContentInput | CaseContent, file: CanvasFile): void {
  // filters first: the filter panel re-applies them as soon as the elements arrive
  canvasFilterStore.set(filterStateOf(content.filters));
  session.clear();
  session.importCanvas(file);
  const cy = session.cyRef.current;
  if (!cy) return;
  cy.batch(() => {
    for (const n of content.nodes) {
      const el = cy.getElementById(n.uid);
      if (el.empty()) continue;
      if (n.origin) el.data('origin', n.origin);
      for (const c of n.classes ?? []) el.addClass(c);
      if (n.hidden) el.addClass('is-hidden');
    }
    for (const e of content.edges) {
      const el = cy.getElementById(e.id);
      for (const c of e.classes ?? []) el.addClass(c);
      if (e.hidden) el.addClass('is-hidden');
    }
    for (const p of content.annotations.highlightedPaths) for (const id of p.elementIds) cy.getElementById(id).addClass('is-path');
  });
  if (content.style.sizeMode) session.setSizeMode(content.style.sizeMode as GraphSession['sizeMode']);
}

/**
 * Provenance: every element that appears on the canvas without one is stamped with how it got there, as far as
 * the canvas tells (an expansion marks what it brought; trails and paths mark their elements), by whom, when.
 */
export function stampOrigins(cy: Core, by: string): void {
  const at = new Date().toISOString();
  cy.nodes().forEach((n) => {
    if (n.data('origin')) return;
    const from = n.data('expandedFrom') as string | undefined;
    let origin: ElementOrigin;
    if (from) origin = { kind: 'expansion', detail: String(cy.getElementById(from).data('caption') ?? from), by, at };
    else if (n.hasClass('is-sink') || n.hasClass('is-trail-start') || n.connectedEdges('[type = "FLOW"]').nonempty()) origin = { kind: 'trail', by, at };
    else if (n.hasClass('is-path')) origin = { kind: 'path', by, at };
    else origin = { kind: 'search', detail: String(n.data('caption') ?? n.id()), by, at };
    n.data('origin', origin);
  });
}
