/**
 * The restorer: loads the models from `dictionaries/` once per process and restores lines.
 * (First cut: normalisation only; the decoder lands next.)
 */
import type { TokenChange } from '../tree/types.ts';
import { normalizeInputText } from '../text/normalize.ts';

export interface RestoredLine {
  text: string;
  changes: TokenChange[];
}

export interface Restorer {
  restoreLine(line: string): RestoredLine;
}

export interface RestorerOptions {
  toneStyle?: 'new' | 'old';
  overlayPath?: string;
}

export function loadRestorer(_opts: RestorerOptions = {}): Restorer {
  return { restoreLine: (line) => ({ text: normalizeInputText(line), changes: [] }) };
}
