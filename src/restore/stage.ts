/**
 * The restore stage over the document tree: every line is restored in place; the original text,
 * the changed tokens and their confidences stay in `line.data`; low-confidence changes become
 * vfile messages with the line's position.
 */
import type { VFile } from 'vfile';
import type { DocumentRoot } from '../tree/types.ts';
import { pageLines } from '../tree/text.ts';
import { warn } from '../pipeline/messages.ts';
import type { Restorer } from './restorer.ts';

export const LOW_CONFIDENCE = 0.6;

export function restoreTree(tree: DocumentRoot, file: VFile, restorer: Restorer): void {
  for (const page of tree.children) {
    for (const node of pageLines(page)) {
      const original = node.data?.original ?? node.value;
      const result = restorer.restoreLine(original);
      node.value = result.text;
      node.data = { ...node.data, original, changes: result.changes };
      for (const change of result.changes) {
        if (change.confidence >= LOW_CONFIDENCE) continue;
        warn(
          file,
          `low-confidence correction "${change.original}" → "${change.restored}" (${change.confidence.toFixed(2)}; alternatives: ${change.alternatives.join(', ') || 'none'})`,
          'restore:low-confidence',
          { page: page.data.number, line: node.position?.start.line, column: change.column },
        );
      }
    }
  }
}
