import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, buildUrl } from '../../../lib/api-client';
import type { AuditListResponse, AuditVerifyResponse, OrganisationSummary, Role, UserSummary } from '../../../types/api';
import { postJson } from '../../auth';

export interface AuditFilter {
  user: string;
  action: string;
  from: string;
  to: string;
}

const compact = (f: AuditFilter) => Object.fromEntries(Object.entries(f).filter(([, v]) => v.trim() !== '')) as Record<string, string>;

export function useUsers() {
  return useQuery({ queryKey: ['admin', 'users'], queryFn: () => apiGet<{ users: UserSummary[] }>('/api/users').then((r) => r.users) });
}

export function useOrganisations() {
  return useQuery({ queryKey: ['admin', 'organisations'], queryFn: () => apiGet<{ organisations: OrganisationSummary[] }>('/api/organisations').then((r) => r.organisations), staleTime: 60_000 });
}

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; role: Role; organisationId: string; password: string }) => postJson<{ user: UserSummary }>('/api/users', input),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['admin'] }),
  });
}

export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...change }: { id: string; role?: Role; disabled?: boolean; password?: string }) =>
      postJson<{ user: UserSummary }>(`/api/users/${encodeURIComponent(id)}`, change, 'PATCH'),
    onSettled: () => void qc.invalidateQueries({ queryKey: ['admin'] }),
  });
}

export function useAuditLog(filter: AuditFilter, before: number | null) {
  const params = { ...compact(filter), limit: '100', ...(before ? { before: String(before) } : {}) };
  return useQuery({ queryKey: ['admin', 'audit', params], queryFn: () => apiGet<AuditListResponse>('/api/audit', { params }), placeholderData: keepPreviousData });
}

export function auditExportUrl(filter: AuditFilter): string {
  return buildUrl('/api/audit/export.csv', compact(filter));
}

export function useVerifyAudit() {
  return useMutation({ mutationFn: () => apiGet<AuditVerifyResponse>('/api/audit/verify') });
}
