import { useEffect, useState, type ChangeEvent } from 'react';
import { errorMessage } from '../../../lib/api-client';
import type { QueryCheckResult, QueryRunResult } from '../../../types/api';
import { useGraphSession } from '../../graph';
import { checkSource, useQueryAuthoring, useQueryDetail, versionSource } from '../api/queries-api';
import { download } from '../../../lib/download';
import { CypherCodeEditor } from './cypher-code-editor';
import { NeedToKnowFix } from './need-to-know-fix';
import { VersionTest } from './version-test';

export const NEW_QUERY_TEMPLATE = `// @name my-new-query
// @title What the query finds, in a few words
// @category Payments
// @description One or two sentences an analyst reads in the catalogue.
// @param minDomains: integer = 2 -- Help text shown under the field
// @result table
// @roles analyst, supervisor, data, admin
MATCH (merchant:Merchant)<-[accepts:ACCEPTS]-(domain:Domain)
// need-to-know: every node and relationship the query reads is checked against the signed-in user ($viewer)
WHERE all(x IN [merchant, accepts, domain] WHERE (x.restriction IS NULL OR $viewer.organisationId IN coalesce(x.sources, []) OR (x.restriction = 'source_and_le' AND $viewer.lawEnforcement = true)))
WITH merchant, count(domain) AS domains
WHERE domains >= $minDomains
RETURN merchant, domains
ORDER BY domains DESC
`;

/**
 * The data team's editor: the whole .cypher file (header and query) in a Cypher editor that knows the live
 * schema; every save is checked with EXPLAIN and kept as a new version; publish, roll back, import and export.
 */
export function QueryEditor({ name, onSaved, onCanvas, onOpen }: {
  name: string | null;
  onSaved: (name: string) => void;
  onCanvas: (r: QueryRunResult, mode: 'add' | 'replace') => void;
  onOpen: (id: string) => void;
}) {
  const session = useGraphSession();
  const detail = useQueryDetail(name);
  const { save, publish, rollback } = useQueryAuthoring();
  const [source, setSource] = useState(NEW_QUERY_TEMPLATE);
  // the stored version the editor shows, and its text: testing runs that version, so only while unchanged
  const [shown, setShown] = useState<{ version: number; source: string } | null>(null);
  const [testing, setTesting] = useState<number | null>(null);
  const [check, setCheck] = useState<QueryCheckResult | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  // a different query was opened: show its text (keeping what was just typed when it is the one just saved)
  const loaded = detail.data?.name === name ? detail.data?.source : undefined;
  const loadedVersion = detail.data?.name === name ? detail.data?.latestVersion : undefined;
  useEffect(() => {
    setTesting(null);
    if (name === null) {
      setSource(NEW_QUERY_TEMPLATE);
      setShown(null);
    } else if (loaded !== undefined && loadedVersion !== undefined) {
      setSource(loaded);
      setShown({ version: loadedVersion, source: loaded });
    }
  }, [name, loaded, loadedVersion]);
  const dirty = shown === null || shown.source !== source;

  const runCheck = async () => {
    try {
      const r = await checkSource(source);
      setCheck(r);
      return r;
    } catch (err) {
      setStatus(errorMessage(err));
      return null;
    }
  };

  const doSave = async (publishNow: boolean, origin?: 'import', text = source) => {
    setStatus(null);
    const r = await checkSource(text).catch(() => null);
    setCheck(r);
    if (r && !r.ok) return;
    try {
      const saved = await save.mutateAsync({ source: text, publish: publishNow, ...(origin ? { origin } : {}) });
      setStatus(`Saved ${saved.name} version ${saved.version}${saved.publishedVersion === saved.version ? ', published' : ' as a draft'}`);
      setShown({ version: saved.version, source: text });
      onSaved(saved.name);
    } catch (err) {
      setStatus(errorMessage(err));
    }
  };

  const importFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    const text = await file.text();
    setSource(text);
    await doSave(false, 'import', text);
  };

  const act = async (what: 'publish' | 'rollback', version: number) => {
    if (!name) return;
    try {
      const r = await (what === 'publish' ? publish : rollback).mutateAsync({ name, version });
      setStatus(what === 'publish' ? `Version ${version} is now published` : `Rolled back: version ${version} is published again as version ${r.version}`);
    } catch (err) {
      setStatus(errorMessage(err));
    }
  };

  const versions = detail.data?.versions ?? [];
  const latest = detail.data?.latestVersion;
  return (
    <div className="query-editor" data-testid="query-editor">
      <div className="query-editor__bar">
        <button type="button" onClick={() => void runCheck()}>Check</button>
        <button type="button" onClick={() => void doSave(false)} disabled={save.isPending} data-testid="query-save-draft">Save draft</button>
        <button type="button" className="primary" onClick={() => void doSave(true)} disabled={save.isPending} data-testid="query-save-publish">Save and publish</button>
        <label className="file-button">
          Import .cypher
          <input type="file" accept=".cypher,text/plain" onChange={(e) => void importFile(e)} />
        </label>
        <button type="button" onClick={() => download(`${name ?? 'query'}.cypher`, source, 'text/plain')}>Export .cypher</button>
        <button
          type="button"
          onClick={() => shown && setTesting(shown.version)}
          disabled={!name || dirty}
          title={!name || dirty ? 'Save a draft first: a test runs a saved version' : `Run version ${shown?.version ?? ''} with its own form, as its author`}
          data-testid="query-test-open"
        >
          {shown && !dirty ? `Test version ${shown.version}` : 'Test'}
        </button>
      </div>
      <CypherCodeEditor className="query-editor__code" testId="query-editor-code" value={source} onChange={setSource} lineWrapping />
      {check && (
        <p className={check.ok ? 'query-editor__ok' : 'query-editor__error'} role={check.ok ? 'status' : 'alert'} data-testid="query-check">
          {check.position ? `Line ${check.position.line}, column ${check.position.column}: ` : ''}
          {check.message}
          {check.fix && (
            <NeedToKnowFix
              onFix={() => {
                setSource(check.fix!);
                setCheck(null);
              }}
            />
          )}
        </p>
      )}
      {name && testing !== null && (
        <VersionTest name={name} version={testing} selectedIds={session.selectedIds} onClose={() => setTesting(null)} onCanvas={onCanvas} onOpen={onOpen} />
      )}
      {status && <p className="query-editor__status" role="status" data-testid="query-editor-status">{status}</p>}
      {name && versions.length > 0 && (
        <section className="query-versions">
          <h4>Versions</h4>
          <ul>
            {versions.map((v) => (
              <li key={v.version}>
                <strong>v{v.version}</strong> {v.published ? <span className="badge">published</span> : v.version === latest && !v.published ? <span className="badge badge--draft">draft</span> : null}{' '}
                <span className="muted">
                  {v.createdAt ? new Date(v.createdAt).toLocaleString('en-GB') : ''} · {v.createdBy} · {v.origin}
                  {v.note ? ` · ${v.note}` : ''}
                </span>{' '}
                <button
                  type="button"
                  className="link-button"
                  onClick={() =>
                    void versionSource(name, v.version).then((r) => {
                      setSource(r.source);
                      setShown({ version: r.version, source: r.source });
                    })
                  }
                >
                  View
                </button>
                <button type="button" className="link-button" onClick={() => setTesting(v.version)} data-testid={`query-test-v${v.version}`}>Test</button>
                {!v.published && <button type="button" className="link-button" onClick={() => void act('publish', v.version)}>Publish</button>}
                {!v.published && v.version !== latest && <button type="button" className="link-button" onClick={() => void act('rollback', v.version)}>Roll back to this</button>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
