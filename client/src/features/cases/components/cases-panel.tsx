import { useEffect, useState } from 'react';
import { useSession } from '../../auth';
import { useGraphSession } from '../../graph';
import { casesApi } from '../api/cases-api';
import { caseIdFromPath, useCaseEditor, type CaseEditor } from '../lib/use-case-editor';
import { CaseHistory } from './case-history';
import { CaseCollab } from './case-collab';
import { CaseExports } from './case-exports';
import { CaseList, STATUS_LABEL } from './case-list';
import { CanvasAnnotations } from './canvas-annotations';
import { useCanvasAnnotations, type CanvasAnnotationActions } from '../hooks/use-canvas-annotations';
import '../cases.css';

/**
 * Cases: the list, the current case (save with a message, autosave, recovery, conflicts), its history,
 * sharing, comments, activity and exports. Always mounted (hidden when closed) so autosave keeps running.
 */
export function CasesPanel({ open, onOpen, onClose }: { open: boolean; onOpen(): void; onClose(): void }) {
  const user = useSession().data?.user ?? null;
  const editor = useCaseEditor(user?.email ?? '');
  const graph = useGraphSession();
  const annotate = useCanvasAnnotations(editor, graph);
  const [tab, setTab] = useState<'case' | 'history' | 'collab' | 'list'>('case');

  // a case link (/cases/:id) opens the case; back/forward follow the links
  useEffect(() => {
    const follow = () => {
      const id = caseIdFromPath(window.location.pathname);
      if (id && id !== editor.caseId) {
        onOpen();
        void editor.open(id);
      }
    };
    follow();
    window.addEventListener('popstate', follow);
    return () => window.removeEventListener('popstate', follow);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <>
      {/* text boxes and groups are drawn over the canvas (a portal into its frame), whether or not the panel is open */}
      <CanvasAnnotations editor={editor} actions={annotate} />
      <aside className="cases-panel" aria-label="Cases" data-testid="cases-panel" hidden={!open}>
        <header className="cases-panel__head">
          <nav className="cases-panel__tabs" role="tablist">
            {(['case', 'history', 'collab', 'list'] as const).map((t) => (
              <button key={t} type="button" role="tab" aria-selected={tab === t} onClick={() => setTab(t)} data-testid={`cases-tab-${t}`} disabled={t !== 'list' && t !== 'case' && !editor.detail}>
                {{ case: 'Case', history: 'History', collab: 'Team', list: 'All cases' }[t]}
              </button>
            ))}
          </nav>
          <button type="button" onClick={onClose} aria-label="Close cases">×</button>
        </header>
        <div className="cases-panel__body">
          <RecoveryBanner editor={editor} />
          <ConflictDialog editor={editor} />
          {tab === 'case' && <CurrentCase editor={editor} annotate={annotate} />}
          {tab === 'history' && editor.detail && <CaseHistory editor={editor} />}
          {tab === 'collab' && editor.detail && <CaseCollab editor={editor} />}
          {tab === 'list' && <CaseList editor={editor} onOpened={() => setTab('case')} />}
        </div>
      </aside>
    </>
  );
}

function RecoveryBanner({ editor }: { editor: CaseEditor }) {
  if (!editor.recovery) return null;
  return (
    <div className="cases-banner" role="alert" data-testid="case-recovery">
      Unsaved work from {new Date(editor.recovery.savedAt).toLocaleString()} was kept ({editor.recovery.content.nodes.length} entities).
      <button type="button" onClick={editor.recover} data-testid="case-recover">Recover it</button>
      <button type="button" onClick={() => void editor.discardRecovery()}>Discard</button>
    </div>
  );
}

function ConflictDialog({ editor }: { editor: CaseEditor }) {
  const c = editor.conflict;
  if (!c) return null;
  return (
    <div className="cases-dialog" role="alertdialog" aria-label="Save conflict" data-testid="case-conflict">
      <p>
        <b>{c.headAuthor ?? 'Someone'}</b> saved version {c.head} of this case after you opened version {c.baseVersion}. Nothing was overwritten.
      </p>
      <button type="button" onClick={() => void editor.resolveConflict('branch')} data-testid="conflict-branch">Save my work as a branch</button>
      <button type="button" onClick={() => void editor.resolveConflict('reload')} data-testid="conflict-reload">Reload their version (drop my changes)</button>
      <button type="button" onClick={() => void editor.resolveConflict('cancel')}>Keep editing</button>
    </div>
  );
}

function AutosaveIndicator({ editor }: { editor: CaseEditor }) {
  const a = editor.autosave;
  const text = a.status === 'saving' ? 'Autosaving…' : a.status === 'saved' ? `Draft autosaved ${new Date(a.at).toLocaleTimeString()}` : a.status === 'failed' ? `Autosave failed: ${a.message}` : editor.editable ? 'Autosave on' : 'Read-only';
  return <span className={`cases-autosave cases-autosave--${a.status}`} data-testid="case-autosave">{text}</span>;
}

function CurrentCase({ editor, annotate }: { editor: CaseEditor; annotate: CanvasAnnotationActions }) {
  const session = useGraphSession();
  const d = editor.detail;
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [message, setMessage] = useState('');
  const [note, setNote] = useState('');
  const [boxText, setBoxText] = useState('');
  const [groupLabel, setGroupLabel] = useState('');
  const selectedEntities = session.selectedIds.filter((id) => session.getNode(id)).length;
  const selected = session.selection?.id ?? null;
  const existingNote = editor.annotations.notes.find((n) => n.targetId === selected)?.text ?? '';
  useEffect(() => setNote(existingNote), [selected, existingNote]);

  const setNoteOn = (targetId: string, text: string) =>
    editor.setAnnotations((a) => ({ ...a, notes: [...a.notes.filter((n) => n.targetId !== targetId), ...(text.trim() ? [{ id: `note-${Date.now()}`, targetId, text }] : [])] }));

  return (
    <div className="cases-current">
      {d ? (
        <>
          <h2 className="cases-current__title" data-testid="case-title">{d.case.title}</h2>
          <p className="cases-meta">
            {STATUS_LABEL[d.case.status]} · owner {d.case.ownerEmail ?? d.case.ownerId} · team {d.case.teamName ?? d.case.teamId} · your access: {d.case.access}
            {d.case.branchOf && <> · branch of {d.case.branchOf.caseId} v{d.case.branchOf.version}</>}
          </p>
          <p className="cases-meta" data-testid="case-version">
            {editor.readOnly ? `Viewing version ${editor.readOnly} of ${d.case.head} (read-only)` : `Version ${d.version.number} of ${d.case.head}`} · saved by {d.version.authorEmail} “{d.version.message}”
            {d.version.withheld > 0 && ` · ${d.version.withheld} restricted entities not shown`}
          </p>
          {editor.readOnly && <button type="button" onClick={() => void editor.open(d.case.id)}>Back to the latest version</button>}
          <AutosaveIndicator editor={editor} />
          {editor.editable && (
            <form className="cases-form" onSubmit={(e) => { e.preventDefault(); void editor.save(message).then((ok) => ok && setMessage('')); }}>
              <input value={message} onChange={(e) => setMessage(e.target.value)} placeholder="What changed? (version message)" required aria-label="Version message" data-testid="case-save-message" />
              <button type="submit" disabled={editor.busy} data-testid="case-save">Save version</button>
            </form>
          )}
          {editor.editable && (
            <label className="cases-status">
              Status{' '}
              <select value={d.case.status} onChange={(e) => void casesApi.update(d.case.id, { status: e.target.value as 'open' }).then(() => editor.open(d.case.id))} data-testid="case-status">
                <option value="open">Open</option>
                <option value="under_review">Under review</option>
                <option value="closed">Closed</option>
              </select>
            </label>
          )}
          <button type="button" onClick={() => void navigator.clipboard?.writeText(`${window.location.origin}/cases/${d.case.id}`)} data-testid="case-copy-link">Copy case link</button>{' '}
          <button type="button" onClick={editor.close}>Close case</button>
          <CaseExports editor={editor} />
        </>
      ) : (
        <form className="cases-form cases-form--new" onSubmit={(e) => { e.preventDefault(); void editor.create(title, description, message || 'First version'); }}>
          <h2>Save the canvas as a case</h2>
          <AutosaveIndicator editor={editor} />
          <input value={title} onChange={(e) => setTitle(e.target.value)} placeholder="Title" required aria-label="Case title" data-testid="case-new-title" />
          <textarea value={description} onChange={(e) => setDescription(e.target.value)} placeholder="Description" aria-label="Case description" />
          <input value={message} onChange={(e) => setMessage(e.target.value)} placeholder="Version message (optional)" aria-label="Version message" />
          <button type="submit" disabled={editor.busy || session.summary.nodes === 0} data-testid="case-create">Save as case</button>
        </form>
      )}
      <section className="cases-notes" aria-label="Notes">
        <h3>Notes</h3>
        {selected ? (
          <div className="cases-form">
            <textarea value={note} onChange={(e) => setNote(e.target.value)} placeholder={`Note on ${session.getNode(selected)?.caption ?? selected}`} aria-label="Note on the selection" data-testid="case-note" readOnly={!editor.editable} />
            {editor.editable && <button type="button" onClick={() => setNoteOn(selected, note)} data-testid="case-note-save">Keep note</button>}
          </div>
        ) : (
          <p className="cases-meta">Select a node or relationship to annotate it.</p>
        )}
        <ul className="cases-list">
          {editor.annotations.notes.map((n) => (
            <li key={n.targetId}>
              <button type="button" onClick={() => session.select(n.targetId)}>{session.getNode(n.targetId)?.caption ?? n.targetId}</button>: {n.text}
            </li>
          ))}
        </ul>
      </section>
      <section className="cases-notes" aria-label="Text boxes and groups">
        <h3>Text boxes and groups</h3>
        {editor.editable && (
          <form className="cases-form" onSubmit={(e) => { e.preventDefault(); if (boxText.trim()) { annotate.addTextBox(boxText.trim()); setBoxText(''); } }}>
            <textarea value={boxText} onChange={(e) => setBoxText(e.target.value)} placeholder="A free note placed on the canvas (drag it where it belongs; double-click to edit)" aria-label="Text box text" data-testid="case-textbox-text" maxLength={5000} />
            <button type="submit" disabled={!boxText.trim()} data-testid="case-textbox-add">Add text box</button>
          </form>
        )}
        {editor.editable && (
          <form className="cases-form" onSubmit={(e) => { e.preventDefault(); if (annotate.groupSelection(groupLabel)) setGroupLabel(''); }}>
            <input value={groupLabel} onChange={(e) => setGroupLabel(e.target.value)} placeholder={selectedEntities ? `Name for a group of the ${selectedEntities} selected` : 'Select entities (shift+drag or shift+click) to group them'} aria-label="Group name" data-testid="case-group-label" maxLength={200} />
            <button type="submit" disabled={selectedEntities === 0 || !groupLabel.trim()} data-testid="case-group-add">Group selection</button>
          </form>
        )}
        <ul className="cases-list" data-testid="case-annotation-list">
          {editor.annotations.textBoxes.map((b) => (
            <li key={b.id} className="cases-textbox">
              {b.text}
              {editor.editable && <button type="button" onClick={() => annotate.removeTextBox(b.id)} aria-label="Delete text box">×</button>}
            </li>
          ))}
          {editor.groupings.map((g) => (
            <li key={g.id}>
              Group <b>{g.label}</b> ({g.members.length})
              {editor.editable && <button type="button" onClick={() => annotate.ungroup(g.id)} data-testid="case-ungroup">Ungroup</button>}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
