/**
 * The exports read back with independent readers and compared with the JSON of the same run:
 * XLSX with exceljs, Markdown with unified + remark-parse + remark-gfm, CSV with a small
 * RFC 4180 parser. The expected rows are built here from the JSON, column by column, so the
 * three formats are checked against the contract, not against the exporter's own code.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Heading, Nodes, Root, RootContent, Table } from 'mdast';
import type { PlanDocument } from '../src/schema/plan-document.ts';
import { SAMPLES, describeRun, makeTempDir, removeTempDir, runCli } from './helpers/cli.ts';

const TIMEOUT = 120_000;

/**
 * One more input, made for this test: text that Markdown, CSV and XLSX must escape or quote
 * (* [ ] < > _ ` \ " , and line-initial # + > --- 1)), a task list and a piped text table.
 */
const SPECIAL = 'ky-tu-dac-biet';
const SPECIAL_TEXT = `UY BAN NHAN DAN CONG HOA XA HQI CHU NGHIA VIET NAM
XA AN BINH Doc 1ap - Tu do - Hanh phuc
S6: 5/KH-UBND An Binh, ngay 02 thang 3 nam 2025
KE HOACH
Thu nghiem ky tu dac biet trong ban xuat

I. MUC TIEU
Ty 1e ho so "sach" dat toi thieu 95%.

II. NHIEM VU
1. Lap bang *so lieu* [tong hop] <15%> cho thon_1, thon 2 \\ ket qua
- Chu tri: Cong chuc Van phong - Thong ke.
- Phoi hop: Hoi Nong dan; Doan Thanh nien "xa".
- Thoi gian hoan thanh: truoc ngay 30/4/2025.
2. Ra soat \`ho so\` cu, so hoa 100% ho so
- Chu tri: Bo phan Mot cua.
- Thoi gian hoan thanh: truoc ngay 15/5/2025.

STT | Don vi | Chi tieu
1 | Thon 1 | 95%
2 | Thon 2, "Bac" | 90%

III. TO CHUC THUC HIEN
# khong phai tieu de
+ khong phai danh sach
> khong phai trich dan
---
1) muc mot
`;

const names = [
  ...readdirSync(SAMPLES)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => basename(f, '.txt')),
  SPECIAL,
];

// ---------------------------------------------------------------------------------------------
// What each table must hold, from the JSON alone.

interface Expected {
  name: string;
  title: string;
  header: string[];
  rows: string[][];
}

const s = (v: unknown) => (v === null || v === undefined ? '' : String(v));

function expectedTables(doc: PlanDocument): Expected[] {
  const tables: Expected[] = [
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
    const [head, ...body] = t.rows.map((r) => [...r, ...Array(width - r.length).fill('')]);
    tables.push({ name: `table-${i + 1}`, title: `Bảng ${i + 1}`, header: head ?? [], rows: body });
  });
  return tables;
}

// ---------------------------------------------------------------------------------------------
// Readers.

/** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks; records end in CRLF. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let atFieldStart = true;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        if (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') throw new Error(`CSV: text after a closing quote at ${i}`);
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && atFieldStart) {
      quoted = true;
      atFieldStart = false;
      i++;
      continue;
    }
    if (ch === '"') throw new Error(`CSV: bare quote inside an unquoted field at ${i}`);
    if (ch === ',') {
      record.push(field);
      field = '';
      atFieldStart = true;
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] !== '\n') throw new Error(`CSV: lone CR at ${i}`);
      if (ch === '\n') throw new Error(`CSV: LF without CR at ${i}`);
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      atFieldStart = true;
      i += 2;
      continue;
    }
    field += ch;
    atFieldStart = false;
    i++;
  }
  if (quoted) throw new Error('CSV: unterminated quoted field');
  if (!atFieldStart || record.length) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** Plain text of an mdast node (text, inline code; breaks as spaces). */
function mdText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'break') return ' ';
  if ('children' in node) return (node.children as Nodes[]).map(mdText).join('');
  return '';
}

/** GFM table cells hold no line breaks: the Markdown export folds them into spaces. */
const fold = (v: string) => v.replace(/\s*\n\s*/g, ' ').trim();

function parseMarkdown(md: string): Root {
  return unified().use(remarkParse).use(remarkGfm).parse(md) as Root;
}

function tableAfterHeading(tree: Root, title: string): Table | undefined | null {
  const i = tree.children.findIndex((n) => n.type === 'heading' && n.depth === 2 && mdText(n) === title);
  if (i < 0) return null;
  const next = tree.children[i + 1];
  return next?.type === 'table' ? next : undefined;
}

const tableRows = (t: Table) => t.children.map((row) => row.children.map((c) => mdText(c)));

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  return String(v);
}

// ---------------------------------------------------------------------------------------------

