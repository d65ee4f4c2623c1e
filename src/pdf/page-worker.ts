/**
 * The page process: one long-lived child process (started by index.ts through page-process.mjs)
 * that opens input files and produces their pages on request (text-layer words, or a cleaned page
 * image plus its ruled tables; see page-source.ts). It is shared by every file of a run, so pdfjs
 * and the decoders load once. It runs in its own process, not a worker thread, because native
 * code (the image decoders and the canvas that pdfjs draws on) can crash on a bad file: a crash
 * here ends this process only, and the host reports the page it was reading as failed.
 *
 * Protocol (every request carries a `key` that its reply echoes; the host sends one at a time):
 *   {type:'open', id, bytes, kind, name, options} → {type:'opened', total} | {type:'error', reason}
 *   {type:'page', id, page, fault?} → {type:'page', result} | {type:'error', reason}
 *   {type:'close', id} → {type:'closed'}
 */
import { openSource, type FileKind, type PageSource, type SourceOptions } from './page-source.ts';

type Request = { key: string } & (
  | { type: 'open'; id: number; bytes: Uint8Array; kind: FileKind; name: string; options: SourceOptions }
  | { type: 'page'; id: number; page: number; fault?: string }
  | { type: 'close'; id: number }
);

const sources = new Map<number, PageSource>();
let chain: Promise<void> = Promise.resolve();

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
const send = (msg: unknown) => process.send?.(msg);

// The host went away: nothing left to do.
process.on('disconnect', () => process.exit(0));

// Loaded and listening: the host starts a request's clock from here, not from the fork (starting
// the process and loading pdfjs and the canvas binding take seconds on a busy machine).
setImmediate(() => send({ type: 'ready' }));

process.on('message', (req: Request) => {
  // One request at a time: pages are CPU-bound, interleaving them would only add memory.
  chain = chain.then(async () => {
    if (req.type === 'open') {
      try {
        const source = await openSource(req.bytes, req.kind, req.name, req.options);
        sources.set(req.id, source);
        send({ key: req.key, type: 'opened', total: source.total });
      } catch (error) {
        send({ key: req.key, type: 'error', reason: message(error) });
      }
    } else if (req.type === 'page') {
      const source = sources.get(req.id);
      if (!source) {
        send({ key: req.key, type: 'error', reason: 'file is not open' });
        return;
      }
      injectFault(req.fault, req.page);
      try {
        const result = await source.page(req.page);
        send({ key: req.key, type: 'page', result });
      } catch (error) {
        send({ key: req.key, type: 'error', reason: message(error) });
      }
    } else {
      await sources.get(req.id)?.close().catch(() => {});
      sources.delete(req.id);
      send({ key: req.key, type: 'closed' });
    }
  });
});

/**
 * Test hook (SOHOA_PAGE_FAULT in the host's environment, e.g. `crash:2` or `hang:2`): on that page
 * the process dies as a native crash would (SIGSEGV), or stops answering.
 */
function injectFault(fault: string | undefined, page: number): void {
  const m = /^(crash|hang):(\d+)$/.exec(fault ?? '');
  if (!m || Number(m[2]) !== page) return;
  if (m[1] === 'crash') process.kill(process.pid, 'SIGSEGV');
  else for (;;);
}
