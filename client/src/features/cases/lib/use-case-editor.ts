import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../../lib/api-client';
import { notify } from '../../../lib/notifications';
import { useGraphSession, type CanvasFile } from '../../graph';
import type { CaseConflictDetails, CaseContentInput, CaseDetail, CaseDraftView } from '../../../../../server/api-types';
import { CaseApiError, casesApi } from '../api/cases-api';
import { canvasFileOf, loadCanvas, readCanvas, stampOrigins, type Annotations, type Groupings } from './canvas-case';

/** how often a changed canvas is written to the server as a draft */
export const AUTOSAVE_MS = 3_000;
const EMPTY_NOTES: Annotations = { notes: [], textBoxes: [], highlightedPaths: [] };

export type AutosaveState = { status: 'idle' } | { status: 'saving' } | { status: 'saved'; at: string } | { status: 'failed'; message: string };
export type Conflict = CaseConflictDetails & { message: string; content: CaseContentInput };

export const caseIdFromPath = (path: string): string | null => /^\/cases\/(case-[a-z0-9-]+)/.exec(path)?.[1] ?? null;

/**
 * The case being worked on: which case and version the canvas came from, its annotations, saving with
 * optimistic concurrency (a conflict is surfaced, never overwritten), autosaved drafts and their recovery.
 */