describe('exports read back and compared with the JSON', () => {
  let tmp: string;
  let out: string;
  const docs = new Map<string, PlanDocument>();

  beforeAll(async () => {
    tmp = makeTempDir();
    out = join(tmp, 'out');
    const special = join(tmp, `${SPECIAL}.txt`);
    writeFileSync(special, SPECIAL_TEXT);
    const r = await runCli(['ingest', SAMPLES, special, '--out', out, '--format', 'md,csv,xlsx']);
    if (r.code !== 0) throw new Error(`ingest failed: ${describeRun(r)}`);
    for (const name of names) docs.set(name, JSON.parse(readFileSync(join(out, `${name}.json`), 'utf8')));
  }, TIMEOUT);
  afterAll(() => removeTempDir(tmp));

  it('the samples give non-empty tables to compare', () => {
    expect(docs.size).toBeGreaterThanOrEqual(3);
    const total = (k: 'tasks' | 'targets' | 'deadlines') => [...docs.values()].reduce((a, d) => a + d[k].length, 0);
    expect(total('tasks')).toBeGreaterThan(0);
    expect(total('targets')).toBeGreaterThan(0);
    expect(total('deadlines')).toBeGreaterThan(0);
    const special = docs.get(SPECIAL)!;
    expect(special.tasks.length).toBeGreaterThan(0);
    expect(special.tables.length).toBeGreaterThan(0);
    expect(special.text.restored).toMatch(/[*[<_`\\"]/);
  });

  describe('XLSX (exceljs)', () => {
    it.each(names)('%s.xlsx: a metadata sheet and a sheet per table, cells equal to the JSON', async (name) => {
      const doc = docs.get(name)!;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(out, `${name}.xlsx`));
      const expected = expectedTables(doc);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['metadata', ...expected.map((t) => t.name)]);

      const meta = wb.getWorksheet('metadata')!;
      const metaRows = new Map<string, string>();
      meta.eachRow((row, n) => {
        if (n > 1) metaRows.set(cellText(row.getCell(1)), cellText(row.getCell(2)));
      });
      expect([cellText(meta.getCell('A1')), cellText(meta.getCell('B1'))]).toEqual(['field', 'value']);
      const m = doc.metadata;
      expect(metaRows.get('fileName')).toBe(doc.source.fileName);
      expect(metaRows.get('docType')).toBe(s(m.docType));
      expect(metaRows.get('number')).toBe(s(m.number));
      expect(metaRows.get('symbol')).toBe(s(m.symbol));
      expect(metaRows.get('issuedDate')).toBe(s(m.issuedDate));
      expect(metaRows.get('place')).toBe(s(m.place));
      expect(metaRows.get('issuer')).toBe(s(m.issuer));
      expect(metaRows.get('title')).toBe(s(m.title));
      expect(metaRows.get('signer')).toBe(s(m.signer.name));
      expect(metaRows.get('signerTitle')).toBe(s(m.signer.title));
      expect(metaRows.get('authority')).toBe(s(m.signer.authority));

      for (const t of expected) {
        const sheet = wb.getWorksheet(t.name)!;
        const width = t.header.length;
        const read = (n: number) => Array.from({ length: width }, (_, i) => cellText(sheet.getRow(n).getCell(i + 1)));
        expect(read(1), `${t.name} header`).toEqual(t.header);
        if (width) expect(sheet.getRow(1).getCell(1).font?.bold, `${t.name} header bold`).toBe(true);
        expect(sheet.actualRowCount, `${t.name} rows`).toBe(t.rows.length + 1);
        t.rows.forEach((row, i) => expect(read(i + 2), `${t.name} row ${i + 1}`).toEqual(row));
      }
    });

    it('keeps Vietnamese text intact (NFC, with its diacritics)', async () => {
      let vietnamese = 0;
      for (const name of names) {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(join(out, `${name}.xlsx`));
        wb.eachSheet((sheet) =>
          sheet.eachRow((row) =>
            row.eachCell((cell) => {
              const v = cellText(cell);
              expect(v.normalize('NFC')).toBe(v);
              // No replacement characters, no UTF-8 read as Latin-1 ("á»", "áº", "Ä‘", "Ã¡").
              expect(v).not.toMatch(/\uFFFD|á»|áº|Ä[\u0080-\u00BF‘]|Ã[\u0080-\u00BF]/);
              if (/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệịỉọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i.test(v)) vietnamese++;
            }),
          ),
        );
      }
      expect(vietnamese).toBeGreaterThan(10);
    });
  });

  describe('Markdown (unified + remark-parse + remark-gfm)', () => {
    it.each(names)('%s.md: title, metadata table and one GFM table per non-empty table', (name) => {
      const doc = docs.get(name)!;
      const md = readFileSync(join(out, `${name}.md`), 'utf8');
      const tree = parseMarkdown(md);

      const h1 = tree.children.filter((n): n is Heading => n.type === 'heading' && n.depth === 1);
      expect(h1).toHaveLength(1);
      expect(mdText(h1[0])).toBe([doc.metadata.docType, doc.metadata.title].filter(Boolean).join(': ') || doc.source.fileName);

      // The metadata table comes right after the title.
      const metaTable = tree.children[tree.children.indexOf(h1[0]) + 1];
      expect(metaTable?.type).toBe('table');
      const metaRows = tableRows(metaTable as Table);
      expect(metaRows[0]).toEqual(['Trường (field)', 'Giá trị (value)']);
      expect(metaRows).toHaveLength(7);
      const meta = new Map(metaRows.slice(1).map(([k, v]) => [k, v]));
      const m = doc.metadata;
      expect(meta.get('Số / ký hiệu (number/symbol)')).toBe(m.number && m.symbol ? `${m.number}/${m.symbol}` : s(m.number ?? m.symbol));
      expect(meta.get('Địa danh, ngày (place, date)')).toBe([m.place, m.issuedDate].filter(Boolean).join(', '));
      expect(meta.get('Tệp (file)')).toContain(doc.source.fileName);

      const expected = expectedTables(doc);
      for (const t of expected.filter((x) => !x.name.startsWith('table-'))) {
        const table = tableAfterHeading(tree, t.title);
        if (!t.rows.length) {
          expect(table, `${t.name}: no section for an empty table`).toBeNull();
          continue;
        }
        expect(table, `${t.name}: a GFM table right after its heading`).toBeTruthy();
        const rows = tableRows(table!);
        expect(rows[0], `${t.name} header`).toEqual(t.header);
        expect(rows.length - 1, `${t.name} row count`).toBe(t.rows.length);
        t.rows.forEach((row, i) => expect(rows[i + 1], `${t.name} row ${i + 1}`).toEqual(row.map(fold)));
      }

      // Raw tables: a "Bảng N" section each (when it has rows below its header).
      const raw = expected.filter((x) => x.name.startsWith('table-') && x.rows.length);
      const rawHeadings = tree.children.filter((n) => n.type === 'heading' && n.depth === 2 && /^Bảng \d+/.test(mdText(n)));
      expect(rawHeadings).toHaveLength(raw.length);
      for (const [i, h] of rawHeadings.entries()) {
        const table = tree.children[tree.children.indexOf(h as RootContent) + 1] as Table;
        expect(table.type).toBe('table');
        const rows = tableRows(table);
        expect(rows[0]).toEqual(raw[i].header.map(fold));
        expect(rows.slice(1)).toEqual(raw[i].rows.map((r) => r.map(fold)));
      }
    });

    it.each(names)('%s.md: the warnings of the JSON listed, one item each, only when there are some', (name) => {
      const doc = docs.get(name)!;
      const tree = parseMarkdown(readFileSync(join(out, `${name}.md`), 'utf8'));
      const i = tree.children.findIndex((n) => n.type === 'heading' && n.depth === 2 && mdText(n) === 'Cảnh báo (warnings)');
      if (!doc.quality.warnings.length) {
        expect(i).toBe(-1);
        return;
      }
      const list = tree.children[i + 1];
      expect(list?.type).toBe('list');
      const items = (list as { children: Nodes[] }).children.map(mdText);
      expect(items).toHaveLength(doc.quality.warnings.length);
      doc.quality.warnings.forEach((w, k) => expect(items[k].startsWith(w.message.replace(/\s+/g, ' '))).toBe(true));
    });

    it.each(names)('%s.md: the restored text reads back word for word (Markdown escaping round-trips)', (name) => {
      const doc = docs.get(name)!;
      const tree = parseMarkdown(readFileSync(join(out, `${name}.md`), 'utf8'));
      const i = tree.children.findIndex((n) => n.type === 'heading' && n.depth === 2 && mdText(n) === 'Văn bản (restored text)');
      expect(i).toBeGreaterThan(0);
      const body = tree.children.slice(i + 1);
      for (const n of body) expect(n.type, `only paragraphs after the text heading, got ${n.type}: ${mdText(n).slice(0, 80)}`).toBe('paragraph');
      const words = (t: string) => t.split(/\s+/).filter(Boolean);
      expect(words(body.map(mdText).join(' '))).toEqual(words(doc.text.restored));
    });
  });

  describe('CSV (RFC 4180)', () => {
    it('the parser in this test reads quotes, commas and line breaks', () => {
      expect(parseCsv('a,"b,c","d ""e""","f\r\ng"\r\n,\r\n')).toEqual([['a', 'b,c', 'd "e"', 'f\r\ng'], ['', '']]);
      expect(() => parseCsv('a\nb')).toThrow();
    });

    it.each(names)('%s: a CSV per table with a BOM, CRLF records and the JSON values', (name) => {
      const doc = docs.get(name)!;
      for (const t of expectedTables(doc)) {
        const text = readFileSync(join(out, `${name}.${t.name}.csv`), 'utf8');
        expect(text.startsWith('\uFEFF'), `${t.name}: UTF-8 BOM`).toBe(true);
        const records = parseCsv(text.slice(1));
        expect(records[0], `${t.name} header`).toEqual(t.header);
        expect(records.length - 1, `${t.name} row count`).toBe(t.rows.length);
        expect(records.slice(1), `${t.name} rows`).toEqual(t.rows);
        for (const r of records) expect(r.length, `${t.name}: every record as wide as the header`).toBe(t.header.length);
      }
    });
  });
});
