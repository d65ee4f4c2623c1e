/**
 * The page worker: one long-lived worker thread that opens input files and produces their pages
 * on request (text-layer words, or a cleaned page image plus its ruled tables; see
 * page-source.ts). It is shared by every file of a run, so pdfjs and the decoders load once.
 *
 * Protocol (every request carries the file's `id` and a `key` that its reply echoes):
 *   {type:'open', id, bytes, kind, name, options} → {type:'opened', id, total} | {type:'error', id, reason}
 *   {type:'page', id, page} → {type:'page', id, page, result} | {type:'error', id, page, reason}
 *   {type:'close', id} → {type:'closed', id}
 */
import { parentPort } from 'node:worker_threads';
import { openSource, type FileKind, type PageSource, type SourceOptions } from './page-source.ts';

type Request = { key: string } & (
  | { type: 'open'; id: number; bytes: Uint8Array; kind: FileKind; name: string; options: SourceOptions }
  | { type: 'page'; id: number; page: number }
  | { type: 'close'; id: number }
);

const port = parentPort!;
const sources = new Map<number, PageSource>();
let chain: Promise<void> = Promise.resolve();

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

port.on('message', (req: Request) => {
  // One request at a time: pages are CPU-bound, interleaving them would only add memory.
  chain = chain.then(async () => {
    if (req.type === 'open') {
      try {
        const source = await openSource(req.bytes, req.kind, req.name, req.options);
        sources.set(req.id, source);
        port.postMessage({ key: req.key, type: 'opened', id: req.id, total: source.total });
      } catch (error) {
        port.postMessage({ key: req.key, type: 'error', id: req.id, reason: message(error) });
      }
    } else if (req.type === 'page') {
      const source = sources.get(req.id);
      if (!source) {
        port.postMessage({ key: req.key, type: 'error', id: req.id, page: req.page, reason: 'file is not open' });
        return;
      }
      try {
        const result = await source.page(req.page);
        const transfer = result.kind === 'scanned' ? [result.image, ...result.tableImages.map((t) => t.image)].map((b) => b.buffer as ArrayBuffer) : [];
        port.postMessage({ key: req.key, type: 'page', id: req.id, page: req.page, result }, transfer);
      } catch (error) {
        port.postMessage({ key: req.key, type: 'error', id: req.id, page: req.page, reason: message(error) });
      }
    } else {
      await sources.get(req.id)?.close().catch(() => {});
      sources.delete(req.id);
      port.postMessage({ key: req.key, type: 'closed', id: req.id });
    }
  });
});
