import { useRef, useState } from 'react';
import { useGraphSession } from '../graph';
import { notify } from '../../lib/notifications';
import { errorMessage } from '../../lib/api-client';
import type { CanvasExport } from '../../../../server/features/audit/audit.schemas';
import { recordExport } from './api/record-export';
import { exportCsv, exportGraphml, exportHtml, exportJson, exportPng, exportSvg } from './export-formats';

/**
 * Export the view (PNG/SVG full or viewport, JSON, CSV, GraphML, offline HTML) and re-import a JSON export.
 * Pictures, JSON and HTML carry the text boxes and groups drawn over the canvas; CSV and GraphML hold entities only.
 */
export function ExportMenu() {
  const session = useGraphSession();
  const [full, setFull] = useState(true);
  const fileRef = useRef<HTMLInputElement>(null);
  const cy = () => session.cyRef.current;
  const run = (format: CanvasExport['format'], f: () => void | Promise<void>) => {
    const c = cy();
    if (!c) return;
    Promise.resolve(f())
      .then(() => recordExport(c, format, full))
      .catch((err) => notify('error', `Export failed: ${errorMessage(err)}`));
  };
  const empty = session.summary.nodes === 0;
  return (
    <details className="menu" data-testid="export-menu">
      <summary className="button">Export</summary>
      <div className="menu__panel">
        <label className="menu__row">
          <input type="checkbox" checked={full} onChange={(e) => setFull(e.target.checked)} data-testid="export-full" /> whole graph (not just the viewport)
        </label>
        <button type="button" className="button" disabled={empty} data-testid="export-png" onClick={() => run('png', () => exportPng(cy()!, full, session.canvasOverlay()))}>PNG</button>
        <button type="button" className="button" disabled={empty} data-testid="export-svg" onClick={() => run('svg', () => exportSvg(cy()!, full, session.canvasOverlay()))}>SVG</button>
        <button type="button" className="button" disabled={empty} data-testid="export-json" onClick={() => run('json', () => exportJson(session.canvasFile()))}>JSON</button>
        <button type="button" className="button" disabled={empty} data-testid="export-csv" onClick={() => run('csv', () => exportCsv(session.canvasFile()))}>CSV (nodes + edges)</button>
        <button type="button" className="button" disabled={empty} data-testid="export-graphml" onClick={() => run('graphml', () => exportGraphml(session.canvasFile()))}>GraphML (Gephi)</button>
        <button type="button" className="button" disabled={empty} data-testid="export-html" onClick={() => run('html', () => exportHtml(cy()!, session.canvasFile()))}>Interactive HTML (offline)</button>
        <button type="button" className="button button--quiet" data-testid="import-json" onClick={() => fileRef.current?.click()}>Import JSON…</button>
        <input
          ref={fileRef}
          type="file"
          accept="application/json,.json"
          hidden
          data-testid="import-file"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (!f) return;
            f.text()
              .then((t) => session.importCanvas(JSON.parse(t)))
              .catch(() => notify('error', 'That file is not valid JSON'));
            e.target.value = '';
          }}
        />
      </div>
    </details>
  );
}
