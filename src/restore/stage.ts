/**
 * The restore stage over the document tree: every line is restored in place; the original text,
 * the changed tokens and their confidences stay in `line.data`; low-confidence changes become
 * vfile messages with the line's position.
 */
import type { VFile } from 'vfile';
import type { DocumentRoot, LineNode } from '../tree/types.ts';
import { blockLines } from '../tree/text.ts';
import { warn } from '../pipeline/messages.ts';
import type { Restorer } from './restorer.ts';

export const LOW_CONFIDENCE = 0.6;

export function restoreTree(tree: DocumentRoot, file: VFile, restorer: Restorer): void {
  // The whole document at once: diacritic evidence is judged on all of its text (not line by
  // line), and the LM context runs across the lines of a block; a blank line between blocks and
  // between table cells starts it again.
  const lines: string[] = [];
  const nodes: ({ node: LineNode; page: number } | null)[] = [];
  for (const page of tree.children) {
    for (const block of page.children) {
      const groups = block.type === 'table' ? block.children.flatMap((row) => row.children.map((cell) => cell.children)) : [blockLines(block)];
      for (const group of groups) {
        for (const node of group) {
          lines.push(node.data?.original ?? node.value);
          nodes.push({ node, page: page.data.number });
        }
        lines.push('');
        nodes.push(null);
      }
    }
  }
  const results = restorer.restoreLines(lines);
  results.forEach((result, i) => {
    const at = nodes[i];
    if (!at) return;
    const { node, page } = at;
    const original = lines[i];
    node.value = result.text;
    node.data = { ...node.data, original, changes: result.changes };
    for (const change of result.changes) {
      if (change.confidence >= LOW_CONFIDENCE) continue;
      warn(
        file,
        `low-confidence correction "${change.original}" → "${change.restored}" (${change.confidence.toFixed(2)}; alternatives: ${change.alternatives.join(', ') || 'none'})`,
        'restore:low-confidence',
        { page, line: node.position?.start.line, column: change.column },
      );
    }
  });
}
