import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, ApiError, requestJson, toApiError } from '../../../lib/api-client';
import type { DuplicateSummary, ImportResultBody, ImportStreamEvent, ImportSummary, MergeResultBody, PresetSourceBody, PresetSummary, PreviewBody, ImportReportBody } from '../../../types/api';

/** The session's CSRF token and role, asked once (state-changing requests must carry the token). */
let session: Promise<{ csrfToken: string | null; role: string | null }> | null = null;
export function sessionInfo(): Promise<{ csrfToken: string | null; role: string | null }> {
  session ??= requestJson('/api/auth/session').then((r) => {
    const b = (r.body ?? {}) as { csrfToken?: string | null; user?: { role?: string } | null };
    return { csrfToken: b.csrfToken ?? null, role: b.user?.role ?? null };
  });
  return session;
}

export function useSessionRole() {
  return useQuery({ queryKey: ['import', 'session'], queryFn: async () => (await sessionInfo()).role, staleTime: 60_000 });
}

export const importKeys = { list: ['imports'] as const, presets: ['imports', 'presets'] as const };

export function useImports() {
  return useQuery({ queryKey: importKeys.list, queryFn: ({ signal }) => apiGet<{ imports: ImportSummary[] }>('/api/imports', { signal }).then((b) => b.imports) });
}

export function usePresets() {
  return useQuery({ queryKey: importKeys.presets, queryFn: ({ signal }) => apiGet<{ presets: PresetSummary[] }>('/api/imports/presets', { signal }).then((b) => b.presets), staleTime: 60_000 });
}

async function post<T>(path: string, body?: FormData): Promise<T> {
  const { csrfToken } = await sessionInfo();
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, { method: 'POST', headers, ...(body ? { body } : {}) });
  } catch {
    throw new ApiError('Cannot reach the MoneyTrail server. Check that it is running.', 0);
  }
  const text = await res.text();
  let parsed: unknown = null;
  try {
    parsed = text ? (JSON.parse(text) as unknown) : null;
  } catch {
    parsed = null;
  }
  if (!res.ok) throw toApiError(res.status, parsed);
  return parsed as T;
}

export function previewFile(file: File, mapping: string): Promise<PreviewBody> {
  const form = new FormData();
  form.append('mapping', mapping);
  form.append('rows', '10');
  form.append('file', file);
  return post<PreviewBody>('/api/imports/preview', form);
}

export function useRollback() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => post<ImportSummary>(`/api/imports/${encodeURIComponent(id)}/rollback`),
    onSettled: () => qc.invalidateQueries({ queryKey: importKeys.list }),
  });
}

export type UploadProgress =
  | { phase: 'uploading'; fraction: number }
  | { phase: 'hashing' | 'validating' | 'writing' | 'finishing' | 'done'; rowsRead: number; rowsDone: number; rowsTotal: number | null };

export class ImportRefused extends Error {
  constructor(
    message: string,
    readonly report: ImportReportBody | null,
  ) {
    super(message);
  }
}

/**
 * Uploads with XMLHttpRequest: it reports upload progress (fetch cannot), then reads the server's progress
 * events (one JSON object per line) as they stream in, so one request drives the whole progress bar.
 */
