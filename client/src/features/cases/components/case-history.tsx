import { useState } from 'react';
import { errorMessage } from '../../../lib/api-client';
import type { CaseDiff } from '../../../../../server/api-types';
import { casesApi, useCaseVersions } from '../api/cases-api';
import type { CaseEditor } from '../lib/use-case-editor';

/** Every version of the case: open any read-only, compare two, restore one as a new version. */
export function CaseHistory({ editor }: { editor: CaseEditor }) {
  const d = editor.detail!;
  const versions = useCaseVersions(d.case.id);
  const [compare, setCompare] = useState<number[]>([]);
  const [diff, setDiff] = useState<CaseDiff | null>(null);
  const [error, setError] = useState<string | null>(null);
  const canRestore = d.case.access === 'editor' || d.case.access === 'owner';

  const toggle = (n: number) => setCompare((c) => (c.includes(n) ? c.filter((x) => x !== n) : [...c, n].slice(-2)));
  const runCompare = async () => {
    const [a, b] = [...compare].sort((x, y) => x - y);
    if (a === undefined || b === undefined) return;
    try {
      setDiff(await casesApi.compare(d.case.id, a, b));
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <div>
      {versions.isPending && <p>Loading history…</p>}
      {versions.isError && <p role="alert">{errorMessage(versions.error)}</p>}
      <ul className="cases-list" data-testid="case-history">
        {versions.data?.versions.map((v) => (
          <li key={v.number} data-testid={`case-version-${v.number}`}>
            <input type="checkbox" checked={compare.includes(v.number)} onChange={() => toggle(v.number)} aria-label={`Compare version ${v.number}`} />
            <span>
              <b>v{v.number}</b> {v.message} <span className="cases-meta">— {v.authorEmail}, {new Date(v.createdAt).toLocaleString()}, {v.entityCount} entities{v.restoredFrom ? `, restored from v${v.restoredFrom}` : ''}</span>
            </span>
            <button type="button" onClick={() => void editor.open(d.case.id, v.number)} data-testid={`case-open-${v.number}`}>Open</button>
            {canRestore && v.number !== d.case.head && (
              <button type="button" onClick={() => void editor.restore(v.number).then(() => versions.refetch())} data-testid={`case-restore-${v.number}`}>Restore</button>
            )}
          </li>
        ))}
      </ul>
      <button type="button" disabled={compare.length !== 2} onClick={() => void runCompare()} data-testid="case-compare">Compare selected</button>
      {error && <p role="alert">{error}</p>}
      {diff && (
        <section className="cases-diff" aria-label="Comparison" data-testid="case-diff">
          <h3>v{diff.from} → v{diff.to}</h3>
          <p>{diff.added.length} entities added, {diff.removed.length} removed, {diff.edgesAdded} relationships added, {diff.edgesRemoved} removed, {diff.moved} moved.</p>
          {diff.added.length > 0 && <p>Added: {diff.added.map((n) => n.caption).join(', ')}</p>}
          {diff.removed.length > 0 && <p>Removed: {diff.removed.map((n) => n.caption).join(', ')}</p>}
          {diff.notes.map((n) => <p key={n.targetId}>Note on {n.targetId}: “{n.before ?? '—'}” → “{n.after ?? '—'}”</p>)}
          {diff.changedSnapshots.map((c) => <p key={c.uid}>{c.caption}: {c.keys.join(', ')} differ between the snapshots</p>)}
          {diff.textBoxes.map((t) => <p key={t.id}>Text box: “{t.before ?? '—'}” → “{t.after ?? '—'}”</p>)}
          {diff.groupings.map((g) => <p key={g.id}>Group: {g.before ?? '—'} → {g.after ?? '—'}{g.membersChanged && g.before && g.after ? ' (members changed)' : ''}</p>)}
          {diff.filtersChanged && <p>The canvas filters differ.</p>}
        </section>
      )}
    </div>
  );
}
