/**
 * The extracted tables of a PlanDocument as plain rows with a header: the one source that CSV,
 * XLSX and Markdown exports all draw from, so the three always agree.
 */
import type { PlanDocument } from '../schema/plan-document.ts';

export interface ExportTable {
  /** File-safe name: tasks, targets, deadlines, legal-bases, table-1 … */
  name: string;
  /** Human title (Vietnamese with English), used for sheet and Markdown headings. */
  title: string;
  header: string[];
  rows: string[][];
}

const s = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

export function exportTables(doc: PlanDocument): ExportTable[] {
  const tables: ExportTable[] = [
    {
      name: 'tasks',
      title: 'Nhiệm vụ (tasks)',
      header: ['task', 'lead', 'cooperating', 'deadline', 'product', 'page', 'line'],
      rows: doc.tasks.map((t) => [t.task, s(t.lead), t.cooperating.join('; '), s(t.deadline), s(t.product), s(t.ref?.page), s(t.ref?.line)]),
    },
    {
      name: 'targets',
      title: 'Chỉ tiêu (targets)',
      header: ['indicator', 'value', 'number', 'unit', 'comparator', 'baseline', 'period', 'responsible', 'page', 'line'],
      rows: doc.targets.map((t) => [
        t.indicator,
        t.value.text,
        s(t.value.number),
        s(t.value.unit),
        s(t.value.comparator),
        s(t.baseline),
        s(t.period),
        s(t.responsible),
        s(t.ref?.page),
        s(t.ref?.line),
      ]),
    },
    {
      name: 'deadlines',
      title: 'Thời hạn (deadlines)',
      header: ['date', 'endDate', 'text', 'context', 'responsible', 'recurrence', 'page', 'line'],
      rows: doc.deadlines.map((d) => [s(d.date), s(d.endDate), d.text, d.context, s(d.responsible), s(d.recurrence), s(d.ref?.page), s(d.ref?.line)]),
    },
    {
      name: 'legal-bases',
      title: 'Căn cứ pháp lý (legal bases)',
      header: ['docType', 'number', 'symbol', 'date', 'issuer', 'text'],
      rows: doc.legalBases.map((b) => [s(b.docType), s(b.number), s(b.symbol), s(b.date), s(b.issuer), b.text]),
    },
  ];
  doc.tables.forEach((t, i) => {
    const width = Math.max(0, ...t.rows.map((r) => r.length));
    const pad = (r: string[]) => [...r, ...Array(width - r.length).fill('')];
    const [head, ...body] = t.rows.map(pad);
    tables.push({
      name: `table-${i + 1}`,
      title: `Bảng ${i + 1} (table ${i + 1}${t.page ? `, page ${t.page}` : ''})`,
      header: head ?? [],
      rows: body,
    });
  });
  return tables;
}
