/**
 * Streams records out of a partner file without holding it in memory: bytes → strict text decoding → CSV
 * (csv-parse) or JSON Lines → { row, line, record }. File-level problems (not text, unclosed quote, a giant
 * field, a missing column) stop the run with an ImportFileError in plain words.
 */
import { createReadStream } from 'node:fs';
import { once } from 'node:events';
import { parse } from 'csv-parse';
import type { MappingPreset } from './import.mapping.js';

export type FileFormat = 'csv' | 'jsonl';
export interface SourceRecord {
  /** 1 = first data row */
  row: number;
  /** line of the file where the record ends (the header is line 1 in a CSV) */
  line: number;
  record: Record<string, string>;
  /** the record's own problem (e.g. too few fields), reported like a field problem */
  problem?: { field: string; reason: string };
}

export class ImportFileError extends Error {
  override name = 'ImportFileError';
}

/** Largest record accepted: bigger ones are nearly always a missing quote swallowing the rest of the file. */
export const MAX_RECORD_BYTES = 1_000_000;

export function formatOf(fileName: string, firstChar: string | null): FileFormat {
  if (/\.(jsonl|ndjson|json)$/i.test(fileName)) return 'jsonl';
  if (/\.(csv|tsv|txt)$/i.test(fileName)) return 'csv';
  return firstChar === '{' ? 'jsonl' : 'csv';
}

/** Decodes strictly: a byte sequence that is not UTF-8 is an error naming the line, not a silent U+FFFD. */
async function* decode(path: string, encoding: 'utf-8' | 'windows-1252', fileName: string): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  let lines = 1;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    let text: string;
    try {
      text = decoder.decode(chunk as Buffer, { stream: true });
    } catch {
      // find the line: decode this chunk leniently up to the first replacement character
      const lenient = new TextDecoder('utf-8').decode(chunk as Buffer);
      const at = lenient.indexOf('\uFFFD');
      const line = lines + (lenient.slice(0, Math.max(0, at)).match(/\n/g)?.length ?? 0);
      throw new ImportFileError(`${fileName} is not UTF-8 text: line ${line} holds bytes that are not valid UTF-8 (save the file as UTF-8, or choose a preset with encoding windows-1252)`);
    }
    lines += text.match(/\n/g)?.length ?? 0;
    if (text) yield text;
  }
  try {
    const tail = decoder.decode();
    if (tail) yield tail;
  } catch {
    throw new ImportFileError(`${fileName} is not UTF-8 text: it ends in the middle of a character (the file may be cut off)`);
  }
}

function guessDelimiter(headerField: string): string | null {
  for (const d of [';', '\t', '|', ','])
    if (headerField.includes(d)) return d === '\t' ? 'a tab' : `"${d}"`;
  return null;
}

export function checkHeader(header: string[], mapping: MappingPreset, fileName: string): void {
  const present = new Set(header.map((h) => h.trim()));
  const missing = Object.keys(mapping.columns).filter((c) => !present.has(c));
  if (missing.length === 0) return;
  if (header.length === 1) {
    const guess = guessDelimiter(header[0]!);
    throw new ImportFileError(
      `${fileName}: the header has only one column, so the file is not separated by "${mapping.csv.delimiter}"` +
        (guess ? ` (it looks separated by ${guess}); choose a preset for that delimiter` : '') +
        `; the preset "${mapping.name}" expects the columns ${Object.keys(mapping.columns).join(', ')}`,
    );
  }
  throw new ImportFileError(
    `${fileName}: column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing from the header; ` +
      `the preset "${mapping.name}" expects ${Object.keys(mapping.columns).join(', ')}`,
  );
}

function csvError(err: unknown, fileName: string): Error {
  const e = err as { code?: string; lines?: number; message?: string };
  if (err instanceof ImportFileError) return err;
  switch (e.code) {
    case 'CSV_MAX_RECORD_SIZE':
      return new ImportFileError(`${fileName}: the record ending near line ${e.lines} is larger than ${MAX_RECORD_BYTES / 1_000_000} MB; a field that big is usually a quote that is never closed`);
    case 'CSV_QUOTE_NOT_CLOSED':
      return new ImportFileError(`${fileName}: a quoted field that starts near line ${e.lines} is never closed (the file may be cut off in the middle of a line)`);
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return new ImportFileError(`${fileName}: line ${e.lines} has a quote in the middle of a field; quotes inside a field must be doubled ("")`);
    default:
      if (e.code?.startsWith('CSV_')) return new ImportFileError(`${fileName}: line ${e.lines ?? '?'} cannot be read as CSV (${e.message ?? e.code})`);
      return err as Error;
  }
}

