// Page process bootstrap: installs tsx's loader so that the child process can run the TypeScript
// page worker, whatever the host was started with (tsx CLI, vitest, node --import tsx).
//
// The big JavaScript dependencies are loaded first, by Node itself: through tsx's loader, every
// module holding a dynamic import() is rewritten with a source map (pdfjs and its worker: about
// 1 CPU-s at each start), and with source maps switched on Node parses and keeps the maps that
// packages ship (pdf-lib's): together half of this process's heap, which every garbage
// collection then walks. Loaded here they are plain modules; the TypeScript imports them again
// from the module cache.
// pdfjs's worker runs in this thread (Node has no web workers): loaded, it leaves its handler on
// globalThis.pdfjsWorker, where pdfjs takes it from instead of importing it through the loader.
import 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import 'pdfjs-dist/legacy/build/pdf.mjs';
import 'pdfjs-dist/legacy/image_decoders/pdf.image_decoders.mjs';
import 'pdf-lib';
import 'utif2';
import '@napi-rs/canvas';
import { register } from 'tsx/esm/api';

register();
await import('./page-worker.ts');
