import type { Core, NodeCollection, NodeSingular } from 'cytoscape';
import { useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { createPortal } from 'react-dom';
import { useGraphSession } from '../../graph';
import type { CanvasAnnotationActions } from '../hooks/use-canvas-annotations';
import type { CaseEditor } from '../lib/use-case-editor';

const GROUP_PAD = 18;

function members(cy: Core, ids: readonly string[]): NodeCollection {
  return ids.reduce<NodeCollection>((all, id) => all.union(cy.getElementById(id)), cy.collection()).filter((n: NodeSingular) => n.visible());
}

/**
 * Draws the case's text boxes and groups over the canvas (an HTML layer in the canvas frame that follows pan,
 * zoom and node moves). Nothing here is a graph element: see use-canvas-annotations.ts.
 */
export function CanvasAnnotations({ editor, actions }: { editor: CaseEditor; actions: CanvasAnnotationActions }) {
  const session = useGraphSession();
  const [host, setHost] = useState<HTMLElement | null>(null);
  const [, setTick] = useState(0);

  useEffect(() => {
    setHost(session.cyRef.current?.container()?.parentElement ?? null);
  }, [session.cyRef, session.version]);

  // redraw at most once a frame while the analyst pans, zooms, drags nodes or hides them
  useEffect(() => {
    const cy = session.cyRef.current;
    if (!cy || !host) return;
    let frame = 0;
    const redraw = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        setTick((t) => t + 1);
      });
    };
    cy.on('viewport position add remove class style', redraw);
    return () => {
      cancelAnimationFrame(frame);
      if (!cy.destroyed()) cy.off('viewport position add remove class style', redraw);
    };
  }, [session.cyRef, host]);

  const cy = session.cyRef.current;
  if (!host || !cy || cy.destroyed()) return null;
  const zoom = cy.zoom();
  const pan = cy.pan();
  return createPortal(
    <div className="case-annotations" data-testid="canvas-annotations">
      {editor.groupings.map((g) => {
        const els = members(cy, g.members);
        if (els.empty()) return null;
        const b = els.renderedBoundingBox({ includeLabels: true });
        return (
          <GroupHull key={g.id} id={g.id} label={g.label} size={g.members.length} box={{ x: b.x1 - GROUP_PAD, y: b.y1 - GROUP_PAD, w: b.w + 2 * GROUP_PAD, h: b.h + 2 * GROUP_PAD }} editable={editor.editable} actions={actions} />
        );
      })}
      {editor.annotations.textBoxes.map((t) => (
        <TextBox key={t.id} id={t.id} text={t.text} at={t.position} zoom={zoom} pan={pan} editable={editor.editable} actions={actions} />
      ))}
    </div>,
    host,
  );
}

function GroupHull({ id, label, size, box, editable, actions }: { id: string; label: string; size: number; box: { x: number; y: number; w: number; h: number }; editable: boolean; actions: CanvasAnnotationActions }) {
  const [renaming, setRenaming] = useState<string | null>(null);
  return (
    <>
      <div className="case-group" style={{ left: box.x, top: box.y, width: box.w, height: box.h }} aria-hidden="true" />
      <div className="case-group__label" style={{ left: Math.max(0, box.x), top: Math.max(0, box.y - 22) }} data-testid="canvas-group" data-group-id={id} data-label={label}>
        {renaming === null ? (
          <>
            <span onDoubleClick={() => editable && setRenaming(label)} title={editable ? 'Double-click to rename' : undefined}>{label}</span>
            <span className="case-group__count">{size}</span>
            {editable && (
              <>
                <button type="button" onClick={() => setRenaming(label)} aria-label={`Rename group ${label}`} data-testid="canvas-group-rename">✎</button>
                <button type="button" onClick={() => actions.ungroup(id)} aria-label={`Ungroup ${label}`} title="Ungroup" data-testid="canvas-group-ungroup">×</button>
              </>
            )}
          </>
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (renaming.trim()) actions.renameGroup(id, renaming.trim());
              setRenaming(null);
            }}
          >
            <input autoFocus value={renaming} onChange={(e) => setRenaming(e.target.value)} onKeyDown={(e) => e.key === 'Escape' && setRenaming(null)} aria-label="Group name" data-testid="canvas-group-name" maxLength={200} />
          </form>
        )}
      </div>
    </>
  );
}

