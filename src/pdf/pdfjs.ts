/**
 * pdfjs-dist wiring for Node: the legacy build, with every resource (CMaps, standard fonts, wasm
 * decoders for JBIG2/JPEG 2000) read from node_modules, so nothing is ever fetched from a network.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as Pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

const require = createRequire(import.meta.url);

/** The pdfjs-dist package folder, with a trailing slash (pdfjs wants one on every *Url). */
function pdfjsDir(): string {
  return dirname(require.resolve('pdfjs-dist/package.json')) + '/';
}

export type PdfDocument = Pdfjs.PDFDocumentProxy;
export type PdfPage = Pdfjs.PDFPageProxy;

/**
 * How the page process imports a package outside tsx's loader (see page-process.mjs): through the
 * loader, pdfjs's modules are rewritten with source maps, about 1 CPU-s and tens of MB of heap.
 * Elsewhere (a host that opens a PDF itself, e.g. the benchmark), a plain dynamic import.
 */
export const PLAIN_IMPORT = Symbol.for('sohoa.importPlain');

export function importPlain<T>(specifier: string): Promise<T> {
  const plain = (globalThis as { [PLAIN_IMPORT]?: (s: string) => Promise<unknown> })[PLAIN_IMPORT];
  return (plain ? plain(specifier) : import(specifier)) as Promise<T>;
}

let loading: Promise<typeof Pdfjs> | null = null;

/**
 * pdfjs, loaded on first use: a scan made only of JPEG pages never needs it (see scan-image.ts),
 * and a process that does not hold it has a third of the heap to go through at every garbage
 * collection. Its worker module is loaded first: it leaves its handler on globalThis.pdfjsWorker,
 * where pdfjs takes it from instead of importing it itself.
 */
export function loadPdfjs(): Promise<typeof Pdfjs> {
  loading ??= importPlain('pdfjs-dist/legacy/build/pdf.worker.mjs').then(() => importPlain<typeof Pdfjs>('pdfjs-dist/legacy/build/pdf.mjs'));
  return loading;
}

/**
 * Opens a PDF from bytes. Throws an Error naming `name` and the reason (encrypted, corrupt).
 * pdfjs takes ownership of `bytes` (it may detach the buffer): pass a copy if you still need it.
 */
export async function openPdf(bytes: Uint8Array, name: string): Promise<PdfDocument> {
  const pdfjs = await loadPdfjs();
  const dir = pdfjsDir();
  const task = pdfjs.getDocument({
    data: bytes,
    cMapUrl: join(dir, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(dir, 'standard_fonts') + '/',
    wasmUrl: join(dir, 'wasm') + '/',
    iccUrl: join(dir, 'iccs') + '/',
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: 0,
  } as Parameters<typeof pdfjs.getDocument>[0]);
  try {
    return await task.promise;
  } catch (error) {
    const e = error as { name?: string; message?: string };
    const reason =
      e.name === 'PasswordException'
        ? 'the PDF is encrypted (password protected)'
        : e.name === 'InvalidPDFException'
          ? `not a valid PDF (${e.message ?? 'corrupt'})`
          : (e.message ?? String(error));
    await task.destroy().catch(() => {});
    throw new Error(`${name}: cannot open: ${reason}`);
  }
}

