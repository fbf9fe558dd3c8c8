import { lazy, Suspense, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { apiGet, errorMessage } from '../../../lib/api-client';
import { notify } from '../../../lib/notifications';
import type { QueryRunResult } from '../../../types/api';
import { useGraphSession } from '../../graph';
import { runStoredQuery, useCatalogue, useQueryDetail } from '../api/queries-api';
import { putOnCanvas } from '../lib/to-canvas';
import { ParamForm } from './param-form';
// The Cypher editor (CodeMirror + the Cypher grammar) is large and only the data team needs it: loaded on demand.
const QueryEditor = lazy(() => import('./query-editor').then((m) => ({ default: m.QueryEditor })));
const QueryConsole = lazy(() => import('./query-console').then((m) => ({ default: m.QueryConsole })));
import { ResultsView } from './results-view';
import '../queries.css';

type Tab = 'catalogue' | 'editor' | 'console';

function useRole(): string | null {
  const session = useQuery({
    queryKey: ['auth', 'session'],
    queryFn: ({ signal }) => apiGet<{ user: { role: string } | null }>('/api/auth/session', { signal }),
    staleTime: 60_000,
  });
  return session.data?.user?.role ?? null;
}

/** Stored queries: the searchable catalogue and its generated forms; for the data team also the editor and console. */
export function QueriesPanel({ onClose }: { onClose: () => void }) {
  const session = useGraphSession();
  const role = useRole();
  const author = role === 'data' || role === 'admin';
  const catalogue = useCatalogue();
  const [tab, setTab] = useState<Tab>('catalogue');
  // long Cypher lines and wide result tables want room; the canvas keeps at least 320 px
  const [wide, setWide] = useState(false);
  const [filter, setFilter] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const detail = useQueryDetail(selected);
  const [result, setResult] = useState<QueryRunResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const shown = useMemo(() => {
    const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
    return (catalogue.data ?? []).filter((q) => words.every((w) => `${q.title} ${q.description} ${q.category} ${q.name}`.toLowerCase().includes(w)));
  }, [catalogue.data, filter]);

  const draftVersion = author && detail.data && detail.data.name === selected && !detail.data.isPublishedDefinition ? detail.data.latestVersion : undefined;

  const run = async (params: Record<string, unknown>) => {
    if (!selected) return;
    setBusy(true);
    setError(null);
    try {
      // an author looking at a draft runs that draft (its form is the draft's); everyone else the published one
      const r = await runStoredQuery(selected, params, draftVersion);
      setResult(r);
      if (r.query?.resultKind === 'graph' && r.graph.nodes.length > 0) notify('success', `${r.rowCount} rows: use “Add to canvas” to see them on the graph`);
    } catch (err) {
      setResult(null);
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const toCanvas = async (r: QueryRunResult, mode: 'add' | 'replace') => {
    try {
      const added = await putOnCanvas(session, r, mode);
      const what = `${r.graph.nodes.length} entities and ${added.edges} new relationships`;
      notify('success', `${what} ${mode === 'replace' ? 'now on the canvas' : 'added to the canvas'}${added.truncated ? ' (more relationships exist than the canvas takes at once)' : ''}`);
    } catch (err) {
      notify('error', `Could not put the result on the canvas: ${errorMessage(err)}`);
    }
  };
  const openOnCanvas = (id: string) => void session.showNode(id);

  return (
    <aside className={`queries-panel${wide ? ' queries-panel--wide' : ''}`} aria-label="Queries" data-testid="queries-panel">
      <header className="queries-panel__head">
        <nav className="queries-panel__tabs" role="tablist">
          <button type="button" role="tab" aria-selected={tab === 'catalogue'} onClick={() => setTab('catalogue')}>Catalogue</button>
          {author && <button type="button" role="tab" aria-selected={tab === 'editor'} onClick={() => setTab('editor')} data-testid="queries-tab-editor">Editor</button>}
          {author && <button type="button" role="tab" aria-selected={tab === 'console'} onClick={() => setTab('console')}>Console</button>}
        </nav>
        <span>
          <button type="button" aria-pressed={wide} onClick={() => setWide((w) => !w)} title={wide ? 'Give the canvas its room back' : 'Make the panel wider for long queries and tables'} data-testid="queries-widen">
            {wide ? 'Narrower' : 'Wider'}
          </button>
          <button type="button" aria-label="Close queries" onClick={onClose}>×</button>
        </span>
      </header>

      {tab === 'catalogue' && (
        <div className="queries-panel__body">
          <input type="search" placeholder="Find a query…" value={filter} onChange={(e) => setFilter(e.target.value)} aria-label="Find a query" data-testid="queries-filter" />
          {catalogue.isError && <p className="query-editor__error">{errorMessage(catalogue.error)}</p>}
          <ul className="queries-list">
            {shown.map((q) => (
              <li key={q.name}>
                <button
                  type="button"
                  className={q.name === selected ? 'is-selected' : ''}
                  onClick={() => {
                    setSelected(q.name);
                    setResult(null);
                    setError(null);
                  }}
                  data-testid={`query-item-${q.name}`}
                >
                  <span className="queries-list__title">{q.title}</span>
                  <span className="muted">
                    {q.category} · {q.resultKind}
                    {author && q.publishedVersion === null ? ' · draft only' : author && q.hasDraft ? ' · has a draft' : ''}
                  </span>
                </button>
                {author && (
                  <button type="button" className="link-button" onClick={() => { setEditing(q.name); setTab('editor'); }}>Edit</button>
                )}
              </li>
            ))}
          </ul>
          {selected && detail.data && (
            <section className="query-run">
              <h3>{detail.data.title}</h3>
              <p>{detail.data.description}</p>
              {draftVersion !== undefined && (
                <p className="muted" data-testid="query-draft-note">
                  Showing draft version {draftVersion}: running it here tests that draft. Analysts run {detail.data.publishedVersion === null ? 'nothing yet (not published)' : `version ${detail.data.publishedVersion}`}.
                </p>
              )}
              <ParamForm key={`${detail.data.name}@${detail.data.latestVersion}`} params={detail.data.params} busy={busy} selectedIds={session.selectedIds} onRun={(p) => void run(p)} />
              {error && <p className="query-editor__error" role="alert" data-testid="query-error">{error}</p>}
              {result && <ResultsView result={result} name={selected} onCanvas={(m) => void toCanvas(result, m)} onOpen={openOnCanvas} />}
            </section>
          )}
        </div>
      )}
      {tab === 'editor' && author && (
        <div className="queries-panel__body">
          <div className="query-editor__bar">
            <button type="button" onClick={() => setEditing(null)} data-testid="query-new">New query</button>
            {editing && <span className="muted">Editing {editing}</span>}
          </div>
          <Suspense fallback={<p className="muted">Loading the editor…</p>}>
            <QueryEditor name={editing} onSaved={(n) => setEditing(n)} onCanvas={(r, m) => void toCanvas(r, m)} onOpen={openOnCanvas} />
          </Suspense>
        </div>
      )}
      {tab === 'console' && author && (
        <div className="queries-panel__body">
          <Suspense fallback={<p className="muted">Loading the console…</p>}>
            <QueryConsole onCanvas={(r, m) => void toCanvas(r, m)} onOpen={openOnCanvas} />
          </Suspense>
        </div>
      )}
    </aside>
  );
}
