import type { EntityLabel } from '../../types/api';

/**
 * A simple stroked glyph per label on a 24×24 grid. Kept as data (not markup) so the same drawing feeds both
 * the canvas (as an SVG data URI, which Cytoscape can only take as an image) and React (as inline <svg>).
 */
export type GlyphShape =
  | { kind: 'path'; d: string }
  | { kind: 'circle'; cx: number; cy: number; r: number }
  | { kind: 'rect'; x: number; y: number; width: number; height: number; rx?: number };

const path = (d: string): GlyphShape => ({ kind: 'path', d });
const circle = (cx: number, cy: number, r: number): GlyphShape => ({ kind: 'circle', cx, cy, r });
const rect = (x: number, y: number, width: number, height: number, rx = 0): GlyphShape => ({
  kind: 'rect',
  x,
  y,
  width,
  height,
  rx,
});

export const LABEL_GLYPHS: Record<EntityLabel, readonly GlyphShape[]> = {
  // a shopping cart: someone paying
  Buyer: [path('M2.5 4h2.6l2.4 10.5h10.8L20.5 7.5H6.3'), circle(9, 19, 1.6), circle(17, 19, 1.6)],
  // a price tag: someone selling
  Seller: [path('M3 3.5h8.2l9.8 9.8-7.7 7.7L3.5 11.2z'), circle(7.8, 8.2, 1.5)],
  Person: [circle(12, 8, 4), path('M4.5 21c0-4.2 3.4-7 7.5-7s7.5 2.8 7.5 7')],
  // a payment card
  PaymentAccount: [rect(2.5, 5, 19, 14, 2), path('M2.5 9.5h19M6 15h4')],
  // money moving both ways
  Transaction: [path('M4 8h15M15.5 4.5 19 8l-3.5 3.5M20 16H5M8.5 12.5 5 16l3.5 3.5')],
  // a bank-like acquirer front: columns under a pediment
  Merchant: [path('M3 9.5 12 4l9 5.5zM5 9.5v8M9.7 9.5v8M14.3 9.5v8M19 9.5v8M3 20.5h18')],
  Domain: [circle(12, 12, 9), path('M3 12h18M12 3c2.8 2.6 2.8 15.4 0 18M12 3c-2.8 2.6-2.8 15.4 0 18')],
  HostingProvider: [rect(3.5, 4, 17, 7, 1.5), rect(3.5, 13, 17, 7, 1.5), path('M7.5 7.5h.01M7.5 16.5h.01M11 7.5h5M11 16.5h5')],
  // three networked nodes
  IPAddress: [circle(12, 5, 2.2), circle(5, 19, 2.2), circle(19, 19, 2.2), path('M12 7.2V12M12 12l-5.4 5.4M12 12l5.4 5.4')],
  Email: [rect(3, 5.5, 18, 13, 2), path('m3.5 7 8.5 6 8.5-6')],
  Phone: [rect(7, 2.5, 10, 19, 2), path('M11 18h2')],
  // an office building
  Organisation: [rect(5, 3, 14, 18, 1), path('M9 7h2M13 7h2M9 11h2M13 11h2M9 15h2M13 15h2M11 21v-3h2v3')],
  // a flag: something was reported
  Report: [path('M5.5 21V3.5M5.5 4h11l-2.5 4.2 2.5 4.3h-11')],
  // a map pin over a horizon: a country
  Country: [circle(12, 12, 9), path('M3 12h18M12 3v18')],
  // a house: a postal address
  Address: [path('M3.5 11 12 4l8.5 7M6 9.5V20h12V9.5M10 20v-5h4v5')],
};

function shapeMarkup(shape: GlyphShape): string {
  switch (shape.kind) {
    case 'path':
      return `<path d="${shape.d}"/>`;
    case 'circle':
      return `<circle cx="${shape.cx}" cy="${shape.cy}" r="${shape.r}"/>`;
    case 'rect':
      return `<rect x="${shape.x}" y="${shape.y}" width="${shape.width}" height="${shape.height}" rx="${shape.rx ?? 0}"/>`;
  }
}

/** Standalone SVG for a label's glyph, stroked in `stroke`; width/height are set because canvas images need them. */
export function labelIconSvg(label: EntityLabel, stroke = '#ffffff', size = 48): string {
  const body = LABEL_GLYPHS[label].map(shapeMarkup).join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 24 24" fill="none" ` +
    `stroke="${stroke}" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${body}</svg>`
  );
}

const dataUriCache = new Map<string, string>();

/** The glyph as a data URI for Cytoscape's `background-image` (the CSP must allow `img-src data:`). */
export function labelIconDataUri(label: EntityLabel, stroke = '#ffffff'): string {
  const key = `${label}|${stroke}`;
  let uri = dataUriCache.get(key);
  if (!uri) {
    uri = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(labelIconSvg(label, stroke))}`;
    dataUriCache.set(key, uri);
  }
  return uri;
}
