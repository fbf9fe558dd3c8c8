import cytoscape, { type Core } from 'cytoscape';
import svgExt from 'cytoscape-svg';
import type { CanvasFile } from '../graph/hooks/use-canvas-actions';
import type { CanvasOverlayState } from '../graph';
import { download } from '../../lib/download';
import { drawGroupFills, drawOverlay, hasShapes, overlayShapes, overlaySvg, shapesBounds, union, type Box } from './export-overlay';

let svgRegistered = false;
function registerSvg(): void {
  if (svgRegistered) return;
  cytoscape.use(svgExt);
  svgRegistered = true;
}


const stamp = () => new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-');

/** device pixels per graph unit at scale 1, as Cytoscape's png() and cytoscape-svg size their output */
const pixelRatio = (cy: Core) => (cy as unknown as { renderer(): { getPixelRatio(): number } }).renderer().getPixelRatio();

/** what a full export covers: the graph (as Cytoscape frames it), grown to take in text boxes and groups */
function graphBox(cy: Core): Box {
  const bb = cy.elements().boundingBox();
  return { x: bb.x1, y: bb.y1, w: Math.ceil(bb.w), h: Math.ceil(bb.h) };
}

/**
 * The picture of the canvas with the case's text boxes and group outlines on it (they are HTML over the canvas,
 * so Cytoscape's png() leaves them out): group fills under the graph, outlines, labels and text boxes over it.
 */
export async function exportPng(cy: Core, full: boolean, overlay: CanvasOverlayState | null = null): Promise<void> {
  const shapes = overlayShapes(cy, overlay);
  const SCALE = 2;
  if (!hasShapes(shapes)) {
    download(`moneytrail-${stamp()}.png`, cy.png({ output: 'blob', full, bg: '#ffffff', scale: SCALE }) as unknown as Blob);
    return;
  }
  const graph = await createImageBitmap(cy.png({ output: 'blob', full, scale: SCALE }) as unknown as Blob);
  const s = SCALE * pixelRatio(cy);
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d')!;
  let toCanvas: [number, number, number, number, number, number];
  let at = { x: 0, y: 0 };
  if (full) {
    const bb = graphBox(cy);
    const all = union(bb, shapesBounds(shapes));
    canvas.width = Math.ceil(all.w * s);
    canvas.height = Math.ceil(all.h * s);
    toCanvas = [s, 0, 0, s, -all.x * s, -all.y * s];
    at = { x: (bb.x - all.x) * s, y: (bb.y - all.y) * s };
  } else {
    canvas.width = graph.width;
    canvas.height = graph.height;
    const zoom = cy.zoom();
    const pan = cy.pan();
    toCanvas = [s * zoom, 0, 0, s * zoom, pan.x * s, pan.y * s];
  }
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.setTransform(...toCanvas);
  drawGroupFills(ctx, shapes);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.drawImage(graph, at.x, at.y);
  ctx.setTransform(...toCanvas);
  drawOverlay(ctx, shapes);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the browser could not encode the picture');
  download(`moneytrail-${stamp()}.png`, blob);
}

/** SVG of the canvas; text boxes and groups are added as rect and text elements at their graph coordinates. */
export function exportSvg(cy: Core, full: boolean, overlay: CanvasOverlayState | null = null): void {
  registerSvg();
  const shapes = overlayShapes(cy, overlay);
  const render = (cy as unknown as { svg(o: object): string }).svg.bind(cy);
  if (!hasShapes(shapes)) {
    download(`moneytrail-${stamp()}.svg`, render({ full, bg: '#ffffff', scale: 1 }), 'image/svg+xml');
    return;
  }
  const doc = new DOMParser().parseFromString(render({ full, scale: 1 }), 'image/svg+xml');
  const root = doc.documentElement;
  const s = pixelRatio(cy);
  let width = Number(root.getAttribute('width'));
  let height = Number(root.getAttribute('height'));
  let shift = { x: 0, y: 0 };
  let matrix: number[];
  if (full) {
    const bb = graphBox(cy);
    const all = union(bb, shapesBounds(shapes));
    width = Math.ceil(all.w * s);
    height = Math.ceil(all.h * s);
    shift = { x: (bb.x - all.x) * s, y: (bb.y - all.y) * s };
    matrix = [s, 0, 0, s, -all.x * s, -all.y * s];
  } else {
    const zoom = cy.zoom();
    const pan = cy.pan();
    matrix = [s * zoom, 0, 0, s * zoom, pan.x * s, pan.y * s];
  }
  const ns = 'http://www.w3.org/2000/svg';
  const graph = doc.createElementNS(ns, 'g');
  graph.setAttribute('transform', `translate(${shift.x} ${shift.y})`);
  for (const child of [...root.childNodes]) if ((child as Element).tagName !== 'defs') graph.append(child);
  const [under, over] = overlaySvg(shapes);
  const layer = (markup: string, id: string) => {
    const g = new DOMParser().parseFromString(`<g xmlns="${ns}" id="${id}" transform="matrix(${matrix.join(' ')})">${markup}</g>`, 'image/svg+xml').documentElement;
    return doc.importNode(g, true);
  };
  const bg = doc.createElementNS(ns, 'rect');
  for (const [k, v] of Object.entries({ x: '0', y: '0', width: String(width), height: String(height), fill: '#ffffff' })) bg.setAttribute(k, v);
  root.append(bg, layer(under, 'moneytrail-group-fills'), graph, layer(over, 'moneytrail-annotations'));
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  download(`moneytrail-${stamp()}.svg`, new XMLSerializer().serializeToString(doc), 'image/svg+xml');
}

