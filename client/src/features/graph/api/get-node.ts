import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet, nodePath } from '../../../lib/api-client';
import type { GraphNode } from '../../../types/api';

export function fetchNode(id: string, signal?: AbortSignal): Promise<GraphNode> {
  return apiGet<GraphNode>(nodePath(id), { signal });
}

export function nodeQueryOptions(id: string) {
  return queryOptions({
    queryKey: ['node', id] as const,
    queryFn: ({ signal }) => fetchNode(id, signal),
    staleTime: 5 * 60_000,
  });
}

export function useNode(id: string | null) {
  return useQuery({ ...nodeQueryOptions(id ?? ''), enabled: id !== null });
}
