import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet, nodePath } from '../../../lib/api-client';
import type { Direction, NeighbourCount, NeighboursResponse, RelType } from '../../../types/api';

/** How many relationships one expansion brings onto the canvas; the rest is reported as "not shown". */
export const EXPAND_LIMIT = 50;

export type NeighboursParams = {
  id: string;
  types?: readonly RelType[];
  direction?: Direction;
  limit?: number;
};

export function fetchNeighbours(
  { id, types, direction = 'both', limit = EXPAND_LIMIT }: NeighboursParams,
  signal?: AbortSignal,
): Promise<NeighboursResponse> {
  return apiGet<NeighboursResponse>(`${nodePath(id)}/neighbours`, {
    params: { types: types && types.length > 0 ? types : undefined, direction, limit },
    signal,
  });
}

export function neighboursQueryOptions({ id, types, direction = 'both', limit = EXPAND_LIMIT }: NeighboursParams) {
  const sortedTypes = types ? [...types].sort() : [];
  return queryOptions({
    queryKey: ['neighbours', id, { types: sortedTypes, direction, limit }] as const,
    queryFn: ({ signal }) => fetchNeighbours({ id, types: sortedTypes, direction, limit }, signal),
    staleTime: 60_000,
  });
}

export function useNeighbours(params: NeighboursParams | null) {
  return useQuery({ ...neighboursQueryOptions(params ?? { id: '' }), enabled: params !== null });
}

/**
 * Relationship counts per type and direction. The neighbours endpoint always reports them, whatever the limit,
 * so asking for a single neighbour is the cheapest way to get them before the node is expanded; an expansion
 * writes its fresher counts into this same cache entry.
 */
export function neighbourCountsQueryOptions(id: string) {
  return queryOptions({
    queryKey: ['neighbour-counts', id] as const,
    queryFn: async ({ signal }): Promise<NeighbourCount[]> => (await fetchNeighbours({ id, limit: 1 }, signal)).counts,
    staleTime: 60_000,
  });
}

export function useNeighbourCounts(id: string | null) {
  return useQuery({ ...neighbourCountsQueryOptions(id ?? ''), enabled: id !== null });
}
