import cytoscape, { type Core, type Layouts, type NodeCollection, type Position } from 'cytoscape';
import fcose, { type FcoseLayoutOptions } from 'cytoscape-fcose';

// Registering twice makes Cytoscape warn; a module runs once per page (and once more per hot reload at most).
let fcoseRegistered = false;
export function registerLayouts(): void {
  if (fcoseRegistered) return;
  cytoscape.use(fcose);
  fcoseRegistered = true;
}

const PADDING = 48;
/** Most fixed nodes fcose's constraint solver takes without getting slow. */
const MAX_PINNED = 400;
const ANIMATION_MS = 450;

const COMMON: Partial<FcoseLayoutOptions> = {
  nodeDimensionsIncludeLabels: true,
  idealEdgeLength: 95,
  nodeRepulsion: 6500,
  nodeSeparation: 80,
  padding: PADDING,
  animationEasing: 'ease-out',
};

/**
 * Places only the new nodes. Everything already on the canvas is pinned where the analyst last saw (or put)
 * it, so an expansion never reshuffles the picture they are reasoning about. Above a few hundred pinned
 * nodes the constraint solver gets slow, so big canvases fall back to a low-energy incremental run instead.
 */
export function incrementalLayout(cy: Core, newNodes: NodeCollection, anchor?: NodeCollection): Layouts {
  const pinned = cy.nodes().difference(newNodes).nodes();
  if (pinned.length > MAX_PINNED) {
    // A big canvas: lay out only the newcomers around the node they came from, which stays put. Running fcose
    // over thousands of nodes for fifty new ones is what froze the page.
    const local = anchor ? newNodes.union(anchor) : newNodes;
    return local.union(local.edgesWith(local)).layout({
      ...COMMON,
      name: 'fcose',
      quality: 'proof',
      randomize: false,
      animate: true,
      animationDuration: ANIMATION_MS,
      fit: false,
      fixedNodeConstraint: anchor?.nonempty() ? anchor.map((node) => ({ nodeId: node.id(), position: { ...node.position() } })) : undefined,
    } as FcoseLayoutOptions);
  }
  const options: FcoseLayoutOptions = {
    ...COMMON,
    name: 'fcose',
    // randomize:false keeps the current positions as the starting point, which fcose only honours in 'proof'.
    quality: 'proof',
    randomize: false,
    animate: true,
    animationDuration: ANIMATION_MS,
    // Framing is done afterwards (see frame()), with a zoom cap fcose does not offer.
    fit: false,
    initialEnergyOnIncremental: 0.3,
    fixedNodeConstraint:
      pinned.length > 0 && pinned.length <= MAX_PINNED
        ? pinned.map((node) => ({ nodeId: node.id(), position: { ...node.position() } }))
        : undefined,
  };
  return cy.layout(options);
}

/** A fresh layout of the whole canvas, for when the analyst asks for one; frame() it when it stops. */
export function fullLayout(cy: Core): Layouts {
  const options: FcoseLayoutOptions = {
    ...COMMON,
    name: 'fcose',
    quality: 'default',
    randomize: true,
    animate: true,
    animationDuration: ANIMATION_MS + 150,
    fit: false,
  };
  return cy.layout(options);
}

const FAN_FIRST_RADIUS = 130;
const FAN_RING_GAP = 64;
const FAN_NODE_SPACING = 60;

/**
 * Start positions for new neighbours: concentric arcs around the node they hang off, opening away from the
 * rest of the canvas (`awayAngle`, radians) so they do not land on top of what is already there. The layout
 * then only has to tidy, not rearrange. With nothing else on the canvas the arcs are full circles.
 */
