// the server's own types, with the extension, so the unit tests (Node resolution) type-check this file too
import type { EntityRef, QueryRunResult, ResultCell } from '../../../../../server/features/queries/queries.schemas.js';

export function isEntityCell(cell: ResultCell): cell is { $entity: EntityRef } {
  return typeof cell === 'object' && cell !== null && !Array.isArray(cell) && '$entity' in cell;
}

// How the Neo4j driver writes a duration: months, days, then a time part that is always there ("P7DT", "P1Y2MT",
// "PT12H", "P1DT1H0.500000000S").
const DRIVER_DURATION = /^P(?=.*\d)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/;

/** ISO 8601 without the driver's noise: "P7DT" becomes "P7D", "P1DT1H0.500000000S" becomes "P1DT1H0.5S" */
export function isoDuration(text: string): string | null {
  const m = DRIVER_DURATION.exec(text);
  if (!m) return null;
  const [, y, mo, w, d, h, mi, sec] = m;
  const part = (v: string | undefined, unit: string) => (v && Number(v) !== 0 ? `${Number(v)}${unit}` : '');
  const date = part(y, 'Y') + part(mo, 'M') + part(w, 'W') + part(d, 'D');
  const time = part(h, 'H') + part(mi, 'M') + part(sec, 'S');
  return date || time ? `P${date}${time ? `T${time}` : ''}` : 'PT0S';
}

/** a duration as people say it: "7 days", "1 year 2 months", "1 day 1 hour 0.5 seconds" */
export function readableDuration(text: string): string | null {
  const m = DRIVER_DURATION.exec(text);
  if (!m) return null;
  const units = ['year', 'month', 'week', 'day', 'hour', 'minute', 'second'];
  const words = m.slice(1).flatMap((v, i) => (v && Number(v) !== 0 ? [`${Number(v)} ${units[i]}${Number(v) === 1 ? '' : 's'}`] : []));
  return words.length ? words.join(' ') : '0 seconds';
}

/** Text of a cell for the table: durations in words, everything else as for CSV. */
export function cellDisplay(cell: ResultCell): string {
  if (typeof cell === 'string') return readableDuration(cell) ?? cell;
  if (Array.isArray(cell)) return cell.map(cellDisplay).join(', ');
  return cellText(cell);
}

/** Text of a cell, for sorting and CSV (durations as ISO 8601, e.g. P7D). */
export function cellText(cell: ResultCell): string {
  if (cell === null) return '';
  if (Array.isArray(cell)) return cell.map(cellText).join(', ');
  if (typeof cell === 'object') {
    if (isEntityCell(cell)) return cell.$entity.caption;
    if ('$rel' in cell && cell.$rel && typeof cell.$rel === 'object' && 'type' in cell.$rel) return String(cell.$rel.type);
    if ('$path' in cell && cell.$path && typeof cell.$path === 'object' && 'length' in cell.$path) return `path of ${String(cell.$path.length)}`;
    if ('$node' in cell) return '(node)';
    return JSON.stringify(cell);
  }
  if (typeof cell === 'string') return isoDuration(cell) ?? cell;
  return String(cell);
}

export function compareCells(a: ResultCell, b: ResultCell): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (a === null) return b === null ? 0 : 1;
  if (b === null) return -1;
  return cellText(a).localeCompare(cellText(b), 'en', { numeric: true });
}

/** CSV with entity ids next to captions, so a spreadsheet can be joined back to the graph. */
export function toCsv(result: QueryRunResult): string {
  const quote = (s: string) => (/[",\n\r]/.test(s) || /^[=+\-@]/.test(s) ? `"${s.replace(/^([=+\-@])/, "'$1").replace(/"/g, '""')}"` : s);
  const idText = (cell: ResultCell): string =>
    isEntityCell(cell) ? cell.$entity.id : Array.isArray(cell) ? cell.filter(isEntityCell).map((c) => c.$entity.id).join(' ') : '';
  const hasIds = result.columns.map((c) => result.rows.some((r) => idText(r[c] ?? null) !== ''));
  const header = result.columns.flatMap((c, i) => (hasIds[i] ? [c, `${c} id`] : [c]));
  const lines = result.rows.map((r) =>
    result.columns.flatMap((c, i) => (hasIds[i] ? [cellText(r[c] ?? null), idText(r[c] ?? null)] : [cellText(r[c] ?? null)])).map(quote).join(','),
  );
  return [header.map(quote).join(','), ...lines].join('\r\n') + '\r\n';
}