export function exportJson(file: CanvasFile): void {
  download(`moneytrail-${stamp()}.json`, JSON.stringify(file, null, 2), 'application/json');
}

const csvCell = (v: unknown) => {
  const s = v == null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  // a leading = + - @ would be run as a formula by spreadsheet programs
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};
const csvRows = (header: string[], rows: unknown[][]) => [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';

export function nodesCsv(file: CanvasFile): string {
  const keys = [...new Set(file.nodes.flatMap((n) => Object.keys(n.properties)))].sort();
  return csvRows(
    ['id', 'label', 'caption', ...keys, 'sources', 'firstSeen', 'lastSeen'],
    file.nodes.map((n) => [n.id, n.label, n.caption, ...keys.map((k) => n.properties[k]), n.provenance.sources.join(' '), n.provenance.firstSeen, n.provenance.lastSeen]),
  );
}

export function edgesCsv(file: CanvasFile): string {
  return csvRows(
    ['id', 'source', 'target', 'type', 'total', 'count', 'currency', 'first', 'last', 'sources'],
    [
      ...file.edges.map((e) => [e.id, e.source, e.target, e.type, e.properties.amount ?? '', '', '', e.provenance.firstSeen, e.provenance.lastSeen, e.provenance.sources.join(' ')]),
      ...file.flows.map((f) => [f.id, f.source, f.target, 'FLOW', f.total, f.count, f.currency, f.first, f.last, '']),
    ],
  );
}

export function exportCsv(file: CanvasFile): void {
  download(`moneytrail-nodes-${stamp()}.csv`, nodesCsv(file), 'text/csv');
  setTimeout(() => download(`moneytrail-edges-${stamp()}.csv`, edgesCsv(file), 'text/csv'), 300);
}

const xml = (v: unknown) => String(v ?? '').replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** GraphML as Gephi reads it: declared keys, directed edges, numeric weight for money flows. */
export function graphml(file: CanvasFile): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="kind" for="node" attr.name="kind" attr.type="string"/>',
    '  <key id="x" for="node" attr.name="x" attr.type="double"/>',
    '  <key id="y" for="node" attr.name="y" attr.type="double"/>',
    '  <key id="type" for="edge" attr.name="type" attr.type="string"/>',
    '  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>',
    '  <key id="count" for="edge" attr.name="count" attr.type="int"/>',
    '  <graph id="moneytrail" edgedefault="directed">',
  ];
  for (const n of file.nodes) {
    lines.push(
      `    <node id="${xml(n.id)}"><data key="label">${xml(n.caption)}</data><data key="kind">${xml(n.label)}</data>` +
        `<data key="x">${n.position?.x ?? 0}</data><data key="y">${n.position?.y ?? 0}</data></node>`,
    );
  }
  for (const e of file.edges) {
    const amount = typeof e.properties.amount === 'number' ? e.properties.amount : 1;
    lines.push(`    <edge id="${xml(e.id)}" source="${xml(e.source)}" target="${xml(e.target)}"><data key="type">${xml(e.type)}</data><data key="weight">${amount}</data></edge>`);
  }
  for (const f of file.flows) {
    lines.push(`    <edge id="${xml(f.id)}" source="${xml(f.source)}" target="${xml(f.target)}"><data key="type">FLOW</data><data key="weight">${f.total}</data><data key="count">${f.count}</data></edge>`);
  }
  lines.push('  </graph>', '</graphml>');
  return lines.join('\n') + '\n';
}

export function exportGraphml(file: CanvasFile): void {
  download(`moneytrail-${stamp()}.graphml`, graphml(file), 'application/graphml+xml');
}

