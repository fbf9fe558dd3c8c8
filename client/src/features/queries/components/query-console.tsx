import { useEffect, useState } from 'react';
import { errorMessage } from '../../../lib/api-client';
import type { QueryRunResult } from '../../../types/api';
import { useSession } from '../../auth';
import { checkSource, runConsole } from '../api/queries-api';
import { CypherCodeEditor } from './cypher-code-editor';
import { NeedToKnowFix } from './need-to-know-fix';
import { ResultsView } from './results-view';

/** Every pattern element is checked against the signed-in user ($viewer), as the need-to-know rule requires. */
export const CONSOLE_EXAMPLE = `MATCH (d:Domain {status: 'taken_down'})
WHERE all(x IN [d] WHERE (x.restriction IS NULL OR $viewer.organisationId IN coalesce(x.sources, []) OR (x.restriction = 'source_and_le' AND $viewer.lawEnforcement = true)))
RETURN d
LIMIT 25`;

// The history is per user: a browser shared by two analysts must not show one the other's queries. The first
// version kept one list for everyone under this key; it is removed when seen.
const LEGACY_KEY = 'moneytrail.console.history';
const historyKey = (userId: string) => `moneytrail.console.history.${userId}`;
const loadHistory = (userId: string): string[] => {
  try {
    localStorage.removeItem(LEGACY_KEY);
    const v = JSON.parse(localStorage.getItem(historyKey(userId)) ?? '[]') as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
};

// The check endpoint reads a whole stored-query file; a minimal header turns console text into one, so the console
// gets the same need-to-know fix as the editor without a second implementation of it.
const CHECK_HEADER = '// @name console\n// @description ad-hoc Cypher from the console\n';

/** Ad-hoc, read-only Cypher for the data team, with a history kept in this browser for the signed-in user. */
export function QueryConsole({ onCanvas, onOpen }: { onCanvas: (r: QueryRunResult, mode: 'add' | 'replace') => void; onOpen: (id: string) => void }) {
  const userId = useSession().data?.user?.id ?? null;
  const [cypher, setCypher] = useState(CONSOLE_EXAMPLE);
  const [history, setHistory] = useState<string[]>([]);
  const [result, setResult] = useState<QueryRunResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fix, setFix] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setHistory(userId ? loadHistory(userId) : []), [userId]);

  const offerFix = async (text: string) => {
    const checked = await checkSource(CHECK_HEADER + text).catch(() => null);
    const fixed = checked?.fix;
    setFix(fixed && fixed.startsWith(CHECK_HEADER) ? fixed.slice(CHECK_HEADER.length) : null);
  };

  const run = async () => {
    setBusy(true);
    setError(null);
    setFix(null);
    const next = [cypher, ...history.filter((h) => h !== cypher)].slice(0, 30);
    setHistory(next);
    if (userId) localStorage.setItem(historyKey(userId), JSON.stringify(next));
    try {
      setResult(await runConsole(cypher, {}));
    } catch (err) {
      setResult(null);
      const message = errorMessage(err);
      setError(message);
      if (/need-to-know/i.test(message)) await offerFix(cypher);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="query-console" data-testid="query-console">
      <CypherCodeEditor className="query-editor__code" testId="query-console-code" value={cypher} onChange={setCypher} lineWrapping />
      <div className="query-editor__bar">
        <button type="button" className="primary" onClick={() => void run()} disabled={busy} data-testid="console-run">{busy ? 'Running…' : 'Run (read-only)'}</button>
        <select aria-label="History" data-testid="console-history" value="" onChange={(e) => e.target.value && setCypher(e.target.value)}>
          <option value="">History ({history.length})</option>
          {history.map((h, i) => (
            <option key={i} value={h}>{h.replace(/\s+/g, ' ').slice(0, 80)}</option>
          ))}
        </select>
      </div>
      {error && (
        <p className="query-editor__error" role="alert" data-testid="console-error">
          {error}
          {fix && (
            <NeedToKnowFix
              onFix={() => {
                setCypher(fix);
                setFix(null);
                setError(null);
              }}
            />
          )}
        </p>
      )}
      {result && <ResultsView result={result} name="console" onCanvas={(m) => onCanvas(result, m)} onOpen={onOpen} />}
    </div>
  );
}
