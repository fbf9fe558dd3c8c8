import { useCaseList, useMentions } from '../api/cases-api';
import type { CaseEditor } from '../lib/use-case-editor';

export const STATUS_LABEL = { open: 'Open', under_review: 'Under review', closed: 'Closed' } as const;

/** Mentions of the user and the cases they may open, a page at a time (keyset paging, "Load more"). */
export function CaseList({ editor, onOpened }: { editor: CaseEditor; onOpened(): void }) {
  const list = useCaseList();
  // a case saved while paging can move between pages: show it once
  const cases = [...new Map((list.data?.pages.flatMap((p) => p.cases) ?? []).map((c) => [c.id, c])).values()];
  const mentions = useMentions();
  return (
    <div>
      {(mentions.data?.mentions.length ?? 0) > 0 && (
        <section aria-label="Mentions">
          <h3>Mentions of you</h3>
          <ul className="cases-list">
            {mentions.data!.mentions.slice(0, 10).map((m) => (
              <li key={m.comment.id}>
                <button type="button" onClick={() => { void editor.open(m.caseId); onOpened(); }}>{m.caseTitle}</button>: {m.comment.authorEmail} — {m.comment.body}
              </li>
            ))}
          </ul>
        </section>
      )}
      <h3>Cases you may open</h3>
      {list.isPending && <p>Loading…</p>}
      {list.isError && <p className="cases-meta" role="alert">Could not load the cases: {list.error.message}</p>}
      {cases.length === 0 && list.isSuccess && <p className="cases-meta">No cases yet: build a canvas and save it as a case.</p>}
      <ul className="cases-list" data-testid="cases-list">
        {cases.map((c) => (
          <li key={c.id}>
            <button type="button" onClick={() => { void editor.open(c.id); onOpened(); }} data-testid="cases-list-item">
              <b>{c.title}</b> <span className="cases-meta">{STATUS_LABEL[c.status]} · v{c.head} · {c.ownerEmail} · {c.access}</span>
            </button>
          </li>
        ))}
      </ul>
      {list.hasNextPage && (
        <button type="button" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage} data-testid="cases-load-more">
          {list.isFetchingNextPage ? 'Loading…' : 'Load more'}
        </button>
      )}
    </div>
  );
}
