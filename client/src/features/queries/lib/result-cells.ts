import type { EntityRef, QueryRunResult, ResultCell } from '../../../types/api';

export function isEntityCell(cell: ResultCell): cell is { $entity: EntityRef } {
  return typeof cell === 'object' && cell !== null && !Array.isArray(cell) && '$entity' in cell;
}

/** Text of a cell, for display, sorting and CSV. */
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

