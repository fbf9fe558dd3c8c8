import { z } from 'zod';

const isoDate = (name: string) =>
  z
    .string()
    .trim()
    .refine((s) => !Number.isNaN(Date.parse(s)), `${name} must be a date like 2025-03-01 or 2025-03-01T12:00`)
    .transform((s) => new Date(s).toISOString())
    .optional();

export const auditQuerySchema = z.object({
  user: z.string().trim().max(254, 'user is at most 254 characters').optional(),
  action: z.string().trim().max(100, 'action is at most 100 characters').optional(),
  from: isoDate('from'),
  to: isoDate('to'),
  before: z.coerce.number({ error: 'before must be a record number' }).int('before must be a whole number').min(1, 'before must be at least 1').optional(),
  limit: z.coerce.number({ error: 'limit must be a number' }).int('limit must be a whole number').min(1, 'limit must be at least 1').max(500, 'limit must be at most 500').default(100),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** What one audit record says about an act (the chain adds seq, time and hashes). */
export interface AuditEntry {
  userId: string | null;
  email: string | null;
  ip: string | null;
  action: string;
  target: string | null;
  params: Record<string, unknown>;
  resultCount: number | null;
  outcome: string;
}

/** An appended entry as admins see it: what was recorded plus its place and hash in the chain. */
export interface AuditEntryView extends AuditEntry {
  seq: number;
  at: string;
  hash: string;
}

export interface AuditListResponse {
  records: AuditEntryView[];
  /** pass as ?before= for the next (older) page; null when this was the last */
  nextBefore: number | null;
}

export type AuditVerifyResponse = { ok: true; records: number } | { ok: false; records: number; brokenSeq: number; reason: string };

/**
 * Canvas exports (PNG, SVG, JSON, CSV, GraphML, HTML) are made in the browser from data the API already
 * filtered; the client reports each one here so that taking data out of the product is on the audit trail too.
 */
export const canvasExportSchema = z.object({
  format: z.enum(['png', 'svg', 'json', 'csv', 'graphml', 'html'], { error: 'format must be png, svg, json, csv, graphml or html' }),
  scope: z.enum(['full', 'viewport']).default('full'),
  nodes: z.number().int().min(0),
  edges: z.number().int().min(0),
  /** the first entities exported, so a reviewer can see what left the product */
  nodeIds: z.array(z.string().max(512)).max(500).default([]),
});
export type CanvasExport = z.infer<typeof canvasExportSchema>;
