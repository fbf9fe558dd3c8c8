import cytoscape, { type Core } from 'cytoscape';
import svgExt from 'cytoscape-svg';
import type { CanvasFile } from '../graph/hooks/use-canvas-actions';
import { download } from '../../lib/download';

let svgRegistered = false;
function registerSvg(): void {
  if (svgRegistered) return;
  cytoscape.use(svgExt);
  svgRegistered = true;
}


const stamp = () => new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-');

export function exportPng(cy: Core, full: boolean): void {
  const blob = cy.png({ output: 'blob', full, bg: '#ffffff', scale: 2 }) as unknown as Blob;
  download(`moneytrail-${stamp()}.png`, blob);
}

export function exportSvg(cy: Core, full: boolean): void {
  registerSvg();
  const svg = (cy as unknown as { svg(o: object): string }).svg({ full, bg: '#ffffff', scale: 1 });
  download(`moneytrail-${stamp()}.svg`, svg, 'image/svg+xml');
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
 * A single offline HTML file: the Cytoscape library, the elements with their positions and the stylesheet are
 * inlined, so a partner without access to MoneyTrail can open it, pan, zoom and click.
 */
export async function exportHtml(cy: Core, file: CanvasFile): Promise<void> {
  const { default: lib } = await import('../../../../node_modules/cytoscape/dist/cytoscape.min.js?raw');
  const elements = cy.elements().jsons();
  const style = (cy.style() as unknown as { json(): unknown }).json();
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
