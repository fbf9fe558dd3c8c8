import { useState } from 'react';
import { errorMessage } from '../../../lib/api-client';
import { auditExportUrl, useAuditLog, useVerifyAudit, type AuditFilter } from '../api/admin-api';

const EMPTY: AuditFilter = { user: '', action: '', from: '', to: '' };

/** Browse, filter and export the tamper-evident audit trail, and check the chain. */
export function AuditLog() {
  const [draft, setDraft] = useState<AuditFilter>(EMPTY);
  const [filter, setFilter] = useState<AuditFilter>(EMPTY);
  const [pages, setPages] = useState<(number | null)[]>([null]);
  const before = pages.at(-1) ?? null;
  const log = useAuditLog(filter, before);
  const verify = useVerifyAudit();
  const set = (k: keyof AuditFilter) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [k]: e.target.value }));

  return (
    <section className="admin__section">
      <form
        className="admin__form"
        onSubmit={(e) => {
          e.preventDefault();
          setFilter(draft);
          setPages([null]);
        }}
        data-testid="audit-filter"
      >
        <label>
          User (e-mail contains)
          <input value={draft.user} onChange={set('user')} data-testid="audit-filter-user" />
        </label>
        <label>
          Action
          <input value={draft.action} onChange={set('action')} placeholder="search, graph, auth.login…" data-testid="audit-filter-action" />
        </label>
        <label>
          From
          <input type="date" value={draft.from} onChange={set('from')} />
        </label>
        <label>
          Until
          <input type="date" value={draft.to} onChange={set('to')} />
        </label>
        <button type="submit" className="btn btn--primary">
          Filter
        </button>
        <a className="btn" href={auditExportUrl(filter)} download data-testid="audit-export">
          Export CSV
        </a>
        <button type="button" className="btn" onClick={() => verify.mutate()} data-testid="audit-verify">
          Verify chain
        </button>
      </form>
      {verify.data && (
        <p role="status" className={verify.data.ok ? 'admin__ok' : 'signin__error'} data-testid="audit-verify-result">
          {verify.data.ok ? `The chain is intact: ${verify.data.records} records verified.` : `The chain is broken at record #${verify.data.brokenSeq}: ${verify.data.reason}`}
        </p>
      )}
      {log.isError && <p className="signin__error" role="alert">{errorMessage(log.error)}</p>}
      <table className="admin__table" data-testid="audit-table">
        <thead>
          <tr>
            <th>#</th>
            <th>When</th>
            <th>Who</th>
            <th>From</th>
            <th>Action</th>
            <th>Target</th>
            <th>Parameters</th>
            <th>Results</th>
            <th>Outcome</th>
          </tr>
        </thead>
        <tbody>
          {(log.data?.records ?? []).map((r) => (
            <tr key={r.seq} data-testid="audit-row" data-action={r.action}>
              <td>{r.seq}</td>
              <td>{new Date(r.at).toLocaleString()}</td>
              <td>{r.email ?? '—'}</td>
              <td>{r.ip ?? '—'}</td>
              <td>{r.action}</td>
              <td className="admin__mono">{r.target ?? ''}</td>
              <td className="admin__mono">{Object.keys(r.params).length ? JSON.stringify(r.params) : ''}</td>
              <td>{r.resultCount ?? ''}</td>
              <td>{r.outcome}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="admin__pager">
        <button type="button" className="btn" disabled={pages.length <= 1} onClick={() => setPages((p) => p.slice(0, -1))}>
          Newer
        </button>
        <button type="button" className="btn" disabled={!log.data?.nextBefore} onClick={() => log.data?.nextBefore && setPages((p) => [...p, log.data.nextBefore])}>
          Older
        </button>
      </div>
    </section>
  );
}
