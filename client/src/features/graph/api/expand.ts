import { apiGet, nodePath } from '../../../lib/api-client';
import type { Direction, ExpandMeasure, ExpandResponse, NodeSummary, RelType } from '../../../types/api';
import { useQuery } from '@tanstack/react-query';

export type ExpandParams = {
  id: string;
  types?: readonly RelType[] | undefined;
  direction?: Direction | undefined;
  measure?: ExpandMeasure | undefined;
  limit?: number | undefined;
  cursor?: string | null | undefined;
};

/** One page of a controlled expansion; `cursor` (from the previous page) brings the next N, never a repeat. */
export function fetchExpansion({ id, types, direction = 'both', measure = 'none', limit = 50, cursor }: ExpandParams): Promise<ExpandResponse> {
  return apiGet<ExpandResponse>(`${nodePath(id)}/expand`, {
    params: { types: types && types.length > 0 ? types : undefined, direction, measure, limit, cursor: cursor ?? undefined },
  });
}

export function useNodeSummary(id: string | null) {
  return useQuery({
    queryKey: ['node-summary', id],
    queryFn: () => apiGet<NodeSummary>(`${nodePath(id ?? '')}/summary`),
    enabled: id !== null,
    staleTime: 60_000,
  });
}
