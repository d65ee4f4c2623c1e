import { stringify } from 'csv-stringify/sync';
import type { ExportTable } from './tables.ts';

/** One CSV (RFC 4180, UTF-8 with BOM so spreadsheet programs read Vietnamese right). */
export function tableToCsv(table: ExportTable): string {
  return '\uFEFF' + stringify([table.header, ...table.rows], { record_delimiter: '\r\n' });
}
