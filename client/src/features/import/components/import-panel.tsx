import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api-client';
import type { ImportReportBody, ImportResultBody, ImportSummary, PreviewBody } from '../../../types/api';
import { ImportRefused, importKeys, previewFile, runImport, useImports, usePresets, useRollback, type UploadProgress } from '../api/import-api';
import { DuplicatesPanel } from './duplicates-panel';
import { PresetEditor } from './preset-editor';
import { Preview } from './preview-table';
import './import.css';

const PHASE_WORDS: Record<UploadProgress['phase'], string> = {
  uploading: 'Uploading',
  hashing: 'Recognising the file',
  validating: 'Checking every row',
  writing: 'Writing to the graph',
  finishing: 'Counting what changed',
  done: 'Done',
};

function progressPercent(p: UploadProgress): number {
  if (p.phase === 'uploading') return Math.round(p.fraction * 20);
  if (p.phase === 'hashing' || p.phase === 'validating') return 22;
  if (p.phase === 'writing') return 25 + Math.round((p.rowsDone / Math.max(1, p.rowsTotal ?? 1)) * 70);
  return p.phase === 'finishing' ? 97 : 100;
}

/** The data team's import page: choose a file and a preset, preview, import with a progress bar, read the report. */
export function ImportPanel({ onClose }: { onClose: () => void }) {
  const presets = usePresets();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [mapping, setMapping] = useState('');
  const [source, setSource] = useState('');
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [result, setResult] = useState<ImportResultBody | null>(null);
  const [refused, setRefused] = useState<{ message: string; report: ImportReportBody | null } | null>(null);
  const [preview, setPreview] = useState<PreviewBody | null>(null);
  const [busy, setBusy] = useState(false);
  const chosen = presets.data?.find((p) => p.name === mapping);

  const start = async () => {
    if (!file || !mapping || !source.trim()) return;
    setBusy(true);
    setResult(null);
    setRefused(null);
    setProgress({ phase: 'uploading', fraction: 0 });
    try {
      setResult(await runImport(file, { source: source.trim(), mapping, skipInvalid }, setProgress));
      setProgress((p) => (p ? { phase: 'done', rowsRead: 0, rowsDone: 0, rowsTotal: null } : p));
    } catch (err) {
      setRefused({ message: errorMessage(err), report: err instanceof ImportRefused ? err.report : null });
      setProgress(null);
    } finally {
      setBusy(false);
      void qc.invalidateQueries({ queryKey: importKeys.list });
    }
  };

  const showPreview = async () => {
    if (!file || !mapping) return;
    setRefused(null);
    try {
      setPreview(await previewFile(file, mapping));
    } catch (err) {
      setPreview(null);
      setRefused({ message: errorMessage(err), report: null });
    }
  };

  return (
    <aside className="import-panel" aria-label="Import partner data" data-testid="import-panel">
      <header className="import-panel__head">
        <h2>Import partner data</h2>
        <button type="button" onClick={onClose} aria-label="Close import">
          ×
        </button>
      </header>
      <div className="import-panel__body">
        <form
          className="import-form"
          onSubmit={(e) => {
            e.preventDefault();
            void start();
          }}
        >
          <label>
            File (CSV, JSON Lines or FollowTheMoney)
            <input type="file" data-testid="partner-import-file" accept=".csv,.tsv,.txt,.jsonl,.ndjson,.json" onChange={(e) => { setFile(e.target.files?.[0] ?? null); setPreview(null); }} />
          </label>
          <label>
            Mapping preset
            <select data-testid="import-mapping" value={mapping} onChange={(e) => { setMapping(e.target.value); setPreview(null); }}>
              <option value="">choose…</option>
              {presets.data?.map((p) => (
                <option key={p.name} value={p.name}>
                  {p.name} — {p.title}
                </option>
              ))}
            </select>
          </label>
          {chosen && <p className="import-hint">{chosen.description}</p>}
          <label>
            Sent by (organisation id)
            <input type="text" data-testid="import-source" placeholder="e.g. icij or quorvix-pay" value={source} onChange={(e) => setSource(e.target.value)} />
          </label>
          <label className="import-check">
            <input type="checkbox" data-testid="import-skip-invalid" checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)} />
            Import the valid rows and set invalid ones aside (otherwise one invalid row stops the whole file)
          </label>
          <div className="import-actions">
            <button type="button" data-testid="import-preview" disabled={!file || !mapping || busy} onClick={() => void showPreview()}>
              Preview first rows
            </button>
            <button type="submit" data-testid="import-start" disabled={!file || !mapping || !source.trim() || busy}>
              Import
            </button>
          </div>
        </form>

        {progress && (
          <div className="import-progress" data-testid="import-progress-box">
            <div>{PHASE_WORDS[progress.phase]}{progress.phase === 'writing' && ` — ${progress.rowsDone.toLocaleString()} of ${(progress.rowsTotal ?? 0).toLocaleString()} rows`}</div>
            <progress data-testid="import-progress" max={100} value={progressPercent(progress)} />
          </div>
        )}

        {refused && (
          <div className="import-refused" role="alert" data-testid="import-error">
            <p>{refused.message}</p>
            {refused.report && <Problems report={refused.report} />}
          </div>
        )}
        {result && <ResultReport result={result} />}
        {preview && <Preview preview={preview} />}
        <History />
        <DuplicatesPanel />
        <PresetEditor file={file} />
      </div>
    </aside>
  );
}

