import { queryOptions, useQuery } from '@tanstack/react-query';
import { requestJson, toApiError } from '../../../lib/api-client';
import type { HealthResponse } from '../../../types/api';

function isHealthResponse(body: unknown): body is HealthResponse {
  return typeof body === 'object' && body !== null && 'status' in body && 'neo4j' in body;
}

/** An unhealthy server answers 503 with a HealthResponse that explains why; that is data, not a failure. */
export async function fetchHealth(signal?: AbortSignal): Promise<HealthResponse> {
  const { status, body } = await requestJson('/api/health', { signal });
  if (isHealthResponse(body)) return body;
  throw toApiError(status, body);
}

export function healthQueryOptions() {
  return queryOptions({
    queryKey: ['health'] as const,
    queryFn: ({ signal }) => fetchHealth(signal),
    refetchInterval: 15_000,
    retry: false,
  });
}

export function useHealth() {
  return useQuery(healthQueryOptions());
}
