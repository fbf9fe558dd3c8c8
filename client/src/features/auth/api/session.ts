import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { SessionResponse } from '../../../types/api';
import { apiGet, sendJson } from '../../../lib/api-client';
import { onSignedOut, setCsrfToken } from '../lib/csrf';

export type SessionUser = NonNullable<SessionResponse['user']>;
const SESSION_KEY = ['auth', 'session'] as const;

export function postJson<T>(path: string, body: unknown, method: 'POST' | 'PUT' | 'PATCH' | 'DELETE' = 'POST'): Promise<T> {
  return sendJson<T>(method, path, body ?? {});
}

/** Nothing seen in one session may stay in memory for the next user of the browser. */
function forgetEverythingBut(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
}

/** Who is signed in; null while signed out. Keeps the CSRF token for every later state-changing request. */
export function useSession() {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: SESSION_KEY,
    queryFn: async () => {
      const session = await apiGet<SessionResponse>('/api/auth/session');
      setCsrfToken(session.csrfToken);
      return session;
    },
    staleTime: 5 * 60_000,
  });
  useEffect(() => onSignedOut(() => void queryClient.invalidateQueries({ queryKey: SESSION_KEY })), [queryClient]);
  return query;
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; password: string }) => postJson<{ csrfToken: string }>('/api/auth/login', input),
    onSuccess: async (res) => {
      setCsrfToken(res.csrfToken);
      forgetEverythingBut(queryClient);
      await queryClient.refetchQueries({ queryKey: SESSION_KEY });
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => postJson<{ signedOut: boolean }>('/api/auth/logout', {}),
    onSettled: async () => {
      setCsrfToken(null);
      forgetEverythingBut(queryClient);
      await queryClient.refetchQueries({ queryKey: SESSION_KEY });
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) => postJson<{ changed: boolean }>('/api/auth/password', input),
  });
}