export function useCaseEditor(userEmail: string) {
  const session = useGraphSession();
  const queryClient = useQueryClient();
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  /** a version opened from history: shown on the canvas, never saved over */
  const [readOnly, setReadOnly] = useState<number | null>(null);
  const [annotations, setAnnotations] = useState<Annotations>(EMPTY_NOTES);
  const [groupings, setGroupings] = useState<Groupings>([]);
  const [autosave, setAutosave] = useState<AutosaveState>({ status: 'idle' });
  const [recovery, setRecovery] = useState<CaseDraftView | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [busy, setBusy] = useState(false);
  const lastDraft = useRef<string>('');
  const caseId = detail?.case.id ?? null;
  const editable = readOnly === null && (!detail || detail.case.access === 'editor' || detail.case.access === 'owner');

  // provenance: stamp every element that arrives on the canvas
  useEffect(() => {
    const cy = session.cyRef.current;
    if (cy && userEmail) stampOrigins(cy, userEmail);
  }, [session.version, session.cyRef, userEmail]);

  const content = useCallback(() => readCanvas(session, annotations, groupings), [session, annotations, groupings]);

  const show = useCallback(
    (d: CaseDetail, asReadOnly: number | null) => {
      lastDraft.current = '';
      setDetail(d);
      setReadOnly(asReadOnly);
      setAnnotations({ ...EMPTY_NOTES, ...d.version.content.annotations, highlightedPaths: [] });
      setGroupings(d.version.content.groupings);
      loadCanvas(session, d.version.content, canvasFileOf(d.version.content));
      const path = `/cases/${d.case.id}`;
      if (window.location.pathname !== path) window.history.pushState({}, '', path);
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
    },
    [session, queryClient],
  );

  const open = useCallback(
    async (id: string, version?: number) => {
      setBusy(true);
      try {
        const d = await casesApi.open(id, version);
        show(d, version && version !== d.case.head ? version : null);
        if (!version && (d.case.access === 'editor' || d.case.access === 'owner')) {
          const { draft } = await casesApi.getDraft(id);
          setRecovery(draft && draft.savedAt > d.version.createdAt ? draft : null);
        } else setRecovery(null);
      } catch (err) {
        notify('error', `Could not open the case: ${errorMessage(err)}`);
      } finally {
        setBusy(false);
      }
    },
    [show],
  );

  const recover = useCallback(() => {
    if (!recovery) return;
    const file = recovery.content.canvas as CanvasFile | undefined;
    if (file) loadCanvas(session, recovery.content, file);
    setAnnotations({ ...EMPTY_NOTES, ...recovery.content.annotations });
    setGroupings(recovery.content.groupings);
    setRecovery(null);
    notify('success', `Recovered the work autosaved at ${new Date(recovery.savedAt).toLocaleTimeString()}`);
  }, [recovery, session]);

  const discardRecovery = useCallback(async () => {
    setRecovery(null);
    await casesApi.deleteDraft(caseId).catch(() => undefined);
  }, [caseId]);

  const create = useCallback(
    async (title: string, description: string, message: string) => {
      setBusy(true);
      try {
        const d = await casesApi.create({ title, description, message, content: content() });
        show(d, null);
        notify('success', `Saved as case "${d.case.title}" (version 1)`);
        return true;
      } catch (err) {
        notify('error', `Could not save the case: ${errorMessage(err)}`);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [content, show],
  );

  const save = useCallback(
    async (message: string) => {
      if (!detail) return false;
      const c = content();
      setBusy(true);
      try {
        const d = await casesApi.save(detail.case.id, detail.version.number, message, c);
        setDetail(d);
        lastDraft.current = '';
        void queryClient.invalidateQueries({ queryKey: ['cases'] });
        notify('success', `Saved version ${d.version.number}`);
        return true;
      } catch (err) {
        if (err instanceof CaseApiError && err.status === 409) {
          setConflict({ ...(err.details as CaseConflictDetails), message, content: c });
          return false;
        }
        notify('error', `Could not save: ${errorMessage(err)}`);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [detail, content, queryClient],
  );

  const resolveConflict = useCallback(
    async (choice: 'reload' | 'branch' | 'cancel') => {
      if (!conflict || !detail) return;
      setConflict(null);
      if (choice === 'reload') await open(detail.case.id);
      if (choice === 'branch') {
        try {
          const d = await casesApi.branch(detail.case.id, detail.version.number, conflict.message, conflict.content);
          show(d, null);
          notify('success', `Your work was saved as a new case "${d.case.title}"`);
        } catch (err) {
          notify('error', `Could not save the branch: ${errorMessage(err)}`);
        }
      }
    },
    [conflict, detail, open, show],
  );

  const restore = useCallback(
    async (version: number) => {
      if (!detail) return;
      try {
        const d = await casesApi.restore(detail.case.id, version, detail.case.head);
        show(d, null);
        notify('success', `Version ${version} restored as version ${d.version.number}`);
      } catch (err) {
        if (err instanceof CaseApiError && err.status === 409) notify('error', `${err.message}`);
        else notify('error', `Could not restore: ${errorMessage(err)}`);
      }
    },
    [detail, show],
  );

  const close = useCallback(() => {
    setDetail(null);
    setReadOnly(null);
    setRecovery(null);
    setAnnotations(EMPTY_NOTES);
    setGroupings([]);
    if (window.location.pathname !== '/') window.history.pushState({}, '', '/');
  }, []);

  // Autosave: a changed canvas is written as this user's draft every few seconds (server-side, so a closed tab
  // or a crash loses at most that much).
  useEffect(() => {
    if (!editable || recovery) return;
    const timer = window.setInterval(() => {
      if (session.summary.nodes === 0) return;
      const c = content();
      const key = JSON.stringify(c);
      if (key === lastDraft.current) return;
      if (!lastDraft.current && detail && baselineKey(detail.version.content) === baselineKey(c)) {
        lastDraft.current = key;
        return;
      }
      lastDraft.current = key;
      setAutosave({ status: 'saving' });
      casesApi
        .putDraft(caseId, detail?.version.number ?? 0, { ...c, canvas: session.canvasFile() } as CaseContentInput)
        .then((r) => setAutosave({ status: 'saved', at: r.savedAt }))
        .catch((err: unknown) => {
          lastDraft.current = '';
          setAutosave({ status: 'failed', message: errorMessage(err) });
        });
    }, AUTOSAVE_MS);
    return () => window.clearInterval(timer);
  }, [editable, recovery, content, caseId, detail, session]);

  // the canvas not yet saved as a case: offer its draft back once, at start
  useEffect(() => {
    if (caseIdFromPath(window.location.pathname)) return;
    casesApi
      .getDraft(null)
      .then(({ draft }) => {
        if (draft && draft.content.nodes.length > 0) setRecovery(draft);
      })
      .catch(() => undefined);
  }, []);

  return { detail, readOnly, annotations, setAnnotations, groupings, setGroupings, autosave, recovery, recover, discardRecovery, conflict, resolveConflict, busy, editable, open, create, save, restore, close, caseId };
}

/**
 * What makes a canvas differ from the version it was opened from, for the first autosave (positions settle a
 * little after loading, so they are left out): a text box, group, note or filter added right away still counts.
 */
function baselineKey(c: CaseContentInput | CaseDetail['version']['content']): string {
  return JSON.stringify([c.nodes.map((n) => n.uid).sort(), c.annotations.notes, c.annotations.textBoxes, c.groupings, c.filters ?? {}]);
}

export type CaseEditor = ReturnType<typeof useCaseEditor>;
