import type { Core, NodeSingular } from 'cytoscape';
import type { CanvasOverlayState } from '../graph';

/**
 * Text boxes and group outlines (drawn over the canvas as HTML, see cases/canvas-annotations.tsx) turned into
 * shapes in graph coordinates, so the PNG and SVG exports show what the analyst sees. Sizes follow cases.css
 * (12px text, 4/6px padding, at most 220px wide; groups padded 18px around their members and labels).
 */
const FONT = '12px system-ui, sans-serif';
const LABEL_FONT = '600 12px system-ui, sans-serif';
const LINE = 15;
const PAD_X = 6;
const PAD_Y = 4;
const MAX_TEXT_W = 220 - 2 * PAD_X;
const GROUP_PAD = 18;
const LABEL_H = 18;

export type Box = { x: number; y: number; w: number; h: number };
export type GroupShape = Box & { label: string; labelW: number };
export type TextShape = Box & { lines: string[] };
export type OverlayShapes = { groups: GroupShape[]; texts: TextShape[] };

let measurer: CanvasRenderingContext2D | null = null;
function textWidth(text: string, font = FONT): number {
  measurer ??= document.createElement('canvas').getContext('2d');
  if (!measurer) return text.length * 7;
  measurer.font = font;
  return measurer.measureText(text).width;
}

/** the text's lines as the box wraps them (pre-wrap: line breaks kept, long lines broken between words) */
function wrap(text: string): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      const next = line ? `${line} ${word}` : word;
      if (line && textWidth(next) > MAX_TEXT_W) {
        out.push(line);
        line = word;
      } else line = next;
    }
    out.push(line);
  }
  return out;
}

export function overlayShapes(cy: Core, overlay: CanvasOverlayState | null): OverlayShapes {
  if (!overlay) return { groups: [], texts: [] };
  const groups = overlay.groups.flatMap((g) => {
    const members = cy.collection().union(g.members.map((id) => cy.getElementById(id))).filter((n: NodeSingular) => n.visible());
    if (members.empty()) return [];
    const b = members.boundingBox({ includeLabels: true });
    const label = `${g.label} (${g.members.length})`;
    return [{ x: b.x1 - GROUP_PAD, y: b.y1 - GROUP_PAD, w: b.w + 2 * GROUP_PAD, h: b.h + 2 * GROUP_PAD, label, labelW: textWidth(label, LABEL_FONT) + 12 }];
  });
  const texts = overlay.textBoxes.map((t) => {
    const lines = wrap(t.text);
    const w = Math.max(60, Math.min(220, Math.max(...lines.map((l) => textWidth(l))) + 2 * PAD_X + 2));
    return { x: t.position.x, y: t.position.y, w, h: lines.length * LINE + 2 * PAD_Y + 2, lines };
  });
  return { groups, texts };
}

export const hasShapes = (s: OverlayShapes) => s.groups.length + s.texts.length > 0;

/** what the shapes cover, group labels (drawn above the outline) included */
export function shapesBounds(s: OverlayShapes): Box | null {
  const boxes = [...s.groups.map((g) => ({ x: g.x, y: g.y - LABEL_H - 4, w: Math.max(g.w, g.labelW), h: g.h + LABEL_H + 4 })), ...s.texts];
  if (boxes.length === 0) return null;
  const x1 = Math.min(...boxes.map((b) => b.x));
  const y1 = Math.min(...boxes.map((b) => b.y));
  const x2 = Math.max(...boxes.map((b) => b.x + b.w));
  const y2 = Math.max(...boxes.map((b) => b.y + b.h));
  return { x: x1, y: y1, w: x2 - x1, h: y2 - y1 };
}

export function union(a: Box, b: Box | null): Box {
  if (!b) return a;
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y };
}

const GROUP_FILL = 'rgba(255, 236, 160, 0.35)';
const GROUP_STROKE = '#c9a227';

/** group fills: drawn under the graph, so nodes stay crisp */
export function drawGroupFills(ctx: CanvasRenderingContext2D, s: OverlayShapes): void {
  ctx.fillStyle = GROUP_FILL;
  for (const g of s.groups) {
    ctx.beginPath();
    ctx.roundRect(g.x, g.y, g.w, g.h, 12);
    ctx.fill();
  }
}

/** outlines, group labels and text boxes: drawn over the graph, as on screen */
export function drawOverlay(ctx: CanvasRenderingContext2D, s: OverlayShapes): void {
  ctx.textBaseline = 'top';
  for (const g of s.groups) {
    ctx.setLineDash([6, 4]);
    ctx.strokeStyle = GROUP_STROKE;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.roundRect(g.x, g.y, g.w, g.h, 12);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = '#fff6d5';
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.roundRect(g.x, g.y - LABEL_H - 4, g.labelW, LABEL_H, 6);
    ctx.fill();
    ctx.stroke();
    ctx.fillStyle = '#6b5300';
    ctx.font = LABEL_FONT;
    ctx.fillText(g.label, g.x + 6, g.y - LABEL_H - 1);
  }
  for (const t of s.texts) {
    ctx.fillStyle = '#fffbe6';
    ctx.strokeStyle = '#d9b300';
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.roundRect(t.x, t.y, t.w, t.h, 4);
    ctx.fill();
    ctx.stroke();
    ctx.fillStyle = '#1f2937';
    ctx.font = FONT;
    t.lines.forEach((line, i) => ctx.fillText(line, t.x + PAD_X + 1, t.y + PAD_Y + 1 + i * LINE));
  }
}

const esc = (v: string) => v.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
const n = (v: number) => Math.round(v * 100) / 100;

/** SVG markup in graph coordinates: [under the graph, over the graph] */
export function overlaySvg(s: OverlayShapes): [string, string] {
  const under = s.groups.map((g) => `<rect x="${n(g.x)}" y="${n(g.y)}" width="${n(g.w)}" height="${n(g.h)}" rx="12" fill="${GROUP_FILL}"/>`).join('');
  const groups = s.groups.map(
    (g) =>
      `<g class="moneytrail-group" data-label="${esc(g.label)}"><rect x="${n(g.x)}" y="${n(g.y)}" width="${n(g.w)}" height="${n(g.h)}" rx="12" fill="none" stroke="${GROUP_STROKE}" stroke-width="2" stroke-dasharray="6 4"/>` +
      `<rect x="${n(g.x)}" y="${n(g.y - LABEL_H - 4)}" width="${n(g.labelW)}" height="${LABEL_H}" rx="6" fill="#fff6d5" stroke="${GROUP_STROKE}"/>` +
      `<text x="${n(g.x + 6)}" y="${n(g.y - LABEL_H - 1)}" dominant-baseline="hanging" font-family="system-ui, sans-serif" font-size="12" font-weight="600" fill="#6b5300">${esc(g.label)}</text></g>`,
  );
  const texts = s.texts.map(
    (t) =>
      `<g class="moneytrail-textbox"><rect x="${n(t.x)}" y="${n(t.y)}" width="${n(t.w)}" height="${n(t.h)}" rx="4" fill="#fffbe6" stroke="#d9b300"/>` +
      `<text font-family="system-ui, sans-serif" font-size="12" fill="#1f2937" dominant-baseline="hanging">${t.lines.map((l, i) => `<tspan x="${n(t.x + PAD_X + 1)}" y="${n(t.y + PAD_Y + 1 + i * LINE)}">${esc(l) || ' '}</tspan>`).join('')}</text></g>`,
  );
  return [under, [...groups, ...texts].join('')];
}
