/**
 * CSV written by MoneyTrail (rejects files, exports) is opened in spreadsheets, where a cell starting with
 * = + - @ (or a tab / carriage return before one) runs as a formula: `=cmd|' /C calc'!A0`. Such cells get a leading
 * apostrophe, which spreadsheets show as text. The value stored in the graph is never changed, only its export.
 */
import { stringify } from 'csv-stringify/sync';

export function spreadsheetSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function csvLine(cells: (string | number | null | undefined)[]): string {
  return stringify([cells.map((c) => spreadsheetSafe(c === null || c === undefined ? '' : String(c)))]);
}
