// Page process bootstrap: installs tsx's loader so that the child process can run the TypeScript
// page worker, whatever the host was started with (tsx CLI, vitest, node --import tsx).
//
// The big JavaScript dependencies are kept out of tsx's loader: through it, every module holding
// a dynamic import() is rewritten with a source map (pdfjs and its worker: about 1 CPU-s at each
// start), and with source maps switched on Node parses and keeps the maps that packages ship
// (pdf-lib's, pdfjs's): together half of this process's heap, which every garbage collection
// then walks. pdf-lib, the canvas and utif2 are loaded first, by Node itself; the TypeScript
// imports them again from the module cache. pdfjs is loaded only when a file needs it (a scan
// made of JPEG pages does not; see src/pdf/pdfjs.ts), by the plain importer below: tsx's loader
// is registered in a namespace of its own, so it handles the TypeScript modules and what they
// import, and leaves alone what this module imports.
import 'pdf-lib';
import 'utif2';
import '@napi-rs/canvas';
import { register } from 'tsx/esm/api';

globalThis[Symbol.for('sohoa.importPlain')] = async (specifier) => {
  const maps = process.sourceMapsEnabled;
  process.setSourceMapsEnabled(false);
  try {
    return await import(specifier);
  } finally {
    process.setSourceMapsEnabled(maps);
  }
};

const tsx = register({ namespace: 'sohoa-page-process' });
await tsx.import('./page-worker.ts', import.meta.url);
