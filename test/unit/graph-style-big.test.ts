import cytoscape, { type StylesheetJson } from 'cytoscape';
import { describe, expect, it } from 'vitest';

// Loaded by path: the client uses bundler-style imports, which the root tsconfig (node16) would reject if it
// followed this import into client code; Vitest resolves them like Vite does.
const STYLE_MODULE = '../../client/src/features/graph/lib/graph-style.ts';
const { buildGraphStyle } = (await import(STYLE_MODULE)) as { buildGraphStyle(o?: { big?: boolean }): StylesheetJson };

/** The cheap stylesheet of big canvases must still show what the analyst marked: selection, pins, sinks. */
describe('big-canvas stylesheet', () => {
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: buildGraphStyle({ big: true }),
    elements: [
      { data: { id: 'plain', label: 'Domain', caption: 'plain.example' } },
      { data: { id: 'pinned', label: 'Domain', caption: 'pinned.example' }, classes: 'is-pinned' },
      { data: { id: 'sink', label: 'PaymentAccount', caption: 'cash-out', sinkLabel: 'cash-out\nSINK € 10' }, classes: 'is-sink' },
      { data: { id: 'chosen', label: 'Domain', caption: 'chosen.example' }, selected: true },
      { data: { id: 'e', source: 'plain', target: 'pinned', type: 'LINKS_TO' } },
    ],
  });
  const border = (id: string) => cy.getElementById(id).numericStyle('border-width');

  it('drops borders, label backgrounds and icons on ordinary nodes', () => {
    expect(border('plain')).toBe(0);
    expect(cy.getElementById('plain').numericStyle('text-background-opacity')).toBe(0);
    expect(cy.getElementById('plain').style('background-image')).toBe('none');
    expect(cy.getElementById('e').style('curve-style')).toBe('haystack');
  });

  it('keeps the borders of pinned, sink and selected nodes, and the sink label on two lines', () => {
    expect(border('pinned')).toBe(3);
    expect(border('sink')).toBe(5);
    expect(border('chosen')).toBe(3);
    expect(cy.getElementById('sink').style('text-wrap')).toBe('wrap');
  });

  it('changes nothing on small canvases', () => {
    const small = cytoscape({ headless: true, styleEnabled: true, style: buildGraphStyle(), elements: [{ data: { id: 'n', label: 'Domain', caption: 'n' } }] });
    expect(small.getElementById('n').numericStyle('border-width')).toBe(2);
    expect(small.getElementById('n').numericStyle('text-background-opacity')).toBeCloseTo(0.8);
  });
});
