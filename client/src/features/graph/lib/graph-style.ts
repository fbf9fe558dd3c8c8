import type { StylesheetJson } from 'cytoscape';
import { labelIconDataUri } from '../../../lib/labels/label-icons';
import { LABEL_COLOURS } from '../../../lib/labels/label-style';
import { ENTITY_LABELS, type RelType } from '../../../types/api';

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/** Relationships that carry money; drawn warmer so a payment trail stands out from infrastructure links. */
export const MONEY_REL_TYPES: readonly RelType[] = ['SENT', 'TO', 'VIA', 'SETTLES_TO'];

/**
 * Goes right after the base node rule on big canvases, so the state rules below it (selected, pinned, sink, path)
 * still draw their borders: a white border is a second path per node per frame, a label background a third.
 */
const BIG_GRAPH_NODE_BASE: StylesheetJson = [{ selector: 'node', style: { 'border-width': 0, 'text-background-opacity': 0, 'text-wrap': 'none', 'min-zoomed-font-size': 9 } }];

/**
 * Drawn instead on canvases of thousands of elements (see render-tuning.ts): per-node SVG icons, curved edges with
 * arrows and edge labels are what makes a 5,000-node frame take seconds to paint. Colours, sizes and node labels
 * (at readable zoom) stay, so the picture still reads the same; a selected edge gets its arrow and label back.
 */
const BIG_GRAPH_OVERRIDES: StylesheetJson = [
  { selector: 'node', style: { 'background-image': 'none' } },
  { selector: 'edge', style: { 'curve-style': 'haystack', 'haystack-radius': 0, label: '', 'min-zoomed-font-size': 9 } },
  { selector: 'edge:selected, edge.is-path, edge[type = "FLOW"]', style: { 'curve-style': 'bezier', label: 'data(type)' } },
  { selector: 'edge[type = "FLOW"]', style: { label: 'data(caption)' } },
];

export function buildGraphStyle({ big = false }: { big?: boolean } = {}): StylesheetJson {
  const perLabel: StylesheetJson = ENTITY_LABELS.map((label) => ({
    selector: `node[label = "${label}"]`,
    style: {
      'background-color': LABEL_COLOURS[label],
      'background-image': labelIconDataUri(label),
      'background-width': '58%',
      'background-height': '58%',
      'background-fit': 'none',
      'background-clip': 'none',
    },
  }));

  const base: StylesheetJson = [
    {
      selector: 'node',
      style: {
        shape: 'ellipse',
        width: 34,
        height: 34,
        'background-color': '#94a3b8',
        'border-width': 2,
        'border-color': '#ffffff',
        label: 'data(caption)',
        'font-family': FONT,
        'font-size': 10,
        color: '#1e293b',
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 4,
        'text-wrap': 'ellipsis',
        'text-max-width': '140px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
        'text-background-padding': '1px',
        'text-background-shape': 'roundrectangle',
        // Unreadable text costs time to draw and only adds noise when zoomed out.
        'min-zoomed-font-size': 7,
        'overlay-opacity': 0,
      },
    },
    ...perLabel,
    {
      selector: 'node:selected',
      style: {
        'border-width': 3,
        'border-color': '#0f172a',
        'underlay-color': '#0f172a',
        'underlay-opacity': 0.14,
        'underlay-padding': 7,
        'underlay-shape': 'ellipse',
        'font-weight': 'bold',
        'z-index': 10,
      },
    },
    {
      selector: 'node.is-expanding',
      style: { 'border-color': '#f59e0b', 'border-style': 'dashed', 'border-width': 3 },
    },
    {
      selector: 'edge',
      style: {
        width: 1.4,
        'curve-style': 'bezier',
        'line-color': '#9aa7b8',
        'target-arrow-shape': 'triangle',
        'target-arrow-color': '#9aa7b8',
        'arrow-scale': 0.85,
        label: 'data(type)',
        'font-family': FONT,
        'font-size': 7.5,
        color: '#475569',
        'text-rotation': 'autorotate',
        'text-background-color': '#f8fafc',
        'text-background-opacity': 0.9,
        'text-background-padding': '1px',
        'min-zoomed-font-size': 6,
        'overlay-opacity': 0,
      },
    },
    {
      selector: MONEY_REL_TYPES.map((type) => `edge[type = "${type}"]`).join(', '),
      style: { width: 1.8, 'line-color': '#c08a3e', 'target-arrow-color': '#c08a3e', color: '#7c4a03' },
    },
    { selector: 'node[size]', style: { width: 'data(size)', height: 'data(size)' } },
    { selector: '.is-hidden, .is-filtered, .is-out-of-window', style: { display: 'none' } },
    { selector: 'node.is-pinned', style: { 'border-color': '#7c3aed', 'border-width': 3 } },
    // The label text is computed into data (sinkLabel) rather than by a style function, so the stylesheet stays
    // plain JSON and the exported interactive HTML shows the sink totals too.
    { selector: 'node.is-sink', style: { 'border-color': '#b91c1c', 'border-width': 5, shape: 'round-rectangle', label: 'data(sinkLabel)', 'text-wrap': 'wrap', 'font-weight': 'bold', color: '#7f1d1d' } },
    { selector: 'node.is-trail-start', style: { 'border-color': '#15803d', 'border-width': 5 } },
    { selector: '.is-path', style: { 'line-color': '#2563eb', 'target-arrow-color': '#2563eb', 'border-color': '#2563eb', 'border-width': 4, width: 4, 'z-index': 9 } },
    {
      selector: 'edge[type = "FLOW"]',
      style: {
        width: 'data(width)',
        'line-color': '#b45309',
        'target-arrow-color': '#b45309',
        label: 'data(caption)',
        color: '#78350f',
        'font-size': 8,
        'curve-style': 'bezier',
      },
    },
    {
      selector: 'edge:selected',
      style: {
        width: 3,
        'line-color': '#0f172a',
        'target-arrow-color': '#0f172a',
        color: '#0f172a',
        'font-weight': 'bold',
        'z-index': 10,
      },
    },
  ];
  return big ? [base[0]!, ...BIG_GRAPH_NODE_BASE, ...base.slice(1), ...BIG_GRAPH_OVERRIDES] : base;
}