function Problems({ report }: { report: ImportReportBody }) {
  if (report.problems.length === 0) return null;
  return (
    <>
      <table className="import-table" data-testid="import-problems">
        <thead>
          <tr><th>File</th><th>Row</th><th>Column</th><th>Problem</th></tr>
        </thead>
        <tbody>
          {report.problems.map((p, i) => (
            <tr key={i}><td>{p.file}</td><td>{p.row} (line {p.line})</td><td>{p.field}</td><td>{p.reason}</td></tr>
          ))}
        </tbody>
      </table>
      {report.problemsTotal > report.problems.length && <p>… and {report.problemsTotal - report.problems.length} more problems.</p>}
      {report.rejectsUrl && <a href={report.rejectsUrl} data-testid="import-rejects">Download the rejected rows (CSV)</a>}
    </>
  );
}

function ResultReport({ result }: { result: ImportResultBody }) {
  const i = result.import;
  const r = result.report;
  const headline =
    result.outcome === 'unchanged'
      ? `${r.fileName} was already imported (${i.id}); nothing changed.`
      : `${result.outcome === 'resumed' ? 'Finished the interrupted import of' : 'Imported'} ${r.fileName}: ${r.rowsValid.toLocaleString()} rows.`;
  return (
    <section className="import-report" data-testid="import-report" data-outcome={result.outcome}>
      <h3>{headline}</h3>
      <dl>
        <dt>Rows read</dt><dd data-testid="report-rows-read">{r.rowsRead.toLocaleString()}</dd>
        <dt>Rows rejected</dt><dd data-testid="report-rows-rejected">{r.rowsRejected.toLocaleString()}</dd>
        <dt>Entities created</dt><dd data-testid="report-nodes-created">{(i.nodesCreated ?? 0).toLocaleString()}</dd>
        <dt>Entities already known</dt><dd data-testid="report-nodes-updated">{(i.nodesUpdated ?? 0).toLocaleString()}</dd>
        <dt>Relationships created</dt><dd>{(i.relsCreated ?? 0).toLocaleString()}</dd>
        <dt>Relationships already known</dt><dd>{(i.relsUpdated ?? 0).toLocaleString()}</dd>
      </dl>
      <Problems report={r} />
    </section>
  );
}

const STATUS_WORDS: Record<string, string> = {
  complete: 'complete',
  running: 'running (or interrupted: import the same file again to finish it)',
  failed: 'stopped: import the same file again to finish it',
  rolling_back: 'rolling back',
  rolled_back: 'rolled back',
};

function History() {
  const imports = useImports();
  const rollback = useRollback();
  const [error, setError] = useState<string | null>(null);
  const undo = (i: ImportSummary) => {
    if (!window.confirm(`Roll back ${i.fileName} (${i.id})? What only this import added is deleted.`)) return;
    setError(null);
    rollback.mutate(i.id, { onError: (e) => setError(errorMessage(e)) });
  };
  return (
    <section className="import-history">
      <h3>Import history</h3>
      {error && <p role="alert">{error}</p>}
      {imports.isError && <p role="alert">{errorMessage(imports.error)}</p>}
      <table className="import-table" data-testid="import-history">
        <thead>
          <tr><th>Started</th><th>File</th><th>From</th><th>Preset</th><th>By</th><th>Status</th><th>Rows</th><th>Created / known</th><th /></tr>
        </thead>
        <tbody>
          {imports.data?.map((i) => (
            <tr key={i.id} data-testid="import-history-row" data-import-id={i.id} data-status={i.status}>
              <td>{i.startedAt.slice(0, 16).replace('T', ' ')}</td>
              <td title={i.fileHash}>{i.fileName}</td>
              <td>{i.organisation}</td>
              <td>{i.mapping}</td>
              <td>{i.user}</td>
              <td>{STATUS_WORDS[i.status] ?? i.status}</td>
              <td>{i.rowsDone.toLocaleString()} / {i.rowsTotal.toLocaleString()}{i.rowsRejected ? ` (${i.rowsRejected} rejected)` : ''}</td>
              <td>{i.nodesCreated ?? '–'} / {i.nodesUpdated ?? '–'}</td>
              <td className="import-history__actions">
                {i.status === 'complete' && (
                  <>
                    <a href={`/api/imports/${encodeURIComponent(i.id)}/ftm`} title="FollowTheMoney entities for Aleph / OpenSanctions">FtM</a>
                    <a href={`/api/imports/${encodeURIComponent(i.id)}/entities.csv`}>CSV</a>
                  </>
                )}
                {i.status !== 'rolled_back' && i.status !== 'rolling_back' && (
                  <button type="button" data-testid="import-rollback" disabled={rollback.isPending} onClick={() => undo(i)}>
                    Roll back
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
