import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { CanvasOverlayState, GraphSession } from '../../graph';
import type { CaseEditor } from '../lib/use-case-editor';

const newId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
const short = (text: string) => (text.length > 30 ? `${text.slice(0, 29)}…` : text);

/**
 * Text boxes and groups on the canvas. They belong to the case (its annotations and groupings), not to the
 * graph: they are never Cytoscape elements, so blocking lists, expansion, filters, layouts and the canvas
 * summary only ever see entities. The overlay (canvas-annotations.tsx) draws them over the canvas.
 * They are attached to the graph session as its overlay: every change is a step of the canvas undo/redo
 * history (in order with graph changes), and the picture and JSON exports include them.
 */
export function useCanvasAnnotations(editor: CaseEditor, session: GraphSession) {
  const { setAnnotations, setGroupings } = editor;
  const { attachOverlay, recordOverlayStep, cyRef } = session;
  // what is on screen now, also between a change and the render that shows it (two undos in one tick)
  const latest = useRef<CanvasOverlayState>({ textBoxes: editor.annotations.textBoxes, groups: editor.groupings });
  latest.current = { textBoxes: editor.annotations.textBoxes, groups: editor.groupings };

  const put = useCallback(
    (next: CanvasOverlayState) => {
      latest.current = next;
      setAnnotations((a) => ({ ...a, textBoxes: next.textBoxes }));
      setGroupings(next.groups);
    },
    [setAnnotations, setGroupings],
  );
  useEffect(() => attachOverlay({ read: () => latest.current, restore: put }), [attachOverlay, put]);

  /** one undoable step: recorded with what was there before, then applied */
  const change = useCallback(
    (label: string, f: (s: CanvasOverlayState) => CanvasOverlayState) => {
      recordOverlayStep(label);
      put(f(latest.current));
    },
    [recordOverlayStep, put],
  );
  const boxes = (f: (b: CanvasOverlayState['textBoxes']) => CanvasOverlayState['textBoxes']) => (s: CanvasOverlayState) => ({ ...s, textBoxes: f(s.textBoxes) });
  const groups = (f: (g: CanvasOverlayState['groups']) => CanvasOverlayState['groups']) => (s: CanvasOverlayState) => ({ ...s, groups: f(s.groups) });
  const boxText = (id: string) => latest.current.textBoxes.find((b) => b.id === id)?.text ?? '';
  const groupLabel = (id: string) => latest.current.groups.find((g) => g.id === id)?.label ?? '';

  /** a new text box in the middle of what the analyst is looking at */
  const addTextBox = useCallback(
    (text: string) => {
      const e = cyRef.current?.extent();
      const position = e ? { x: Math.round((e.x1 + e.x2) / 2 - 60), y: Math.round((e.y1 + e.y2) / 2 - 20) } : { x: 0, y: 0 };
      change(`Add text box “${short(text)}”`, boxes((b) => [...b, { id: newId('box'), text, position }]));
    },
    [cyRef, change],
  );
  const editTextBox = useCallback(
    (id: string, text: string) => {
      if (boxText(id) === text) return;
      change(`Edit text box “${short(text)}”`, boxes((b) => b.map((x) => (x.id === id ? { ...x, text } : x))));
    },
    [change],
  );
  /** one step per call: the overlay calls it once when a drag ends, not for every pixel */
  const moveTextBox = useCallback(
    (id: string, position: { x: number; y: number }) => change(`Move text box “${short(boxText(id))}”`, boxes((b) => b.map((x) => (x.id === id ? { ...x, position } : x)))),
    [change],
  );
  const removeTextBox = useCallback(
    (id: string) => change(`Delete text box “${short(boxText(id))}”`, boxes((b) => b.filter((x) => x.id !== id))),
    [change],
  );

  /** groups the selected entities (relationships and anything that is not an entity are left out) */
  const groupSelection = useCallback(
    (label: string): boolean => {
      const members = session.selectedIds.filter((id) => session.getNode(id));
      if (members.length === 0 || !label.trim()) return false;
      change(`Group “${short(label.trim())}”`, groups((g) => [...g, { id: newId('group'), label: label.trim(), members }]));
      return true;
    },
    [session, change],
  );
  const renameGroup = useCallback(
    (id: string, label: string) => {
      if (groupLabel(id) === label) return;
      change(`Rename group “${short(groupLabel(id))}” to “${short(label)}”`, groups((g) => g.map((x) => (x.id === id ? { ...x, label } : x))));
    },
    [change],
  );
  const ungroup = useCallback((id: string) => change(`Ungroup “${short(groupLabel(id))}”`, groups((g) => g.filter((x) => x.id !== id))), [change]);

  return useMemo(
    () => ({ addTextBox, editTextBox, moveTextBox, removeTextBox, groupSelection, renameGroup, ungroup }),
    [addTextBox, editTextBox, moveTextBox, removeTextBox, groupSelection, renameGroup, ungroup],
  );
}

export type CanvasAnnotationActions = ReturnType<typeof useCanvasAnnotations>;