export async function runImport(
  file: File,
  fields: { source: string; mapping: string; skipInvalid: boolean },
  onProgress: (p: UploadProgress) => void,
): Promise<ImportResultBody> {
  const { csrfToken } = await sessionInfo();
  const form = new FormData();
  form.append('source', fields.source);
  form.append('mapping', fields.mapping);
  form.append('skipInvalid', String(fields.skipInvalid));
  form.append('file', file);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    let seen = 0;
    let result: ImportResultBody | null = null;
    let failure: Error | null = null;
    const consume = () => {
      const text = xhr.responseText;
      let nl: number;
      while ((nl = text.indexOf('\n', seen)) >= 0) {
        const line = text.slice(seen, nl);
        seen = nl + 1;
        if (!line.trim()) continue;
        const e = JSON.parse(line) as ImportStreamEvent;
        if (e.type === 'progress') onProgress({ phase: e.phase as 'writing', rowsRead: e.rowsRead, rowsDone: e.rowsDone, rowsTotal: e.rowsTotal });
        else if (e.type === 'result') result = e;
        else failure = new ImportRefused(e.error.message, e.error.report ?? null);
      }
    };
    xhr.open('POST', '/api/imports');
    xhr.setRequestHeader('Accept', 'application/x-ndjson');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress({ phase: 'uploading', fraction: e.loaded / e.total });
    xhr.onprogress = () => xhr.status === 200 && consume();
    xhr.onerror = () => reject(new ApiError('Cannot reach the MoneyTrail server. Check that it is running.', 0));
    xhr.onload = () => {
      if (xhr.status !== 200) {
        let body: unknown = null;
        try {
          body = JSON.parse(xhr.responseText) as unknown;
        } catch {
          body = null;
        }
        const err = toApiError(xhr.status, body);
        const report = (body as { error?: { details?: { report?: ImportReportBody } } } | null)?.error?.details?.report ?? null;
        reject(new ImportRefused(err.message, report));
        return;
      }
      consume();
      if (failure) reject(failure);
      else if (result) resolve(result);
      else reject(new ApiError('The server ended the import without a result; see the import history.', 0));
    };
    xhr.send(form);
  });
}

// Possible duplicates proposed after imports (weak matches): merge, reject, undo a merge.
export const duplicateKeys = { list: (status: string) => ['duplicates', status] as const, all: ['duplicates'] as const };

export function useDuplicates(status: 'open' | 'merged' | 'rejected') {
  return useQuery({ queryKey: duplicateKeys.list(status), queryFn: ({ signal }) => apiGet<{ duplicates: DuplicateSummary[] }>(`/api/duplicates?status=${status}`, { signal }).then((b) => b.duplicates) });
}

async function postJson<T>(path: string, body: unknown): Promise<T> {
  const { csrfToken } = await sessionInfo();
  const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': 'application/json' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, { method: 'POST', headers, body: JSON.stringify(body) });
  } catch {
    throw new ApiError('Cannot reach the MoneyTrail server. Check that it is running.', 0);
  }
  const text = await res.text();
  const parsed: unknown = text ? (JSON.parse(text) as unknown) : null;
  if (!res.ok) throw toApiError(res.status, parsed);
  return parsed as T;
}

export function useDecideDuplicate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (d: { id: string; action: 'merge'; keep: string } | { id: string; action: 'reject' } | { mergeId: string; action: 'undo' }) =>
      d.action === 'undo'
        ? postJson<unknown>(`/api/merges/${encodeURIComponent(d.mergeId)}/undo`, {})
        : postJson<MergeResultBody | unknown>(`/api/duplicates/${encodeURIComponent(d.id)}/${d.action}`, d.action === 'merge' ? { keep: d.keep } : {}),
    onSettled: () => qc.invalidateQueries({ queryKey: duplicateKeys.all }),
  });
}

// The preset editor: read a preset's JSON, preview an unsaved draft on a file's first rows, save it (in Neo4j).
export function fetchPresetSource(name: string): Promise<PresetSourceBody> {
  return apiGet<PresetSourceBody>(`/api/imports/presets/${encodeURIComponent(name)}`);
}

export function previewDraft(file: File, draftJson: string): Promise<PreviewBody> {
  const form = new FormData();
  form.append('mapping', 'draft');
  form.append('draft', draftJson);
  form.append('rows', '10');
  form.append('file', file);
  return post<PreviewBody>('/api/imports/preview', form);
}

export function useSavePreset() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (preset: unknown) => postJson<{ name: string }>('/api/imports/presets', preset),
    onSettled: () => qc.invalidateQueries({ queryKey: importKeys.presets }),
  });
}
