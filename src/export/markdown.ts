/** PlanDocument → Markdown through unified: build an mdast tree, stringify with remark-gfm tables. */
import { unified } from 'unified';
import remarkStringify from 'remark-stringify';
import remarkGfm from 'remark-gfm';
import type { Root, RootContent, Table, TableRow, PhrasingContent, ListItem } from 'mdast';
import type { PlanDocument, SectionT } from '../schema/plan-document.ts';
import type { ExportTable } from './tables.ts';

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const heading = (depth: 1 | 2 | 3, value: string): RootContent => ({ type: 'heading', depth, children: [text(value)] });
const paragraph = (value: string): RootContent => ({ type: 'paragraph', children: [text(value)] });

/** GFM table cells cannot hold line breaks: fold them into spaces. */
const cell = (value: string) => ({ type: 'tableCell' as const, children: value ? [text(value.replace(/\s*\n\s*/g, ' '))] : [] });

function gfmTable(t: ExportTable): Table {
  const width = Math.max(t.header.length, ...t.rows.map((r) => r.length), 1);
  const row = (cells: string[]): TableRow => ({
    type: 'tableRow',
    children: Array.from({ length: width }, (_, i) => cell(cells[i] ?? '')),
  });
  return { type: 'table', align: Array(width).fill(null), children: [row(t.header), ...t.rows.map(row)] };
}

function sectionList(sections: SectionT[]): RootContent {
  return {
    type: 'list',
    ordered: false,
    spread: false,
    children: sections.map(
      (s): ListItem => ({
        type: 'listItem',
        spread: false,
        children: [
          { type: 'paragraph', children: [text(`${s.label}. ${s.heading}`.trim())] },
          ...(s.children.length ? [sectionList(s.children) as never] : []),
        ],
      }),
    ),
  };
}

export function planToMdast(doc: PlanDocument, tables: ExportTable[]): Root {
  const m = doc.metadata;
  const children: RootContent[] = [heading(1, [m.docType, m.title].filter(Boolean).join(': ') || doc.source.fileName)];
  const metaRows: [string, string | null][] = [
    ['Số / ký hiệu (number/symbol)', m.number && m.symbol ? `${m.number}/${m.symbol}` : (m.number ?? m.symbol)],
    ['Cơ quan ban hành (issuer)', [m.parentIssuer, m.issuer].filter(Boolean).join(' – ') || null],
    ['Địa danh, ngày (place, date)', [m.place, m.issuedDate].filter(Boolean).join(', ') || null],
    ['Người ký (signer)', [m.signer.authority, m.signer.title, m.signer.name].filter(Boolean).join(' ') || null],
    ['Nơi nhận (recipients)', m.recipients.map((r) => (r.purpose ? `${r.name} (${r.purpose})` : r.name)).join('; ') || null],
    ['Tệp (file)', `${doc.source.fileName} (${doc.source.pageCount} pages, sha256 ${doc.source.sha256.slice(0, 12)}…)`],
  ];
  children.push(gfmTable({ name: 'metadata', title: '', header: ['Trường (field)', 'Giá trị (value)'], rows: metaRows.map(([k, v]) => [k, v ?? '']) }));
  // What the run doubted (a field OCR was unsure of, a page that failed): for the reader to check.
  if (doc.quality.warnings.length) {
    const where = (w: PlanDocument['quality']['warnings'][number]) =>
      [w.page !== null ? `trang ${w.page}` : '', w.line !== null ? `dòng ${w.line}` : ''].filter(Boolean).join(', ');
    children.push(heading(2, 'Cảnh báo (warnings)'), {
      type: 'list',
      ordered: false,
      spread: false,
      children: doc.quality.warnings.map((w): ListItem => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [text(where(w) ? `${w.message} (${where(w)})` : w.message)] }] })),
    });
  }
  if (doc.sections.length) {
    children.push(heading(2, 'Mục lục (sections)'), sectionList(doc.sections));
  }
  for (const t of tables) {
    if (!t.rows.length) continue;
    children.push(heading(2, t.title), gfmTable(t));
  }
  children.push(heading(2, 'Văn bản (restored text)'));
  for (const para of doc.text.restored.split(/\n\s*\n|\f/)) {
    const p = para.trim();
    if (p) children.push(paragraph(p.replace(/\s*\n\s*/g, ' ')));
  }
  return { type: 'root', children };
}

export function planToMarkdown(doc: PlanDocument, tables: ExportTable[]): string {
  const processor = unified().use(remarkGfm).use(remarkStringify, { bullet: '-' });
  return processor.stringify(planToMdast(doc, tables));
}
