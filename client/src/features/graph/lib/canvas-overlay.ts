/**
 * What is drawn over the canvas without being a graph element: free text boxes and named groups of entities
 * (a case's annotations; the cases feature owns and draws them). The graph session knows them only through
 * this contract, so its undo/redo history, the JSON export/import and the picture exports can include them.
 */
export type OverlayTextBox = { id: string; text: string; position: { x: number; y: number } };
export type OverlayGroup = { id: string; label: string; members: string[] };
export type CanvasOverlayState = { textBoxes: OverlayTextBox[]; groups: OverlayGroup[] };

export type CanvasOverlay = {
  /** the current text boxes and groups */
  read(): CanvasOverlayState;
  /** puts back a state read earlier (undo, redo, import) */
  restore(state: CanvasOverlayState): void;
};

export const EMPTY_OVERLAY: CanvasOverlayState = { textBoxes: [], groups: [] };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isPoint = (v: unknown): v is { x: number; y: number } => isRecord(v) && Number.isFinite(v.x) && Number.isFinite(v.y);

/** The overlay part of an imported canvas file; anything malformed is left out rather than failing the import. */
export function parseOverlay(raw: unknown): CanvasOverlayState {
  if (!isRecord(raw)) return EMPTY_OVERLAY;
  const textBoxes = (Array.isArray(raw.textBoxes) ? raw.textBoxes : [])
    .filter((b): b is OverlayTextBox => isRecord(b) && typeof b.id === 'string' && typeof b.text === 'string' && isPoint(b.position))
    .map((b) => ({ id: b.id.slice(0, 64), text: b.text.slice(0, 5000), position: { x: b.position.x, y: b.position.y } }));
  const groups = (Array.isArray(raw.groups) ? raw.groups : [])
    .filter((g): g is OverlayGroup => isRecord(g) && typeof g.id === 'string' && typeof g.label === 'string' && Array.isArray(g.members))
    .map((g) => ({ id: g.id.slice(0, 64), label: g.label.slice(0, 200), members: g.members.filter((m): m is string => typeof m === 'string') }));
  return { textBoxes, groups };
}

/** `extra` added to `base`; what `base` already has (same id) stays as it is */
export function mergeOverlay(base: CanvasOverlayState, extra: CanvasOverlayState): CanvasOverlayState {
  const boxes = new Set(base.textBoxes.map((b) => b.id));
  const groups = new Set(base.groups.map((g) => g.id));
  return {
    textBoxes: [...base.textBoxes, ...extra.textBoxes.filter((b) => !boxes.has(b.id))],
    groups: [...base.groups, ...extra.groups.filter((g) => !groups.has(g.id))],
  };
}
