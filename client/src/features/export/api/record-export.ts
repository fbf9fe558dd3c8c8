import type { Core } from 'cytoscape';
import type { CanvasExport } from '../../../../../server/features/audit/audit.schemas';
import { toApiError } from '../../../lib/api-client';

/**
 * Exports are built in the browser, so the server only learns of them when told: every export is reported to
 * the audit trail (the CSRF header is added by the auth feature's fetch wrapper). A failed report is shown to the
 * user rather than swallowed, since an unaudited export is exactly what the trail exists to catch.
 */
export async function recordExport(cy: Core, format: CanvasExport['format'], full: boolean): Promise<void> {
  const nodes = cy.nodes();
  const body: CanvasExport = {
    format,
    scope: full ? 'full' : 'viewport',
    nodes: nodes.length,
    edges: cy.edges().length,
    nodeIds: nodes.map((n) => n.id()).slice(0, 500),
  };
  const res = await fetch('/api/audit/exports', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
    credentials: 'same-origin',
  });
  if (!res.ok) throw toApiError(res.status, await res.json().catch(() => null));
}
