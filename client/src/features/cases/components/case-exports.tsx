import { useSession } from '../../auth';
import { useGraphSession } from '../../graph';
import { casesApi } from '../api/cases-api';
import type { CaseEditor } from '../lib/use-case-editor';

/** Report (HTML / PDF) of the version on screen; blocking lists (supervisors) for the case or the selection. */
export function CaseExports({ editor }: { editor: CaseEditor }) {
  const d = editor.detail!;
  const role = useSession().data?.user?.role;
  const session = useGraphSession();
  const version = editor.readOnly ?? d.version.number;
  const selection = session.selectedIds.filter((id) => session.getNode(id));
  const blocking = (kind: 'payments' | 'domains') => `${casesApi.blockingUrl(d.case.id, version, kind)}${selection.length ? `&uids=${encodeURIComponent(selection.join(','))}` : ''}`;
  return (
    <section className="cases-exports" aria-label="Take it out">
      <h3>Report and blocking lists (version {version})</h3>
      <a href={casesApi.reportUrl(d.case.id, version, 'html')} target="_blank" rel="noopener" data-testid="case-report-html">Report (HTML)</a>{' '}
      <a href={casesApi.reportUrl(d.case.id, version, 'pdf')} data-testid="case-report-pdf">Report (PDF)</a>
      {role === 'supervisor' && (
        <p>
          Blocking list{selection.length ? ` (${selection.length} selected)` : ''}:{' '}
          <a href={blocking('payments')} data-testid="case-blocking-payments">card schemes &amp; payment providers (CSV)</a>{' · '}
          <a href={blocking('domains')} data-testid="case-blocking-domains">registrars &amp; hosters (CSV)</a>
        </p>
      )}
    </section>
  );
}
