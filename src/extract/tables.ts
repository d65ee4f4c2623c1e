/** Every table as rows of cell text, with its page and box: tree tables and text (`a | b`) tables. */
import type { DocumentRoot } from '../tree/types.ts';
import type { Table } from '../schema/plan-document.ts';
import { type Grid, findGrids } from './grids.ts';
import { documentLines } from './lines.ts';
import { paragraphs } from './text.ts';

export function tablesFromGrids(grids: Grid[]): Table[] {
  return grids.map((g) => ({ page: g.page, position: g.position, rows: g.rows.map((r) => r.cells.map((c) => c.text)) }));
}

export function extractTables(tree: DocumentRoot): Table[] {
  return tablesFromGrids(findGrids(tree, paragraphs(documentLines(tree))));
}
