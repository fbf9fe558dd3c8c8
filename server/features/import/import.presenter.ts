import type { ImportRecord } from './import.repository.js';
import type { ImportReport } from './import.service.js';
import type { ImportReportBody, ImportSummary } from './import.schemas.js';

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

export function presentImport(r: ImportRecord): ImportSummary {
  return {
    id: r.id,
    status: r.status,
    organisation: String(r.organisation ?? ''),
    user: String(r.user ?? ''),
    fileName: String(r.fileName ?? ''),
    fileHash: String(r.fileHash ?? ''),
    mapping: String(r.mapping ?? ''),
    format: String(r.format ?? ''),
    startedAt: String(r.startedAt ?? ''),
    finishedAt: text(r.finishedAt),
    rowsTotal: Number(r.rowsTotal ?? 0),
    rowsDone: Number(r.rowsDone ?? 0),
    rowsRejected: Number(r.rowsRejected ?? 0),
    nodesCreated: num(r.nodesCreated),
    nodesUpdated: num(r.nodesUpdated),
    relsCreated: num(r.relsCreated),
    relsUpdated: num(r.relsUpdated),
    seconds: num(r.seconds),
    error: text(r.error),
    rolledBackAt: text(r.rolledBackAt),
    rolledBackBy: text(r.rolledBackBy),
  };
}

export function presentReport(r: ImportReport, rejectsUrl: string | null): ImportReportBody {
  const { rejectsFile: _omit, ...rest } = r;
  return { ...rest, rejectsUrl: r.rowsRejected > 0 ? rejectsUrl : null };
}
