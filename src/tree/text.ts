/** Reading text back out of the document tree. */
import type { Correction } from '../schema/plan-document.ts';
import type { BlockNode, DocumentRoot, LineNode, PageNode } from './types.ts';

/** Lines of a block in reading order (table cells row by row). */
export function blockLines(block: BlockNode): LineNode[] {
  if (block.type === 'table') return block.children.flatMap((row) => row.children.flatMap((cell) => cell.children));
  return block.children;
}

export function pageLines(page: PageNode): LineNode[] {
  return page.children.flatMap(blockLines);
}

/** The text of a page: blocks separated by blank lines; table cells separated by " | ". */
export function pageText(page: PageNode, which: 'restored' | 'original'): string {
  const pick = (l: LineNode) => (which === 'original' ? (l.data?.original ?? l.value) : l.value);
  return page.children
    .map((block) =>
      block.type === 'table'
        ? block.children.map((row) => row.children.map((cell) => cell.children.map(pick).join(' ')).join(' | ')).join('\n')
        : block.children.map(pick).join('\n'),
    )
    .join('\n\n');
}

/** Pages separated by form feeds, as in OCR text files. */
export function documentText(tree: DocumentRoot, which: 'restored' | 'original'): string {
  return tree.children.map((p) => pageText(p, which)).join('\n\f\n');
}

export function collectCorrections(tree: DocumentRoot): Correction[] {
  const out: Correction[] = [];
  for (const page of tree.children) {
    for (const l of pageLines(page)) {
      for (const c of l.data?.changes ?? []) {
        out.push({
          page: page.data.number,
          line: l.position?.start.line ?? 0,
          column: c.column,
          original: c.original,
          restored: c.restored,
          confidence: c.confidence,
          alternatives: c.alternatives,
        });
      }
    }
  }
  return out;
}
