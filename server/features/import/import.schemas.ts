import { z } from 'zod';

const bool = z
  .enum(['true', 'false', 'on', '1', '0', ''])
  .optional()
  .transform((v) => v === 'true' || v === 'on' || v === '1');

export const importFieldsSchema = z.object({
  source: z.string({ error: 'source is required: the organisation that sent the file' }).trim().min(2, 'source is required: the organisation that sent the file'),
  mapping: z.string({ error: 'mapping is required: a preset name such as fincen, or ftm' }).trim().min(1, 'mapping is required: a preset name such as fincen, or ftm'),
  skipInvalid: bool,
});
export const previewFieldsSchema = z.object({
  mapping: z.string({ error: 'mapping is required' }).trim().min(1, 'mapping is required'),
  /** an unsaved preset (JSON text) from the preset editor, previewed instead of the named one */
  draft: z
    .string()
    .max(200_000, 'draft preset is too large')
    .optional()
    .transform((t, ctx) => {
      if (t === undefined || t.trim() === '') return undefined;
      try {
        return JSON.parse(t) as unknown;
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: `draft preset is not valid JSON: ${(e as Error).message}` });
        return z.NEVER;
      }
    }),
  rows: z.coerce.number().int().min(1).max(100).default(10),
});
export const presetNameParamsSchema = z.object({ name: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,80}$/, 'not a preset name (lower-case letters, digits, dots and dashes)') });
export const importIdParamsSchema = z.object({ id: z.string().regex(/^[\w.:-]{3,120}$/, 'not an import id') });
export const rejectsParamsSchema = z.object({ token: z.string().regex(/^[a-f0-9]{24}$/, 'not a rejects file id') });
export const listQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) });

export interface ImportSummary {
  id: string;
  status: string;
  organisation: string;
  user: string;
  fileName: string;
  fileHash: string;
  mapping: string;
  format: string;
  startedAt: string;
  finishedAt: string | null;
  rowsTotal: number;
  rowsDone: number;
  rowsRejected: number;
  nodesCreated: number | null;
  nodesUpdated: number | null;
  relsCreated: number | null;
  relsUpdated: number | null;
  seconds: number | null;
  error: string | null;
  rolledBackAt: string | null;
  rolledBackBy: string | null;
}
export interface ImportProblem {
  file: string;
  row: number;
  line: number;
  field: string;
  reason: string;
}
export interface ImportReportBody {
  fileName: string;
  format: string;
  mapping: string;
  rowsRead: number;
  rowsValid: number;
  rowsRejected: number;
  problems: ImportProblem[];
  problemsTotal: number;
  /** download link for the rejected rows (CSV), when there were any */
  rejectsUrl: string | null;
}
export interface ImportResultBody {
  outcome: 'imported' | 'resumed' | 'unchanged';
  import: ImportSummary;
  report: ImportReportBody;
}
export type ImportStreamEvent =
  | { type: 'progress'; phase: string; rowsRead: number; rowsDone: number; rowsTotal: number | null }
  | ({ type: 'result' } & ImportResultBody)
  | { type: 'error'; error: { id: string; message: string; report?: ImportReportBody } };
export interface PresetSummary {
  name: string;
  title: string;
  description: string;
  builtIn: boolean;
  columns: { name: string; type: string; required: boolean; description?: string | undefined }[];
  delimiter: string;
}
export interface PreviewBody {
  fileName: string;
  format: string;
  mapping: string;
  columns: string[];
  rows: {
    row: number;
    line: number;
    record: Record<string, string>;
    problems: { field: string; reason: string }[];
    nodes: { uid: string; label: string; caption: string }[];
    relationships: { type: string; from: string; to: string }[];
  }[];
}

// Weak-match entity resolution (possible duplicates, merges and their undo)
export const duplicateIdParamsSchema = z.object({ id: z.string().regex(/^dup-[a-f0-9]{20}$/, 'not a possible-duplicate id') });
export const mergeIdParamsSchema = z.object({ id: z.string().regex(/^merge-[a-z0-9]+-[a-f0-9]{8}$/, 'not a merge id') });
export const duplicatesQuerySchema = z.object({
  status: z.enum(['open', 'merged', 'rejected'], { error: 'status must be open, merged or rejected' }).default('open'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const mergeBodySchema = z.object({ keep: z.string().min(3, 'keep must be the uid of one of the pair').max(300).optional() }).default({});

export interface DuplicateEntity {
  uid: string;
  caption: string;
  labels: string[];
  country: string | null;
  birthDate: string | null;
  sources: string[];
}
export interface DuplicateSummary {
  id: string;
  status: string;
  score: number;
  reason: string;
  importId: string;
  proposedAt: string;
  mergeId: string | null;
  a: DuplicateEntity | null;
  b: DuplicateEntity | null;
}
export interface MergeResultBody {
  mergeId: string;
  survivor: string;
  merged: string;
  relationshipsMoved: number;
}

export interface PresetSourceBody {
  name: string;
  builtIn: boolean;
  /** the preset as JSON (the format of mappings/*.json) */
  preset: unknown;
}
