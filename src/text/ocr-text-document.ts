/**
 * OCR text files (old OCR output, like the archives' `.txt` files) → the document tree.
 * Pages are separated by form feeds (\f) when the file has them; blank lines separate
 * paragraphs. Line numbers are kept per page so warnings point back into the file.
 */
import type { DocumentRoot, PageNode, ParagraphNode } from '../tree/types.ts';
import { line } from '../tree/types.ts';
import { normalizeInputText } from './normalize.ts';

export function ocrTextToTree(raw: string): DocumentRoot {
  const text = normalizeInputText(raw);
  const pageTexts = text.split('\f');
  const pages: PageNode[] = pageTexts.map((pageText, index) => {
    const lines = pageText.split(/\r\n|\n|\r/);
    if (lines.length > 1 && lines[lines.length - 1] === '' && index === pageTexts.length - 1) lines.pop();
    const children: ParagraphNode[] = [];
    let current: ParagraphNode | null = null;
    lines.forEach((value, i) => {
      if (value.trim() === '') {
        current = null;
        return;
      }
      if (!current) {
        current = { type: 'paragraph', children: [] };
        children.push(current);
      }
      current.children.push(line(value, i + 1));
    });
    return { type: 'page', data: { number: index + 1, kind: 'ocr-text', confidence: null }, children };
  });
  return { type: 'root', children: pages };
}
