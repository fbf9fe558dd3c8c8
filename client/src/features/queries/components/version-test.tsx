import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '../../../lib/api-client';
import type { QueryRunResult } from '../../../types/api';
import { checkSource, runStoredQuery, versionSource } from '../api/queries-api';
import { ParamForm } from './param-form';
import { ResultsView } from './results-view';

/**
 * Runs one stored version (a draft, say) as its author, with that version's own parameter form: the data team
 * tries a change on real data before publishing it. Runs are audited as `name@version` like any other.
 */
export function VersionTest({ name, version, selectedIds, onClose, onCanvas, onOpen }: {
  name: string;
  version: number;
  selectedIds: readonly string[];
  onClose: () => void;
  onCanvas: (r: QueryRunResult, mode: 'add' | 'replace') => void;
  onOpen: (id: string) => void;
}) {
  // the version's parameters come from its own header, parsed by the server's check
  const definition = useQuery({
    queryKey: ['queries', 'version-definition', name, version],
    queryFn: async () => {
      const { source } = await versionSource(name, version);
      return checkSource(source);
    },
    staleTime: Infinity,
  });
  const [result, setResult] = useState<QueryRunResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (params: Record<string, unknown>) => {
    setBusy(true);
    setError(null);
    try {
      setResult(await runStoredQuery(name, params, version));
    } catch (err) {
      setResult(null);
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const summary = definition.data?.summary;
  return (
    <section className="query-test" data-testid="query-test" aria-label={`Test version ${version}`}>
      <div className="query-editor__bar">
        <h4>Test version {version}</h4>
        <button type="button" className="link-button" onClick={onClose} aria-label="Close the test">Close</button>
      </div>
      {definition.isPending && <p className="muted">Reading version {version}…</p>}
      {definition.isError && <p className="query-editor__error" role="alert">{errorMessage(definition.error)}</p>}
      {definition.data && !summary && <p className="query-editor__error" role="alert">{definition.data.message}</p>}
      {definition.data && summary && !definition.data.ok && <p className="query-editor__error" role="alert">This version would be refused: {definition.data.message}</p>}
      {summary && (
        <ParamForm key={`${name}@${version}`} params={summary.params} busy={busy} selectedIds={selectedIds} onRun={(p) => void run(p)} submitLabel={`Run version ${version}`} />
      )}
      {error && <p className="query-editor__error" role="alert" data-testid="query-test-error">{error}</p>}
      {result && <ResultsView result={result} name={`${name}-v${version}`} onCanvas={(m) => onCanvas(result, m)} onOpen={onOpen} />}
    </section>
  );
}
