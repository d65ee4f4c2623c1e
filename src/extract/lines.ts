/** The document as a flat list of lines with where each came from: what extractors read. */
import type { DocumentRoot } from '../tree/types.ts';
import { blockLines } from '../tree/text.ts';

export interface DocLine {
  text: string;
  page: number;
  line: number;
  /** Index of the block in its page, so extractors know paragraph boundaries. */
  block: number;
  inTable: boolean;
  /** The lowest OCR confidence (0..1) of the line's words that hold a digit; absent when none was read by OCR. */
  digitConfidence?: number;
}

export function documentLines(tree: DocumentRoot): DocLine[] {
  const out: DocLine[] = [];
  for (const page of tree.children) {
    page.children.forEach((block, b) => {
      for (const l of blockLines(block)) {
        const doc: DocLine = { text: l.value, page: page.data.number, line: l.position?.start.line ?? 0, block: b, inTable: block.type === 'table' };
        const digits = (l.data?.words ?? []).filter((w) => /\d/.test(w.text)).map((w) => w.confidence);
        if (digits.length && page.data.kind !== 'born-digital') doc.digitConfidence = Math.min(...digits);
        out.push(doc);
      }
    });
  }
  return out;
}
