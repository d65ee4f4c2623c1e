/** Every table of the tree as rows of cell text, with its page and box. */
import type { DocumentRoot } from '../tree/types.ts';
import type { Table } from '../schema/plan-document.ts';

export function extractTables(tree: DocumentRoot): Table[] {
  const out: Table[] = [];
  for (const page of tree.children) {
    for (const block of page.children) {
      if (block.type !== 'table') continue;
      const b = block.data?.bbox;
      out.push({
        page: page.data.number,
        position: b ? { x: b.x0, y: b.y0, width: b.x1 - b.x0, height: b.y1 - b.y0 } : null,
        rows: block.children.map((row) => row.children.map((cell) => cell.children.map((l) => l.value).join(' ').trim())),
      });
    }
  }
  return out;
}
