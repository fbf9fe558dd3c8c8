import type { Core, ElementDefinition } from 'cytoscape';

type Snapshot = { label: string; elements: ElementDefinition[] };

const MAX_STEPS = 100;

/**
 * Undo/redo for every canvas change. Each step stores the canvas as it was before the change (elements with
 * positions, classes, pinning), so an expansion, a removal or a layout is undone as one step. Snapshots are
 * plain element JSON: cheap next to the network requests that cause most steps.
 */
export class CanvasHistory {
  private undoStack: Snapshot[] = [];
  private redoStack: Snapshot[] = [];

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

  /** call BEFORE changing the canvas */
  record(cy: Core, label: string): void {
    this.undoStack.push({ label, elements: cy.elements().jsons() as unknown as ElementDefinition[] });
    if (this.undoStack.length > MAX_STEPS) this.undoStack.shift();
    this.redoStack = [];
    this.onChange();
  }

  undo(cy: Core): string | null {
    const step = this.undoStack.pop();
    if (!step) return null;
    this.redoStack.push({ label: step.label, elements: cy.elements().jsons() as unknown as ElementDefinition[] });
    restore(cy, step.elements);
    this.onChange();
    return step.label;
  }

  redo(cy: Core): string | null {
    const step = this.redoStack.pop();
    if (!step) return null;
    this.undoStack.push({ label: step.label, elements: cy.elements().jsons() as unknown as ElementDefinition[] });
    restore(cy, step.elements);
    this.onChange();
    return step.label;
  }

  clear(): void {
    this.undoStack = [];
    this.redoStack = [];
    this.onChange();
  }
}

function restore(cy: Core, elements: ElementDefinition[]): void {
  cy.batch(() => {
    cy.elements().remove();
    cy.add(elements);
  });
}
