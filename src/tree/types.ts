/**
 * The document tree: one unist tree travels through every stage (load → ocr → layout → restore →
 * extract). Nodes carry `position` (line/column in the page's text, 1-based) so vfile messages
 * point at them, and `data` for what a stage learned (OCR boxes, confidences, restored text).
 *
 *   root
 *   └─ page (data: number, kind, confidence, size)
 *      ├─ heading | paragraph → line*         lines of text, in reading order
 *      └─ table → tableRow → tableCell → line*
 */
import type { Node, Parent, Position } from 'unist';
import type { PageKind } from '../schema/plan-document.ts';

/** A box in page pixels. */
export interface BBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** One OCR (or text-layer) word. */
export interface Word {
  text: string;
  confidence: number; // 0..1; 1 for born-digital text
  bbox?: BBox;
}

/** One token the restorer changed. */
export interface TokenChange {
  column: number; // 1-based column in the original line
  original: string;
  restored: string;
  confidence: number;
  alternatives: string[];
}

export interface LineNode extends Node {
  type: 'line';
  /** Current text of the line (restored once the restore stage ran). */
  value: string;
  data?: {
    /** Text as it came from OCR / the text layer / the file, before restoration. */
    original?: string;
    words?: Word[];
    bbox?: BBox;
    confidence?: number;
    changes?: TokenChange[];
  };
  position?: Position;
}

export interface ParagraphNode extends Parent {
  type: 'paragraph';
  children: LineNode[];
  data?: { bbox?: BBox };
}

export interface HeadingNode extends Parent {
  type: 'heading';
  children: LineNode[];
  data?: { bbox?: BBox; role?: 'issuer' | 'motto' | 'number' | 'date' | 'doctype' | 'title' | 'section' };
}

export interface TableCellNode extends Parent {
  type: 'tableCell';
  children: LineNode[];
  data?: { bbox?: BBox; rowSpan?: number; colSpan?: number };
}

export interface TableRowNode extends Parent {
  type: 'tableRow';
  children: TableCellNode[];
}

export interface TableNode extends Parent {
  type: 'table';
  children: TableRowNode[];
  data?: { bbox?: BBox; continuesFromPreviousPage?: boolean };
}

export type BlockNode = ParagraphNode | HeadingNode | TableNode;

export interface PageNode extends Parent {
  type: 'page';
  children: BlockNode[];
  data: {
    number: number; // 1-based
    kind: PageKind;
    /** Mean OCR word confidence 0..1; null for text pages. */
    confidence: number | null;
    width?: number;
    height?: number;
    /** Why the page produced no text, when it failed. */
    error?: string;
  };
}

export interface DocumentRoot extends Parent {
  type: 'root';
  children: PageNode[];
}

export function line(value: string, lineNumber?: number, data?: LineNode['data']): LineNode {
  const node: LineNode = { type: 'line', value, data: { original: value, ...data } };
  if (lineNumber !== undefined) {
    node.position = {
      start: { line: lineNumber, column: 1 },
      end: { line: lineNumber, column: value.length + 1 },
    };
  }
  return node;
}
