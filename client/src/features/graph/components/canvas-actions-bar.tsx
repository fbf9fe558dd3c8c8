import { useEffect, useState } from 'react';
import { LAYOUTS, type LayoutId } from '../lib/layouts';
import type { SizeMode } from '../lib/canvas-ops';
import { useGraphSession } from '../hooks/use-graph-session';

export const SHORTCUTS: [string, string][] = [
  ['Ctrl+Z', 'Undo'],
  ['Ctrl+Shift+Z / Ctrl+Y', 'Redo'],
  ['E', 'Expand the selection'],
  ['Delete', 'Remove the selection'],
  ['H', 'Hide the selection'],
  ['Shift+H', 'Show everything hidden'],
  ['P', 'Pin / unpin the selection'],
  ['N', 'Select neighbours'],
  ['C', 'Collapse what the selected node brought in'],
  ['Ctrl+A', 'Select all'],
  ['F', 'Fit to view'],
  ['L', 'Re-layout (force-directed)'],
  ['Shift+drag', 'Box select: adds the nodes inside the box (start on the canvas, not on the legend)'],
  ['Shift+click', 'Add a node to the selection, or take it out'],
  ['?', 'This help'],
];

/** Undo/redo, selection actions, layouts and data styling; keyboard shortcuts for all of them. */
export function CanvasActionsBar() {
  const s = useGraphSession();
  const [help, setHelp] = useState(false);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable)) return;
      const k = e.key;
      const mod = e.ctrlKey || e.metaKey;
      if (mod && k.toLowerCase() === 'z') (e.shiftKey ? s.redo : s.undo)();
      else if (mod && k.toLowerCase() === 'y') s.redo();
      else if (mod && k.toLowerCase() === 'a') s.cyRef.current?.elements().select();
      else if (mod) return;
      else if (k === 'Delete' || k === 'Backspace') s.removeSelected();
      else if (k === 'H') s.showAll();
      else if (k === 'h') s.hideSelected();
      else if (k === 'p') s.togglePin();
      else if (k === 'n') s.selectNeighbours();
      else if (k === 'e') void s.expandSelection();
      else if (k === 'c' && s.selection?.kind === 'node') s.collapse(s.selection.id);
      else if (k === 'f') s.fit();
      else if (k === 'l') s.applyLayout('fcose');
      else if (k === '?') setHelp((h) => !h);
      else if (k === 'Escape') setHelp(false);
      else return;
      e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [s]);

  const hasSelection = s.selectedIds.length > 0;
  return (
    <div className="graph-toolbar graph-toolbar--actions" role="toolbar" aria-label="Canvas actions">
      <button type="button" className="button" data-testid="undo" disabled={!s.canUndo} onClick={s.undo} title="Undo (Ctrl+Z)">Undo</button>
      <button type="button" className="button" data-testid="redo" disabled={!s.canRedo} onClick={s.redo} title="Redo (Ctrl+Shift+Z)">Redo</button>
      <button type="button" className="button" disabled={!hasSelection} onClick={() => void s.expandSelection()} data-testid="expand-selection" title="Expand every selected node (E)">Expand sel.</button>
      <button type="button" className="button" disabled={!hasSelection} onClick={s.removeSelected} data-testid="remove-selection" title="Remove (Delete)">Remove</button>
      <button type="button" className="button" disabled={!hasSelection} onClick={s.hideSelected} data-testid="hide-selection" title="Hide (H)">Hide</button>
      <button type="button" className="button" onClick={s.showAll} data-testid="show-all" title="Show hidden (Shift+H)">Show all</button>
      <button type="button" className="button" disabled={!hasSelection} onClick={s.togglePin} data-testid="pin" title="Pin (P)">Pin</button>
      <button type="button" className="button" disabled={!hasSelection} onClick={s.selectNeighbours} title="Select neighbours (N)">Neighbours</button>
      <select className="select" aria-label="Layout" data-testid="layout-select" value="" onChange={(e) => e.target.value && s.applyLayout(e.target.value as LayoutId)}>
        <option value="">Layout…</option>
        {LAYOUTS.map((l) => (
          <option key={l.id} value={l.id}>{l.name}</option>
        ))}
      </select>
      <select className="select" aria-label="Node size" value={s.sizeMode} onChange={(e) => s.setSizeMode(e.target.value as SizeMode)} data-testid="size-mode">
        <option value="degree">Size: degree</option>
        <option value="amount">Size: amount</option>
        <option value="none">Size: equal</option>
      </select>
      <button type="button" className="button button--quiet" onClick={() => setHelp((h) => !h)} data-testid="help-toggle" title="Keyboard shortcuts (?)">?</button>
      {help && (
        <div className="shortcut-help" role="dialog" aria-label="Keyboard shortcuts" data-testid="shortcut-help">
          <h3>Keyboard shortcuts</h3>
          <table>
            <tbody>
              {SHORTCUTS.map(([k, v]) => (
                <tr key={k}><td><kbd>{k}</kbd></td><td>{v}</td></tr>
              ))}
            </tbody>
          </table>
          <button type="button" className="button" onClick={() => setHelp(false)}>Close</button>
        </div>
      )}
    </div>
  );
}