function TextBox({ id, text, at, zoom, pan, editable, actions }: { id: string; text: string; at: { x: number; y: number }; zoom: number; pan: { x: number; y: number }; editable: boolean; actions: CanvasAnnotationActions }) {
  type Drag = { startX: number; startY: number; from: { x: number; y: number }; now: { x: number; y: number } };
  const [drag, setDragState] = useState<Drag | null>(null);
  // The latest drag also in a ref: pointer moves render at low priority, so when the button comes up the
  // rendered state can lag behind the pointer (on a busy machine, still at the start), and the move must not be lost.
  const dragRef = useRef<Drag | null>(null);
  const setDrag = (d: Drag | null) => {
    dragRef.current = d;
    setDragState(d);
  };
  const [editing, setEditing] = useState<string | null>(null);
  const pos = drag?.now ?? at;

  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (!editable || editing !== null || e.button !== 0 || (e.target as HTMLElement).closest('button, textarea')) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    setDrag({ startX: e.clientX, startY: e.clientY, from: at, now: at });
  };
  const onPointerMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    const d = dragRef.current;
    if (!d) return;
    setDrag({ ...d, now: { x: Math.round(d.from.x + (e.clientX - d.startX) / zoom), y: Math.round(d.from.y + (e.clientY - d.startY) / zoom) } });
  };
  const onPointerUp = () => {
    const d = dragRef.current;
    if (!d) return;
    // one undoable step for the whole drag
    if (d.now.x !== d.from.x || d.now.y !== d.from.y) actions.moveTextBox(id, d.now);
    setDrag(null);
  };

  return (
    <div
      className={`case-textbox${editable ? ' case-textbox--editable' : ''}`}
      style={{ left: pos.x * zoom + pan.x, top: pos.y * zoom + pan.y, transform: `scale(${zoom})` }}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={() => setDrag(null)}
      onDoubleClick={() => editable && setEditing(text)}
      // keyboard: Enter edits, arrow keys move it, Delete removes it
      tabIndex={editable ? 0 : undefined}
      onKeyDown={(e) => {
        if (!editable || editing !== null || e.target !== e.currentTarget) return;
        const step = e.shiftKey ? 50 : 10;
        const moves: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
        if (e.key === 'Enter') setEditing(text);
        else if (e.key === 'Delete') actions.removeTextBox(id);
        else if (moves[e.key]) actions.moveTextBox(id, { x: at.x + moves[e.key]![0], y: at.y + moves[e.key]![1] });
        else return;
        // the canvas shortcuts (Delete removes the selected entities) must not see it
        e.preventDefault();
        e.stopPropagation();
      }}
      role="note"
      aria-label={`Text box: ${text}`}
      data-testid="canvas-textbox"
      data-box-id={id}
      data-x={at.x}
      data-y={at.y}
    >
      {editing === null ? (
        <span className="case-textbox__text" data-testid="canvas-textbox-text">{text}</span>
      ) : (
        <textarea
          autoFocus
          value={editing}
          onChange={(e) => setEditing(e.target.value)}
          onBlur={() => {
            if (editing.trim()) actions.editTextBox(id, editing);
            setEditing(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setEditing(null);
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) e.currentTarget.blur();
          }}
          aria-label="Text box"
          data-testid="canvas-textbox-input"
          maxLength={5000}
        />
      )}
      {editable && editing === null && (
        <span className="case-textbox__tools">
          <button type="button" onClick={() => setEditing(text)} aria-label="Edit text box" data-testid="canvas-textbox-edit">✎</button>
          <button type="button" onClick={() => actions.removeTextBox(id)} aria-label="Delete text box" data-testid="canvas-textbox-delete">×</button>
        </span>
      )}
    </div>
  );
}
