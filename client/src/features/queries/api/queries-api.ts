import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, ApiError, requestJson, toApiError } from '../../../lib/api-client';
import type {
  EditorSchemaResponse,
  QueryCheckResult,
  QueryDetail,
  QueryRunResult,
  QuerySummary,
  SaveResult,
} from '../../../types/api';

/**
 * The signed-in session's CSRF token, asked once. Until the auth feature exports a shared sender, state-changing
 * requests of this feature add it themselves.
 */
let csrfToken: Promise<string | null> | null = null;
function token(): Promise<string | null> {
  csrfToken ??= requestJson('/api/auth/session').then((r) =>
    typeof r.body === 'object' && r.body !== null && 'csrfToken' in r.body ? ((r.body as { csrfToken: string | null }).csrfToken ?? null) : null,
  );
  return csrfToken;
}

export async function apiSend<T>(path: string, body: unknown, method = 'POST'): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': 'application/json' };
  const t = await token();
  if (t) headers['x-csrf-token'] = t;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: JSON.stringify(body ?? {}) });
  } catch {
    throw new ApiError('Cannot reach the MoneyTrail server. Check that it is running.', 0);
  }
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text ? (JSON.parse(text) as unknown) : null;
  } catch {
    parsed = null;
  }
  if (response.status === 403 && /csrf/i.test(text)) csrfToken = null;
  if (!response.ok) throw toApiError(response.status, parsed);
  return parsed as T;
}

export const queryKeys = {
  all: ['queries'] as const,
  detail: (name: string) => ['queries', 'detail', name] as const,
  schema: ['queries', 'schema'] as const,
};

export function useCatalogue() {
  return useQuery({ queryKey: queryKeys.all, queryFn: ({ signal }) => apiGet<{ queries: QuerySummary[] }>('/api/queries', { signal }).then((b) => b.queries) });
}

export function useQueryDetail(name: string | null) {
  return useQuery({
    queryKey: queryKeys.detail(name ?? ''),
    queryFn: ({ signal }) => apiGet<QueryDetail>(`/api/queries/${encodeURIComponent(name!)}`, { signal }),
    enabled: name !== null,
  });
}

export function useEditorSchema(enabled: boolean) {
  return useQuery({ queryKey: queryKeys.schema, queryFn: ({ signal }) => apiGet<EditorSchemaResponse>('/api/queries-schema', { signal }), enabled, staleTime: 60_000 });
}

export const runStoredQuery = (name: string, params: Record<string, unknown>, version?: number) =>
  apiSend<QueryRunResult>(`/api/queries/${encodeURIComponent(name)}/run`, version === undefined ? { params } : { params, version });

export const runConsole = (cypher: string, params: Record<string, unknown>) => apiSend<QueryRunResult>('/api/console/run', { cypher, params });

export const checkSource = (source: string) => apiSend<QueryCheckResult>('/api/queries-check', { source });

export const versionSource = (name: string, version: number) =>
  apiGet<{ name: string; version: number; source: string }>(`/api/queries/${encodeURIComponent(name)}/versions/${version}`);

export function useQueryAuthoring() {
  const client = useQueryClient();
  const refresh = (name?: string) => {
    void client.invalidateQueries({ queryKey: queryKeys.all });
    if (name) void client.invalidateQueries({ queryKey: queryKeys.detail(name) });
  };
  const save = useMutation({
    mutationFn: (v: { source: string; publish: boolean; note?: string; origin?: 'import' }) =>
      apiSend<SaveResult>(`/api/queries${v.origin === 'import' ? '?origin=import' : ''}`, { source: v.source, publish: v.publish, note: v.note ?? '' }),
    onSuccess: (r) => refresh(r.name),
  });
  const publish = useMutation({
    mutationFn: (v: { name: string; version: number }) => apiSend<SaveResult>(`/api/queries/${encodeURIComponent(v.name)}/publish`, { version: v.version }),
    onSuccess: (r) => refresh(r.name),
  });
  const rollback = useMutation({
    mutationFn: (v: { name: string; version: number }) => apiSend<SaveResult>(`/api/queries/${encodeURIComponent(v.name)}/rollback`, { version: v.version }),
    onSuccess: (r) => refresh(r.name),
  });
  return { save, publish, rollback };
}
