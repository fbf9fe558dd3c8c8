import type { PreviewBody } from '../../../types/api';

/** What the first rows of a file become through a preset (saved or being edited), or why they would be refused. */
export function Preview({ preview }: { preview: PreviewBody }) {
  return (
    <section className="import-preview" data-testid="import-preview-table">
      <h3>First rows of {preview.fileName} ({preview.format}) with preset {preview.mapping}</h3>
      <table className="import-table">
        <thead>
          <tr><th>Row</th>{preview.columns.map((c) => <th key={c}>{c}</th>)}<th>Becomes</th></tr>
        </thead>
        <tbody>
          {preview.rows.map((row) => (
            <tr key={row.row} className={row.problems.length ? 'import-row--bad' : undefined}>
              <td>{row.row}</td>
              {preview.columns.map((c) => <td key={c}>{row.record[c] ?? ''}</td>)}
              <td>{row.problems.length ? row.problems.map((p) => `${p.field}: ${p.reason}`).join('; ') : row.nodes.map((n) => `${n.label} ${n.caption}`).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
