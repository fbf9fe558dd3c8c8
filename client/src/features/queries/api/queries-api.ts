import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, sendJson } from '../../../lib/api-client';
import type {
  EditorSchemaResponse,
  QueryCheckResult,
  QueryDetail,
  QueryRunResult,
  QuerySummary,
  RelationshipsAmongResponse,
  SaveResult,
} from '../../../types/api';

export function apiSend<T>(path: string, body: unknown, method: 'POST' | 'PUT' | 'PATCH' | 'DELETE' = 'POST'): Promise<T> {
  return sendJson<T>(method, path, body ?? {});
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

/** relationships between the entities `ids` and among them plus `canvas` (what the canvas already shows) */
export const relationshipsAmong = (ids: string[], canvas: string[]) => apiSend<RelationshipsAmongResponse>('/api/relationships/among', { ids, canvas });

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
