import ExcelJS from 'exceljs';
import type { ExportTable } from './tables.ts';
import type { PlanDocument } from '../schema/plan-document.ts';

/** One workbook: a "metadata" sheet, then a sheet per table. */
export async function planToXlsx(doc: PlanDocument, tables: ExportTable[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'sohoa';
  const meta = wb.addWorksheet('metadata');
  meta.addRow(['field', 'value']);
  const m = doc.metadata;
  const rows: [string, string | null][] = [
    ['fileName', doc.source.fileName],
    ['docType', m.docType],
    ['number', m.number],
    ['symbol', m.symbol],
    ['issuedDate', m.issuedDate],
    ['place', m.place],
    ['issuer', m.issuer],
    ['title', m.title],
    ['signer', m.signer.name],
    ['signerTitle', m.signer.title],
    ['authority', m.signer.authority],
  ];
  for (const [k, v] of rows) meta.addRow([k, v ?? '']);
  for (const t of tables) {
    // Sheet names: ≤ 31 chars, unique.
    const sheet = wb.addWorksheet(t.name.slice(0, 31));
    sheet.addRow(t.header);
    sheet.getRow(1).font = { bold: true };
    for (const r of t.rows) sheet.addRow(r);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
