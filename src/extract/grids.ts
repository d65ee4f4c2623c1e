/**
 * Tables as grids of cells that remember where they were found: tables of the tree (layout stage)
 * and tables written in text as `a | b | c` rows (one row per paragraph, wrapped cells joined),
 * as OCR-text archives and born-digital exports carry them.
 */
import type { SourceRef } from '../schema/plan-document.ts';
import type { DocumentRoot, TableNode } from '../tree/types.ts';
import { type Para, clean, refAt } from './text.ts';

export interface GridCell {
  text: string;
  ref: SourceRef;
}
export interface GridRow {
  cells: GridCell[];
  /** Paragraph of a text table row. */
  para?: number;
}
export interface Grid {
  index: number;
  page: number | null;
  position: { x: number; y: number; width: number; height: number } | null;
  rows: GridRow[];
  /** Paragraph indexes a text table spans. */
  paras: number[];
  /** Paragraph where the table starts (its place in the section tree), or -1. */
  para: number;
  /** A table of the document tree (OCR'd or born-digital layout): its page's block index. */
  block?: number;
}

function splitPipes(p: Para, table: number, row: number, leading: boolean): GridCell[] {
  let text = p.text;
  let offset = 0;
  // A leading pipe is a border only in tables written with borders; else it marks an empty first cell.
  if (leading && /^\s*\|/.test(text)) {
    offset = text.indexOf('|') + 1;
    text = text.slice(offset).replace(/\|\s*$/, '');
  }
  const cells: GridCell[] = [];
  let at = 0;
  for (const piece of text.split('|')) {
    const lead = piece.length - piece.trimStart().length;
    cells.push({ text: clean(piece), ref: { ...refAt(p, offset + at + lead), table, row, column: cells.length } });
    at += piece.length + 1;
  }
  return cells;
}

/** The rows of a table of the tree as grid rows (`offset`: rows of the grid before them). */
function gridRows(block: TableNode, page: number, table: number, offset: number): GridRow[] {
  return block.children.map((row, r) => ({
    cells: row.children.map((cell, c) => {
      const first = cell.children[0];
      return {
        text: clean(cell.children.map((l) => l.value).join(' ')),
        ref: { page, line: first?.position?.start.line ?? null, table, row: offset + r, column: c },
      };
    }),
  }));
}

export function findGrids(tree: DocumentRoot, paras: Para[]): Grid[] {
  const grids: Grid[] = [];
  // The paragraphs each table of the tree was read into (its cells' lines): what the table spans,
  // as a text table's piped paragraphs are, so that no extractor reads them again as prose.
  const tableParas = new Map<string, number[]>();
  for (const p of paras) {
    const l = p.lines[0];
    if (!l?.inTable) continue;
    const k = `${l.page}:${l.block}`;
    tableParas.set(k, [...(tableParas.get(k) ?? []), p.index]);
  }
  for (const page of tree.children) {
    page.children.forEach((block, bi) => {
      if (block.type !== 'table') return;
      const b = block.data?.bbox;
      // A table that goes on from the previous page (layout saw the same columns, no header row
      // repeated): its rows are the rows of that page's last table, read as one grid, so that the
      // rows after the page break keep their columns' meaning.
      const prev = grids[grids.length - 1];
      const width = (rows: { cells: unknown[] }[]) => Math.max(0, ...rows.map((r) => r.cells.length));
      if (block.data?.continuesFromPreviousPage && prev?.block !== undefined && prev.page === page.data.number - 1 && width(prev.rows) === Math.max(0, ...block.children.map((r) => r.children.length))) {
        prev.paras.push(...(tableParas.get(`${page.data.number}:${bi}`) ?? []));
        const offset = prev.rows.length;
        prev.rows.push(...gridRows(block, page.data.number, prev.index, offset));
        return;
      }
      const index = grids.length;
      const at = paras.find((p) => p.lines[0]?.page === page.data.number && p.lines[0]?.block === bi);
      grids.push({
        index,
        page: page.data.number,
        position: b ? { x: b.x0, y: b.y0, width: b.x1 - b.x0, height: b.y1 - b.y0 } : null,
        paras: tableParas.get(`${page.data.number}:${bi}`) ?? [],
        para: at ? at.index : -1,
        block: bi,
        rows: gridRows(block, page.data.number, index, 0),
      });
    });
  }
  // Text tables: runs of piped paragraphs (blank lines between rows allowed).
  let cur: Grid | null = null;
  let leading = false;
  for (const p of paras) {
    const isRow = p.piped && !p.lines.some((l) => l.inTable);
    if (!isRow) {
      cur = null;
      continue;
    }
    if (/^\s*\|?\s*:?-{3,}/.test(p.text)) continue; // Markdown separator row
    if (!cur) {
      cur = { index: grids.length, page: p.lines[0].page, position: null, rows: [], paras: [], para: p.index };
      grids.push(cur);
      leading = /^\s*\|/.test(p.text);
    }
    cur.rows.push({ cells: splitPipes(p, cur.index, cur.rows.length, leading), para: p.index });
    cur.paras.push(p.index);
  }
  return grids;
}

/** Row-major cell texts of a grid, padded to the header's width. */
export function gridTexts(g: Grid): string[][] {
  return g.rows.map((r) => r.cells.map((c) => c.text));
}
