import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { ApiError, apiGet, sendJson } from '../../../lib/api-client';
import type {
  CaseActivity,
  CaseChangesResponse,
  CaseComment,
  CaseContentInput,
  CaseDetail,
  CaseDiff,
  CaseDraftView,
  CaseMention,
  CaseShare,
  CaseStatus,
  CaseSummary,
  CaseVersionSummary,
  ShareRole,
} from '../../../../../server/api-types';

/** A failed request with the server's error details (the conflict carries the newer version). */
export class CaseApiError extends ApiError {
  constructor(base: ApiError, readonly details: unknown) {
    super(base.message, base.status, base.errorId);
  }
}

async function send<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
  try {
    return await sendJson<T>(method, path, body);
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    const details = (err.body as { error?: { details?: unknown } } | null)?.error?.details ?? null;
    throw new CaseApiError(err, details);
  }
}

const casePath = (id: string, rest = '') => `/api/cases/${encodeURIComponent(id)}${rest}`;

export const casesApi = {
  list: (cursor: string | null = null) => apiGet<{ cases: CaseSummary[]; next: string | null }>('/api/cases', { params: cursor ? { cursor } : {} }),
  open: (id: string, version?: number) => apiGet<CaseDetail>(version ? casePath(id, `/versions/${version}`) : casePath(id)),
  create: (input: { title: string; description: string; message: string; content: CaseContentInput }) => send<CaseDetail>('POST', '/api/cases', input),
  save: (id: string, baseVersion: number, message: string, content: CaseContentInput) => send<CaseDetail>('POST', casePath(id, '/versions'), { baseVersion, message, content }),
  branch: (id: string, baseVersion: number, message: string, content: CaseContentInput) => send<CaseDetail>('POST', casePath(id, '/branch'), { baseVersion, message, content }),
  restore: (id: string, version: number, baseVersion: number) => send<CaseDetail>('POST', casePath(id, `/versions/${version}/restore`), { baseVersion }),
  update: (id: string, change: { title?: string; description?: string; status?: CaseStatus }) => send<{ case: CaseSummary }>('PATCH', casePath(id), change),
  versions: (id: string) => apiGet<{ versions: CaseVersionSummary[] }>(casePath(id, '/versions')),
  compare: (id: string, from: number, to: number) => apiGet<CaseDiff>(casePath(id, '/compare'), { params: { from, to } }),
  getDraft: (id: string | null) => apiGet<{ draft: CaseDraftView | null }>(id ? casePath(id, '/draft') : '/api/case-drafts/new'),
  putDraft: (id: string | null, baseVersion: number, content: CaseContentInput) => send<{ savedAt: string }>('PUT', id ? casePath(id, '/draft') : '/api/case-drafts/new', { baseVersion, content }),
  deleteDraft: (id: string | null) => send<{ deleted: boolean }>('DELETE', id ? casePath(id, '/draft') : '/api/case-drafts/new'),
  setShares: (id: string, shares: { kind: 'user' | 'team'; principal: string; role: ShareRole }[]) => send<{ shares: CaseShare[] }>('PUT', casePath(id, '/shares'), { shares }),
  transfer: (id: string, to: string) => send<{ ownerId: string; ownerEmail: string }>('POST', casePath(id, '/transfer'), { to }),
  comments: (id: string) => apiGet<{ comments: CaseComment[] }>(casePath(id, '/comments')),
  comment: (id: string, body: string, entityUid?: string, parentId?: string) => send<{ comment: CaseComment; unreachable: string[] }>('POST', casePath(id, '/comments'), { body, entityUid, parentId }),
  activity: (id: string) => apiGet<{ activity: CaseActivity[] }>(casePath(id, '/activity')),
  changes: (id: string) => apiGet<CaseChangesResponse>(casePath(id, '/changes')),
  mentions: () => apiGet<{ mentions: CaseMention[] }>('/api/case-mentions'),
  reportUrl: (id: string, version: number, format: 'html' | 'pdf') => `${casePath(id, '/report')}?version=${version}&format=${format}`,
  blockingUrl: (id: string, version: number, kind: 'payments' | 'domains') => `${casePath(id, `/blocking-lists/${kind}`)}?version=${version}`,
};

/** the case list, a page at a time ("Load more" fetches the next page by its cursor) */
export const useCaseList = () =>
  useInfiniteQuery({
    queryKey: ['cases', 'list'],
    queryFn: ({ pageParam }) => casesApi.list(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
  });
export const useCaseVersions = (id: string | null) => useQuery({ queryKey: ['cases', id, 'versions'], queryFn: () => casesApi.versions(id!), enabled: !!id });
export const useCaseComments = (id: string | null) => useQuery({ queryKey: ['cases', id, 'comments'], queryFn: () => casesApi.comments(id!), enabled: !!id });
export const useCaseActivity = (id: string | null) => useQuery({ queryKey: ['cases', id, 'activity'], queryFn: () => casesApi.activity(id!), enabled: !!id });
export const useMentions = () => useQuery({ queryKey: ['cases', 'mentions'], queryFn: casesApi.mentions, refetchInterval: 60_000 });
