/** What the layout stage takes in: positioned words, from OCR or from a PDF text layer. */
import type { BBox } from '../tree/types.ts';
import type { GridTable } from './grid.ts';

export interface RawSymbol {
  text: string;
  bbox: BBox;
}

export interface RawWord {
  text: string;
  /** 0..1 */
  confidence: number;
  bbox: BBox;
  /** Character boxes (OCR only): let a word that straddles a table rule be cut at the rule. */
  symbols?: RawSymbol[];
}

/** A line as the reader found it (tesseract's line, or one baseline of a text layer). */
export interface RawLine {
  words: RawWord[];
}

export interface PageWords {
  width: number;
  height: number;
  /** Pixels per inch of the coordinate system. */
  dpi: number;
  lines: RawLine[];
  tables: GridTable[];
}