/** Waits for room in the parser, or for it to be closed by a reader that stopped early; leaves no listener behind. */
async function drainOrClose(emitter: NodeJS.EventEmitter): Promise<void> {
  const ac = new AbortController();
  const wait = (event: string) => once(emitter, event, { signal: ac.signal }).catch(() => undefined);
  await Promise.race([wait('drain'), wait('close')]);
  ac.abort();
}

async function* csvRecords(path: string, mapping: MappingPreset, fileName: string): AsyncGenerator<SourceRecord> {
  const parser = parse({
    delimiter: mapping.csv.delimiter,
    quote: mapping.csv.quote,
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_BYTES,
    info: true,
  });
  // fed by hand rather than piped, so a decoding error reaches the reader instead of escaping as uncaught
  void (async () => {
    try {
      for await (const text of decode(path, mapping.csv.encoding, fileName)) {
        if (parser.destroyed) return;
        if (!parser.write(text)) await drainOrClose(parser);
      }
      if (!parser.destroyed) parser.end();
    } catch (err) {
      parser.destroy(err as Error);
    }
  })();
  let header: string[] | null = null;
  let row = 0;
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (!header) {
        header = item.record.map((h) => h.trim());
        checkHeader(header, mapping, fileName);
        continue;
      }
      row++;
      const record: Record<string, string> = {};
      header.forEach((h, i) => (record[h] = item.record[i] ?? ''));
      const out: SourceRecord = { row, line: item.info.lines, record };
      if (item.record.length !== header.length)
        out.problem = {
          field: '(whole row)',
          reason:
            item.record.length < header.length
              ? `has ${item.record.length} fields but the header has ${header.length}: the line is cut short or a delimiter is missing`
              : `has ${item.record.length} fields but the header has ${header.length}: a field holds an unquoted "${mapping.csv.delimiter}"`,
        };
      yield out;
    }
  } catch (err) {
    throw csvError(err, fileName);
  }
  if (!header) throw new ImportFileError(`${fileName} is empty: there is no header row and no data`);
  if (row === 0) throw new ImportFileError(`${fileName} has a header but no data rows`);
}

async function* lines(path: string, encoding: 'utf-8' | 'windows-1252', fileName: string): AsyncGenerator<{ text: string; line: number }> {
  let buf = '';
  let line = 0;
  for await (const text of decode(path, encoding, fileName)) {
    buf += text;
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      line++;
      yield { text: buf.slice(0, nl).replace(/\r$/, ''), line };
      buf = buf.slice(nl + 1);
    }
    if (buf.length > MAX_RECORD_BYTES) throw new ImportFileError(`${fileName}: line ${line + 1} is longer than ${MAX_RECORD_BYTES / 1_000_000} MB`);
  }
  if (buf.trim()) yield { text: buf, line: line + 1 };
}

/** JSON Lines: one object per line; scalar values become the text a CSV would have held. */
export async function* jsonObjects(path: string, fileName: string, encoding: 'utf-8' | 'windows-1252' = 'utf-8'): AsyncGenerator<{ line: number; value: Record<string, unknown> }> {
  for await (const { text, line } of lines(path, encoding, fileName)) {
    if (!text.trim()) continue;
    if (text.length > MAX_RECORD_BYTES) throw new ImportFileError(`${fileName}: line ${line} is longer than ${MAX_RECORD_BYTES / 1_000_000} MB`);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new ImportFileError(`${fileName}: line ${line} is not complete JSON (the file may be cut off, or the line is not JSON Lines)`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ImportFileError(`${fileName}: line ${line} is not a JSON object`);
    yield { line, value: value as Record<string, unknown> };
  }
}

async function* jsonlRecords(path: string, mapping: MappingPreset, fileName: string): AsyncGenerator<SourceRecord> {
  let row = 0;
  let checked = false;
  for await (const { line, value } of jsonObjects(path, fileName, mapping.csv.encoding)) {
    if (!checked) {
      checkHeader(Object.keys(mapping.columns).filter((c) => c in value), mapping, `${fileName} (first record)`);
      checked = true;
    }
    row++;
    const record: Record<string, string> = {};
    let problem: SourceRecord['problem'];
    for (const [k, v] of Object.entries(value)) {
      if (v === null || v === undefined) record[k] = '';
      else if (typeof v === 'object') problem ??= { field: k, reason: 'holds a list or object where a single value is expected' };
      else record[k] = String(v);
    }
    yield { row, line, record, ...(problem ? { problem } : {}) };
  }
  if (row === 0) throw new ImportFileError(`${fileName} is empty: it holds no JSON records`);
}

export function readRecords(path: string, format: FileFormat, mapping: MappingPreset, fileName: string): AsyncGenerator<SourceRecord> {
  return format === 'csv' ? csvRecords(path, mapping, fileName) : jsonlRecords(path, mapping, fileName);
}
