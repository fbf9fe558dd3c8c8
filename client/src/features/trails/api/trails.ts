import { apiGet } from '../../../lib/api-client';
import type { FlowTransactionsResponse, MoneyTrailResponse, PathsResponse } from '../../../types/api';

export type MoneyTrailParams = {
  from: string;
  direction: 'downstream' | 'upstream';
  maxHops: number;
  minAmount?: number | undefined;
  dateFrom?: string | undefined;
  dateTo?: string | undefined;
};

export const fetchMoneyTrail = (p: MoneyTrailParams) =>
  apiGet<MoneyTrailResponse>('/api/trails/money', {
    params: { from: p.from, direction: p.direction, maxHops: p.maxHops, minAmount: p.minAmount, dateFrom: p.dateFrom, dateTo: p.dateTo },
  });

export const fetchPaths = (from: string, to: string, maxLength: number, types: readonly string[] | undefined) =>
  apiGet<PathsResponse>('/api/paths', { params: { from, to, maxLength, types } });

export const fetchConnections = (ids: readonly string[], maxLength: number, types: readonly string[] | undefined) =>
  apiGet<PathsResponse>('/api/connections', { params: { ids, maxLength, types } });

export const fetchFlowTransactions = (source: string, target: string) =>
  apiGet<FlowTransactionsResponse>('/api/trails/flow-transactions', { params: { source, target } });
