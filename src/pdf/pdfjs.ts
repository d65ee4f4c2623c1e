/**
 * pdfjs-dist wiring for Node: the legacy build, with every resource (CMaps, standard fonts, wasm
 * decoders for JBIG2/JPEG 2000) read from node_modules, so nothing is ever fetched from a network.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

const require = createRequire(import.meta.url);

/** The pdfjs-dist package folder, with a trailing slash (pdfjs wants one on every *Url). */
function pdfjsDir(): string {
  return dirname(require.resolve('pdfjs-dist/package.json')) + '/';
}

export type PdfDocument = pdfjs.PDFDocumentProxy;
export type PdfPage = pdfjs.PDFPageProxy;
export const OPS = pdfjs.OPS;

/**
 * Opens a PDF from bytes. Throws an Error naming `name` and the reason (encrypted, corrupt).
 * pdfjs takes ownership of `bytes` (it may detach the buffer): pass a copy if you still need it.
 */
export async function openPdf(bytes: Uint8Array, name: string): Promise<PdfDocument> {
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

