/**
 * What the page process hands over for each page (see page-source.ts, which makes them), and the
 * file-type sniffing the host does before sending a file there. Kept apart from page-source.ts so
 * that the host, which only forwards and reads these, loads none of the decoders and renderers.
 */
import type { GridTable } from '../layout/grid.ts';
import type { RawLine } from '../layout/types.ts';

export type FileKind = 'pdf' | 'png' | 'jpeg' | 'tiff';

export interface SourceOptions {
  dpi: number;
  /** Largest page image in pixels; the resolution is lowered to stay under it. */
  maxPixels: number;
}

export interface ScannedPage {
  kind: 'scanned';
  width: number;
  height: number;
  dpi: number;
  /** Cleaned page as a grayscale TIFF, PackBits-coded (see packBitsTiff), rules erased. */
  image: Uint8Array;
  tables: GridTable[];
  /** One image per table (same order): its cells stacked for OCR (see cellMosaic). */
  tableImages: CellMosaic[];
  skewDegrees: number;
  quarterTurns: number;
}

/** Where each cell's crop sits in a table's mosaic image. */
export interface MosaicSlot {
  cell: number;
  /** Crop origin in page pixels. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Top of the crop in the mosaic, in mosaic pixels (its left is MOSAIC_PAD). */
  top: number;
}

export interface CellMosaic {
  image: Uint8Array;
  slots: MosaicSlot[];
  /** The mosaic's pixels per page pixel (cells may be enlarged for OCR). */
  scale: number;
}

export const MOSAIC_PAD = 20;

export interface TextPage {
  kind: 'born-digital';
  width: number;
  height: number;
  dpi: number;
  lines: RawLine[];
  tables: GridTable[];
}

export type SourcePage = ScannedPage | TextPage;

/** Sniffs the file type from its first bytes (extensions lie). */
export function sniffKind(bytes: Uint8Array): FileKind | null {
  const b = bytes;
  const head = new TextDecoder('latin1').decode(b.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'pdf';
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'png';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if ((b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a && b[3] === 0) || (b[0] === 0x4d && b[1] === 0x4d && b[2] === 0 && b[3] === 0x2a)) return 'tiff';
  return null;
}
