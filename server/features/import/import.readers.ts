/**
 * Readers turn a partner file into validated graph rows, one source record at a time. Column-mapped files
 * (CSV, JSON Lines) and FollowTheMoney entity files share this interface, so the engine validates, writes,
 * resumes and rolls back all of them the same way.
 */
import { maskCard } from './import.fields.js';
import type { MappingPreset } from './import.mapping.js';
import { formatOf, readRecords, type FileFormat } from './import.parse.js';
import { buildRows, validateRecord, type FieldProblem, type GraphRows } from './import.rows.js';

export interface ReadItem {
  row: number;
  line: number;
  /** the record as the partner wrote it, card numbers masked: for rejects files and previews */
  shown: Record<string, string>;
  problems: FieldProblem[];
  rows: GraphRows | null;
}

export interface Reader {
  format: FileFormat | 'ftm';
  /** columns of the source records, for the rejects file header */
  columns: string[];
  /** FtM files refer to entities anywhere in the file: all nodes must land before any relationship */
  nodesBeforeRelationships: boolean;
  /** build: false only validates (the engine's first pass), so no graph rows are built and `rows` is null */
  read(opts?: { build?: boolean }): AsyncGenerator<ReadItem>;
}

export function mappedReader(opts: { path: string; fileName: string; mapping: MappingPreset; panKey: string; firstChar: string | null }): Reader {
  const format = formatOf(opts.fileName, opts.firstChar);
  const cardColumns = Object.entries(opts.mapping.columns).filter(([, c]) => c.type === 'card').map(([n]) => n);
  return {
    format,
    columns: Object.keys(opts.mapping.columns),
    nodesBeforeRelationships: false,
    async *read({ build = true } = {}) {
      for await (const src of readRecords(opts.path, format, opts.mapping, opts.fileName)) {
        // what reports and previews show, built only when asked for: most rows are never shown
        const record = src.record;
        let masked: Record<string, string> | null = null;
        const shown = () => {
          if (masked) return masked;
          masked = { ...record };
          for (const c of cardColumns) if (masked[c]) masked[c] = maskCard(masked[c]);
          return masked;
        };
        if (src.problem) {
          yield { row: src.row, line: src.line, get shown() { return shown(); }, problems: [src.problem], rows: null };
          continue;
        }
        const { values, problems } = validateRecord(record, opts.mapping, opts.panKey);
        yield { row: src.row, line: src.line, get shown() { return shown(); }, problems, rows: problems.length || !build ? null : buildRows(values, opts.mapping) };
      }
    },
  };
}
