import type { Core, ElementDefinition } from 'cytoscape';
import type { CanvasOverlay, CanvasOverlayState } from './canvas-overlay';

/** elements null: a step that changed only the overlay (text boxes, groups), so undoing it leaves the graph alone */
/** `at`: when the step was recorded (ms), to recognise the step of a layout that is then cancelled */
type Snapshot = { label: string; elements: ElementDefinition[] | null; overlay: CanvasOverlayState | null; at?: number };

const MAX_STEPS = 100;

/**
 * Undo/redo for every canvas change. Each step stores the canvas as it was before the change (elements with
 * positions, classes, pinning), so an expansion, a removal or a layout is undone as one step. Snapshots are
 * plain element JSON: cheap next to the network requests that cause most steps. Text boxes and groups drawn over
 * the canvas (an attached CanvasOverlay) are part of every step too, so they undo in order with graph changes.
 */
export class CanvasHistory {
  private undoStack: Snapshot[] = [];
  private redoStack: Snapshot[] = [];
  private overlay: CanvasOverlay | null = null;

  constructor(private readonly onChange: () => void) {}

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }
  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }
  get nextUndo(): string | null {
    return this.undoStack.at(-1)?.label ?? null;
  }
  get nextRedo(): string | null {
    return this.redoStack.at(-1)?.label ?? null;
  }
  get steps(): readonly string[] {
    return this.undoStack.map((s) => s.label);
  }

  /** the text boxes and groups over the canvas; returns the detach function */
  attach(overlay: CanvasOverlay): () => void {
    this.overlay = overlay;
    return () => {
      if (this.overlay === overlay) this.overlay = null;
    };
  }

  /** call BEFORE changing the canvas */
  record(cy: Core, label: string): void {
    this.push({ label, elements: elementsOf(cy), overlay: this.overlay?.read() ?? null });
  }

  /** call BEFORE changing only text boxes or groups */
  recordOverlay(label: string): void {
    if (this.overlay) this.push({ label, elements: null, overlay: this.overlay.read() });
  }

  undo(cy: Core): string | null {
    return this.step(cy, this.undoStack, this.redoStack);
  }

  redo(cy: Core): string | null {
    return this.step(cy, this.redoStack, this.undoStack);
  }

  /**
   * Forgets the latest step when it is `label` recorded at or after `since`: a layout cancelled before it moved
   * anything leaves nothing to undo. True when a step was dropped.
   */
  discardLatest(label: string, since: number): boolean {
    const top = this.undoStack.at(-1);
    if (!top || top.label !== label || (top.at ?? 0) < since) return false;
    this.undoStack.pop();
    this.onChange();
    return true;
  }

  private push(snapshot: Snapshot): void {
    this.undoStack.push({ ...snapshot, at: Date.now() });
    if (this.undoStack.length > MAX_STEPS) this.undoStack.shift();
    this.redoStack = [];
    this.onChange();
  }

  /** goes back to the snapshot on top of `from`, keeping what is there now on `to` */
  private step(cy: Core, from: Snapshot[], to: Snapshot[]): string | null {
    const step = from.pop();
    if (!step) return null;
    const overlay = this.overlay;
    to.push({ label: step.label, elements: step.elements ? elementsOf(cy) : null, overlay: step.overlay && overlay ? overlay.read() : null });
    if (step.elements) restore(cy, step.elements);
    if (step.overlay && overlay) overlay.restore(step.overlay);
    this.onChange();
    return step.label;
  }

  clear(): void {
    this.undoStack = [];
    this.redoStack = [];
    this.onChange();
  }
}

const elementsOf = (cy: Core) => cy.elements().jsons() as unknown as ElementDefinition[];

function restore(cy: Core, elements: ElementDefinition[]): void {
  cy.batch(() => {
    cy.elements().remove();
    cy.add(elements);
  });
}