/**
 * The HTML view's elements with the text boxes and groups as Cytoscape elements of their own: a text box is a
 * note node where it was put, a group a compound node around its members (an entity in several groups is drawn
 * in the first). Their text is not kept in `label`, which the stylesheet reads as the entity's label.
 */
function withOverlay(cy: Core, overlay: CanvasOverlayState | null): { elements: unknown[]; style: unknown[] } {
  const elements = cy.elements().jsons() as unknown as { group: string; data: Record<string, unknown> }[];
  if (!overlay) return { elements, style: [] };
  const parentOf = new Map<string, string>();
  for (const g of overlay.groups) for (const m of g.members) if (!parentOf.has(m)) parentOf.set(m, `overlay-${g.id}`);
  const used = new Set<string>();
  for (const el of elements) {
    const parent = el.group === 'nodes' ? parentOf.get(String(el.data.id)) : undefined;
    if (parent) used.add((el.data.parent = parent));
  }
  const texts = overlayShapes(cy, overlay).texts;
  // parents first, so their members find them
  const groups = overlay.groups.filter((g) => used.has(`overlay-${g.id}`)).map((g) => ({ group: 'nodes', data: { id: `overlay-${g.id}`, groupName: g.label }, classes: 'mt-group' }));
  const notes = [
    ...overlay.textBoxes.map((t, i) => {
      const box = texts[i]!;
      return { group: 'nodes', data: { id: `overlay-${t.id}`, note: t.text, w: box.w, h: box.h }, position: { x: box.x + box.w / 2, y: box.y + box.h / 2 }, classes: 'mt-note' };
    }),
  ];
  const style = [
    { selector: 'node.mt-group', style: { shape: 'round-rectangle', 'background-color': '#ffeca0', 'background-opacity': 0.25, 'border-style': 'dashed', 'border-width': 2, 'border-color': '#c9a227', padding: 18, label: 'data(groupName)', 'text-valign': 'top', 'text-halign': 'center', color: '#6b5300', 'font-size': 12, 'font-weight': 600 } },
    { selector: 'node.mt-note', style: { shape: 'round-rectangle', width: 'data(w)', height: 'data(h)', 'background-color': '#fffbe6', 'border-width': 1, 'border-color': '#d9b300', label: 'data(note)', 'text-wrap': 'wrap', 'text-max-width': '208px', 'text-valign': 'center', 'text-halign': 'center', 'font-size': 12, color: '#1f2937', 'background-image': 'none' } },
  ];
  return { elements: [...groups, ...elements, ...notes], style };
}

/**
 * A single offline HTML file: the Cytoscape library, the elements with their positions and the stylesheet are
 * inlined, so a partner without access to MoneyTrail can open it, pan, zoom and click.
 */
export async function exportHtml(cy: Core, file: CanvasFile): Promise<void> {
  const { default: lib } = await import('../../../../node_modules/cytoscape/dist/cytoscape.min.js?raw');
  const { elements, style: overlayStyle } = withOverlay(cy, file.overlay ?? null);
  const style = [...((cy.style() as unknown as { json(): unknown[] }).json()), ...overlayStyle];
  const data = JSON.stringify({ elements, style }).replace(/</g, '\\u003c');
  const title = `MoneyTrail view — ${file.nodes.length} nodes, ${file.edges.length + file.flows.length} edges`;
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${xml(title)}</title>
<style>html,body{margin:0;height:100%;font-family:system-ui,sans-serif}#cy{position:absolute;inset:32px 0 0 0}header{height:32px;line-height:32px;padding:0 12px;background:#0f172a;color:#fff;font-size:13px}#info{position:absolute;right:8px;top:40px;max-width:320px;background:#fff;border:1px solid #cbd5e1;padding:8px;font-size:12px;white-space:pre-wrap}</style>
</head><body><header>${xml(title)} · exported ${new Date().toISOString()} · drag to pan, scroll to zoom, click for details</header><div id="cy"></div><div id="info" hidden></div>
<script>${lib.replace(/<\/script/gi, '<\\/script')}</script>
<script>
const data = ${data};
const cy = cytoscape({ container: document.getElementById('cy'), elements: data.elements, style: data.style, layout: { name: 'preset' } });
cy.fit(undefined, 30);
window.cy = cy;
const info = document.getElementById('info');
cy.on('tap', 'node, edge', (e) => { info.hidden = false; info.textContent = JSON.stringify(e.target.data(), null, 2); });
cy.on('tap', (e) => { if (e.target === cy) info.hidden = true; });
</script></body></html>
`;
  download(`moneytrail-${stamp()}.html`, html, 'text/html');
}
