import type { Core } from 'cytoscape';
import type { CanvasExport } from '../../../../../server/features/audit/audit.schemas';
import { sendJson } from '../../../lib/api-client';

/**
 * Exports are built in the browser, so the server only learns of them when told: every export is reported to
 * the audit trail. A failed report is shown to the user rather than swallowed, since an unaudited export is
 * exactly what the trail exists to catch.
 */
export async function recordExport(cy: Core, format: CanvasExport['format'], full: boolean): Promise<void> {
  const nodes = cy.nodes();
  await sendJson<null>('POST', '/api/audit/exports', {
    format,
    scope: full ? 'full' : 'viewport',
    nodes: nodes.length,
    edges: cy.edges().length,
    nodeIds: nodes.map((n) => n.id()).slice(0, 500),
  } satisfies CanvasExport);
}
