import { useState } from 'react';
import { CypherEditor } from '@neo4j-cypher/react-codemirror';
import { errorMessage } from '../../../lib/api-client';
import type { QueryRunResult } from '../../../types/api';
import { runConsole, useEditorSchema } from '../api/queries-api';
import { ResultsView } from './results-view';

const HISTORY_KEY = 'moneytrail.console.history';
const loadHistory = (): string[] => {
  try {
    const v = JSON.parse(localStorage.getItem(HISTORY_KEY) ?? '[]') as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
};

/** Ad-hoc, read-only Cypher for the data team, with a history kept in this browser. */
export function QueryConsole({ onCanvas, onOpen }: { onCanvas: (r: QueryRunResult, mode: 'add' | 'replace') => void; onOpen: (id: string) => void }) {
  const schema = useEditorSchema(true);
  const [cypher, setCypher] = useState('MATCH (d:Domain {status: "taken_down"})\nRETURN d\nLIMIT 25');
  const [history, setHistory] = useState<string[]>(loadHistory);
  const [result, setResult] = useState<QueryRunResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    setError(null);
    const next = [cypher, ...history.filter((h) => h !== cypher)].slice(0, 30);
    setHistory(next);
    localStorage.setItem(HISTORY_KEY, JSON.stringify(next));
    try {
      setResult(await runConsole(cypher, {}));
    } catch (err) {
      setResult(null);
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="query-console" data-testid="query-console">
      <CypherEditor className="query-editor__code" value={cypher} onValueChanged={(v: string) => setCypher(v)} schema={schema.data} lint autofocus={false} />
      <div className="query-editor__bar">
        <button type="button" className="primary" onClick={() => void run()} disabled={busy}>{busy ? 'Running…' : 'Run (read-only)'}</button>
        <select aria-label="History" value="" onChange={(e) => e.target.value && setCypher(e.target.value)}>
          <option value="">History ({history.length})</option>
          {history.map((h, i) => (
            <option key={i} value={h}>{h.replace(/\s+/g, ' ').slice(0, 80)}</option>
          ))}
        </select>
      </div>
      {error && <p className="query-editor__error" role="alert">{error}</p>}
      {result && <ResultsView result={result} name="console" onCanvas={(m) => onCanvas(result, m)} onOpen={onOpen} />}
    </div>
  );
}
