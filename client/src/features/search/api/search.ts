import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';
import type { SearchResponse } from '../../../types/api';

/** The server rejects shorter texts; checking here saves a round trip that can only fail. */
export const MIN_SEARCH_LENGTH = 2;
export const DEFAULT_SEARCH_LIMIT = 25;

export type SearchParams = { q: string; limit?: number };

export function fetchSearch({ q, limit = DEFAULT_SEARCH_LIMIT }: SearchParams, signal?: AbortSignal): Promise<SearchResponse> {
  return apiGet<SearchResponse>('/api/search', { params: { q: q.trim(), limit }, signal });
}

export function searchQueryOptions({ q, limit = DEFAULT_SEARCH_LIMIT }: SearchParams) {
  const text = q.trim();
  return queryOptions({
    queryKey: ['search', text, limit] as const,
    queryFn: ({ signal }) => fetchSearch({ q: text, limit }, signal),
    enabled: text.length >= MIN_SEARCH_LENGTH,
    staleTime: 30_000,
    // The next keystroke is the retry; retrying on its own would only delay showing the error.
    retry: false,
  });
}

export function useSearch(params: SearchParams) {
  // Keeps the previous hits on screen while the next keystroke's results load, so the list does not flicker.
  return useQuery({ ...searchQueryOptions(params), placeholderData: keepPreviousData });
}
