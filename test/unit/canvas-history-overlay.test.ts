import cytoscape, { type Core } from 'cytoscape';
import { describe, expect, it } from 'vitest';

// Loaded by path: the client uses bundler-style imports, which the root tsconfig (node16) would reject if it
// followed these imports into client code; Vitest resolves them like Vite does.
type CanvasOverlayState = { textBoxes: { id: string; text: string; position: { x: number; y: number } }[]; groups: { id: string; label: string; members: string[] }[] };
type History = {
  attach(overlay: { read(): CanvasOverlayState; restore(s: CanvasOverlayState): void }): () => void;
  record(cy: Core, label: string): void;
  recordOverlay(label: string): void;
  undo(cy: Core): string | null;
  redo(cy: Core): string | null;
  readonly steps: readonly string[];
  readonly canRedo: boolean;
  discardLatest(label: string, since: number): boolean;
};
const HISTORY_MODULE = '../../client/src/features/graph/lib/canvas-history.ts';
const OVERLAY_MODULE = '../../client/src/features/graph/lib/canvas-overlay.ts';
const { CanvasHistory } = (await import(HISTORY_MODULE)) as { CanvasHistory: new (onChange: () => void) => History };
const { parseOverlay, mergeOverlay } = (await import(OVERLAY_MODULE)) as {
  parseOverlay(raw: unknown): CanvasOverlayState;
  mergeOverlay(base: CanvasOverlayState, extra: CanvasOverlayState): CanvasOverlayState;
};

/** an overlay held in a plain variable, as the cases feature holds it in React state */
function setUp() {
  const cy = cytoscape({ headless: true, elements: [{ group: 'nodes', data: { id: 'a' } }, { group: 'nodes', data: { id: 'b' } }] });
  let state: CanvasOverlayState = { textBoxes: [], groups: [] };
  const history = new CanvasHistory(() => undefined);
  history.attach({ read: () => state, restore: (s: CanvasOverlayState) => (state = s) });
  const change = (label: string, next: CanvasOverlayState) => {
    history.recordOverlay(label);
    state = next;
  };
  return { cy, history, change, overlay: () => state };
}
const box = (id: string, x = 0) => ({ id, text: id, position: { x, y: 0 } });
const ids = (cy: Core) => cy.nodes().map((n) => n.id()).sort();

describe('canvas undo/redo with text boxes and groups', () => {
  it('undoes overlay steps and graph steps in the order they were made', () => {
    const { cy, history, change, overlay } = setUp();
    change('Add text box', { textBoxes: [box('t1')], groups: [] });
    history.record(cy, 'Remove b');
    cy.getElementById('b').remove();
    change('Group', { textBoxes: [box('t1')], groups: [{ id: 'g1', label: 'pair', members: ['a'] }] });

    expect(history.steps).toEqual(['Add text box', 'Remove b', 'Group']);
    expect(history.undo(cy)).toBe('Group');
    expect(overlay().groups).toEqual([]);
    expect(ids(cy)).toEqual(['a']); // an overlay step leaves the graph alone
    expect(history.undo(cy)).toBe('Remove b');
    expect(ids(cy)).toEqual(['a', 'b']);
    expect(overlay().textBoxes.map((b) => b.id)).toEqual(['t1']);
    expect(history.undo(cy)).toBe('Add text box');
    expect(overlay().textBoxes).toEqual([]);

    expect(history.redo(cy)).toBe('Add text box');
    expect(history.redo(cy)).toBe('Remove b');
    expect(history.redo(cy)).toBe('Group');
    expect(ids(cy)).toEqual(['a']);
    expect(overlay()).toEqual({ textBoxes: [box('t1')], groups: [{ id: 'g1', label: 'pair', members: ['a'] }] });
    expect(history.canRedo).toBe(false);
  });

  it('a move recorded once is undone in one step back to where the box was', () => {
    const { cy, history, change, overlay } = setUp();
    change('Add', { textBoxes: [box('t1', 10)], groups: [] });
    change('Move', { textBoxes: [box('t1', 250)], groups: [] });
    history.undo(cy);
    expect(overlay().textBoxes[0]!.position.x).toBe(10);
  });

  it('a new change after an undo drops the redo steps', () => {
    const { cy, history, change } = setUp();
    change('Add', { textBoxes: [box('t1')], groups: [] });
    history.undo(cy);
    expect(history.canRedo).toBe(true);
    change('Add other', { textBoxes: [box('t2')], groups: [] });
    expect(history.canRedo).toBe(false);
  });
});

describe('a cancelled layout', () => {
  it('drops its own step only: an older step of the same name, or another step on top, stays', () => {
    const { cy, history } = setUp();
    history.record(cy, 'Layout: grid');
    const started = Date.now();
    expect(history.discardLatest('Layout: grid', started + 60_000)).toBe(false); // recorded before this layout
    history.record(cy, 'Remove b');
    expect(history.discardLatest('Layout: grid', 0)).toBe(false); // not the latest step
    history.record(cy, 'Layout: fcose');
    expect(history.discardLatest('Layout: fcose', started - 2000)).toBe(true);
    expect(history.steps).toEqual(['Layout: grid', 'Remove b']);
  });
});

describe('text boxes and groups in an imported canvas file', () => {
  it('keeps well-formed entries, drops malformed ones, and adds only what is not there yet', () => {
    const parsed = parseOverlay({
      textBoxes: [box('t1'), { id: 't2', text: 'no position' }, { id: 3, text: 'x', position: { x: 0, y: 0 } }],
      groups: [{ id: 'g1', label: 'pair', members: ['a', 7] }, { id: 'g2' }],
    });
    expect(parsed).toEqual({ textBoxes: [box('t1')], groups: [{ id: 'g1', label: 'pair', members: ['a'] }] });
    expect(parseOverlay('nonsense')).toEqual({ textBoxes: [], groups: [] });
    const merged = mergeOverlay({ textBoxes: [box('t1', 99)], groups: [] }, parsed);
    expect(merged.textBoxes).toEqual([box('t1', 99)]);
    expect(merged.groups.map((g) => g.id)).toEqual(['g1']);
  });
});
