import { useMemo, useState } from 'react';
import type { QueryRunResult } from '../../../types/api';
import { download } from '../../../lib/download';
import { cellDisplay, compareCells, isEntityCell, toCsv } from '../lib/result-cells';

/** A sortable results table with CSV export and the two ways onto the canvas. */
export function ResultsView({ result, name, onCanvas, onOpen }: {
  result: QueryRunResult;
  name: string;
  onCanvas: (mode: 'add' | 'replace') => void;
  onOpen: (id: string) => void;
}) {
  const [sort, setSort] = useState<{ column: string; desc: boolean } | null>(null);
  const rows = useMemo(() => {
    if (!sort) return result.rows;
    const sorted = [...result.rows].sort((a, b) => compareCells(a[sort.column] ?? null, b[sort.column] ?? null));
    return sort.desc ? sorted.reverse() : sorted;
  }, [result.rows, sort]);
  const onGraph = result.graph.nodes.length;
  return (
    <div className="query-results" data-testid="query-results">
      <div className="query-results__bar">
        <span>
          {result.rowCount.toLocaleString('en-GB')} {result.rowCount === 1 ? 'row' : 'rows'} in {result.durationMs} ms
        </span>
        <button type="button" onClick={() => download(`${name}.csv`, toCsv(result), 'text/csv')} disabled={result.rowCount === 0}>
          Export CSV
        </button>
        <button type="button" onClick={() => onCanvas('add')} disabled={onGraph === 0} data-testid="query-add-to-canvas">
          Add to canvas ({onGraph})
        </button>
        <button type="button" onClick={() => onCanvas('replace')} disabled={onGraph === 0}>
          Replace canvas
        </button>
      </div>
      {result.notice && <p className="query-results__notice" role="status">{result.notice}</p>}
      {result.rowCount === 0 ? (
        <p className="muted">No results.</p>
      ) : (
        <div className="query-results__scroll">
          <table>
            <thead>
              <tr>
                {result.columns.map((c) => (
                  <th key={c} aria-sort={sort?.column === c ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
                    <button type="button" onClick={() => setSort((s) => ({ column: c, desc: s?.column === c ? !s.desc : false }))}>
                      {c} {sort?.column === c ? (sort.desc ? '▼' : '▲') : ''}
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i}>
                  {result.columns.map((c) => {
                    const cell = r[c] ?? null;
                    const entities = isEntityCell(cell) ? [cell] : Array.isArray(cell) ? cell.filter(isEntityCell) : [];
                    return (
                      <td key={c}>
                        {entities.length > 0
                          ? entities.map((e) => (
                              <button key={e.$entity.id} type="button" className="chip" title={`${e.$entity.label} ${e.$entity.id}: show on the canvas`} onClick={() => onOpen(e.$entity.id)}>
                                {e.$entity.caption}
                              </button>
                            ))
                          : cellDisplay(cell)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