export function fanPositions(center: Position, count: number, awayAngle: number | null): Position[] {
  const full = awayAngle === null;
  const spread = full ? 2 * Math.PI : count <= 2 ? Math.PI / 3 : count <= 6 ? 0.8 * Math.PI : 1.3 * Math.PI;
  const start = full ? -Math.PI / 2 : awayAngle - spread / 2;
  const positions: Position[] = [];
  let radius = FAN_FIRST_RADIUS;
  let ring = 0;
  while (positions.length < count) {
    const capacity = Math.max(1, Math.floor((spread * radius) / FAN_NODE_SPACING) + (full ? 0 : 1));
    const inRing = Math.min(capacity, count - positions.length);
    // Alternate rings are offset by half a step so nodes in neighbouring rings do not line up.
    const stagger = full && ring % 2 === 1 ? 0.5 : 0;
    for (let j = 0; j < inRing; j++) {
      const t = full ? (j + stagger) / inRing : inRing === 1 ? 0.5 : j / (inRing - 1);
      const angle = start + t * spread;
      positions.push({ x: center.x + radius * Math.cos(angle), y: center.y + radius * Math.sin(angle) });
    }
    radius += FAN_RING_GAP;
    ring += 1;
  }
  return positions;
}

/** Direction from the middle of the other nodes towards `node`: the open side to expand into. */
export function awayFromOthers(cy: Core, nodeId: string): number | null {
  const node = cy.getElementById(nodeId);
  const others = cy.nodes().difference(node).nodes();
  if (node.empty() || others.empty()) return null;
  let x = 0;
  let y = 0;
  others.forEach((other) => {
    x += other.position('x');
    y += other.position('y');
  });
  const dx = node.position('x') - x / others.length;
  const dy = node.position('y') - y / others.length;
  // Sitting in the middle of everything: no side is better than another.
  if (Math.hypot(dx, dy) < 1) return null;
  return Math.atan2(dy, dx);
}

/** Where to drop an unconnected node: right of everything, level with the centre of the viewport. */
export function freeSpot(cy: Core): Position {
  const nodes = cy.nodes();
  if (nodes.empty()) return { x: 0, y: 0 };
  const box = nodes.boundingBox({ includeLabels: true });
  const extent = cy.extent();
  const y = Math.min(Math.max((extent.y1 + extent.y2) / 2, box.y1), box.y2);
  return { x: box.x2 + 90, y };
}

/** Never frame a handful of nodes at a zoom where their labels look shouted. */
export const COMFORTABLE_ZOOM = 1.25;

/**
 * Animates the viewport onto `eles`. With `onlyIfOffscreen` nothing moves when they are already fully in view,
 * and the zoom never increases: the analyst chose it, and zooming out only as far as needed keeps the rest of
 * the picture recognisable.
 */
export function frame(
  cy: Core,
  eles: NodeCollection,
  { onlyIfOffscreen = false, maxZoom = COMFORTABLE_ZOOM }: { onlyIfOffscreen?: boolean; maxZoom?: number } = {},
): void {
  if (eles.empty() || cy.width() === 0 || cy.height() === 0) return;
  const box = eles.boundingBox({ includeLabels: true });
  if (onlyIfOffscreen) {
    const view = cy.extent();
    if (box.x1 >= view.x1 && box.x2 <= view.x2 && box.y1 >= view.y1 && box.y2 <= view.y2) return;
  }
  const zoomToFit = Math.min(
    (cy.width() - 2 * PADDING) / Math.max(box.w, 1),
    (cy.height() - 2 * PADDING) / Math.max(box.h, 1),
  );
  const cap = onlyIfOffscreen ? Math.min(maxZoom, cy.zoom()) : maxZoom;
  const zoom = Math.max(cy.minZoom(), Math.min(zoomToFit, cap, cy.maxZoom()));
  const pan = {
    x: cy.width() / 2 - zoom * (box.x1 + box.w / 2),
    y: cy.height() / 2 - zoom * (box.y1 + box.h / 2),
  };
  cy.stop();
  cy.animate({ zoom, pan }, { duration: 300, easing: 'ease-out' });
}

