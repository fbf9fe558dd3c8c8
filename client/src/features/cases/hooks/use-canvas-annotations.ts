import { useCallback, useMemo } from 'react';
import type { GraphSession } from '../../graph';
import type { CaseEditor } from '../lib/use-case-editor';

const newId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;

/**
 * Text boxes and groups on the canvas. They belong to the case (its annotations and groupings), not to the
 * graph: they are never Cytoscape elements, so exports, blocking lists, expansion, filters, layouts and the
 * canvas summary only ever see entities. The overlay (canvas-annotations.tsx) draws them over the canvas.
 */
export function useCanvasAnnotations(editor: CaseEditor, session: GraphSession) {
  const { setAnnotations, setGroupings } = editor;

  /** a new text box in the middle of what the analyst is looking at */
  const addTextBox = useCallback(
    (text: string) => {
      const cy = session.cyRef.current;
      const e = cy?.extent();
      const position = e ? { x: Math.round((e.x1 + e.x2) / 2 - 60), y: Math.round((e.y1 + e.y2) / 2 - 20) } : { x: 0, y: 0 };
      setAnnotations((a) => ({ ...a, textBoxes: [...a.textBoxes, { id: newId('box'), text, position }] }));
    },
    [session.cyRef, setAnnotations],
  );
  const editTextBox = useCallback(
    (id: string, text: string) => setAnnotations((a) => ({ ...a, textBoxes: a.textBoxes.map((b) => (b.id === id ? { ...b, text } : b)) })),
    [setAnnotations],
  );
  const moveTextBox = useCallback(
    (id: string, position: { x: number; y: number }) => setAnnotations((a) => ({ ...a, textBoxes: a.textBoxes.map((b) => (b.id === id ? { ...b, position } : b)) })),
    [setAnnotations],
  );
  const removeTextBox = useCallback((id: string) => setAnnotations((a) => ({ ...a, textBoxes: a.textBoxes.filter((b) => b.id !== id) })), [setAnnotations]);

  /** groups the selected entities (relationships and anything that is not an entity are left out) */
  const groupSelection = useCallback(
    (label: string): boolean => {
      const members = session.selectedIds.filter((id) => session.getNode(id));
      if (members.length === 0 || !label.trim()) return false;
      setGroupings((g) => [...g, { id: newId('group'), label: label.trim(), members }]);
      return true;
    },
    [session, setGroupings],
  );
  const renameGroup = useCallback((id: string, label: string) => setGroupings((g) => g.map((x) => (x.id === id ? { ...x, label } : x))), [setGroupings]);
  const ungroup = useCallback((id: string) => setGroupings((g) => g.filter((x) => x.id !== id)), [setGroupings]);

  return useMemo(
    () => ({ addTextBox, editTextBox, moveTextBox, removeTextBox, groupSelection, renameGroup, ungroup }),
    [addTextBox, editTextBox, moveTextBox, removeTextBox, groupSelection, renameGroup, ungroup],
  );
}

export type CanvasAnnotationActions = ReturnType<typeof useCanvasAnnotations>;
