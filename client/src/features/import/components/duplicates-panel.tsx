import { useState } from 'react';
import { errorMessage } from '../../../lib/api-client';
import type { DuplicateEntity, DuplicateSummary } from '../../../types/api';
import { useDecideDuplicate, useDuplicates } from '../api/import-api';

function Who({ e }: { e: DuplicateEntity | null }) {
  if (!e) return <span>(no longer in the graph)</span>;
  return (
    <span title={e.uid}>
      <strong>{e.caption}</strong> · {e.labels.join(', ')}
      {e.country && ` · ${e.country}`}
      {e.birthDate && ` · born ${e.birthDate}`} · from {e.sources.map((s) => s.replace(/^org:/, '')).join(', ') || '–'}
    </span>
  );
}

/** Weak matches proposed after imports: a person decides; merges keep both provenances and can be undone. */
export function DuplicatesPanel() {
  const [status, setStatus] = useState<'open' | 'merged' | 'rejected'>('open');
  const list = useDuplicates(status);
  const decide = useDecideDuplicate();
  const [error, setError] = useState<string | null>(null);
  const act = (arg: Parameters<typeof decide.mutate>[0]) => {
    setError(null);
    decide.mutate(arg, { onError: (e) => setError(errorMessage(e)) });
  };
  const row = (d: DuplicateSummary) => (
    <tr key={d.id} data-testid="duplicate-row" data-duplicate-id={d.id}>
      <td><Who e={d.a} /></td>
      <td><Who e={d.b} /></td>
      <td>{Math.round(d.score * 100)}% — {d.reason}</td>
      <td className="import-history__actions">
        {status === 'open' && d.a && d.b && (
          <>
            <button type="button" data-testid="duplicate-merge" disabled={decide.isPending} title={`Keep ${d.a.caption}; ${d.b.caption} is merged into it`} onClick={() => act({ id: d.id, action: 'merge', keep: d.a!.uid })}>
              Merge into left
            </button>
            <button type="button" disabled={decide.isPending} title={`Keep ${d.b.caption}`} onClick={() => act({ id: d.id, action: 'merge', keep: d.b!.uid })}>
              Merge into right
            </button>
            <button type="button" data-testid="duplicate-reject" disabled={decide.isPending} onClick={() => act({ id: d.id, action: 'reject' })}>
              Not the same
            </button>
          </>
        )}
        {status === 'merged' && d.mergeId && (
          <button type="button" data-testid="duplicate-undo" disabled={decide.isPending} onClick={() => act({ mergeId: d.mergeId!, action: 'undo' })}>
            Undo merge
          </button>
        )}
      </td>
    </tr>
  );
  return (
    <section className="import-history" data-testid="duplicates-panel">
      <h3>
        Possible duplicates{' '}
        <select aria-label="Which proposals" value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
          <option value="open">to decide</option>
          <option value="merged">merged</option>
          <option value="rejected">rejected</option>
        </select>
      </h3>
      {error && <p role="alert">{error}</p>}
      {list.isError && <p role="alert">{errorMessage(list.error)}</p>}
      {list.data && list.data.length === 0 && <p>None.</p>}
      {list.data && list.data.length > 0 && (
        <table className="import-table">
          <thead>
            <tr><th>Entity</th><th>Possibly the same as</th><th>Why</th><th /></tr>
          </thead>
          <tbody>{list.data.map(row)}</tbody>
        </table>
      )}
    </section>
  );
}
