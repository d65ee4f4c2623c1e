/**
 * The `sohoa` command line. Each command is a thin front door to library functions:
 *   ingest   run the pipeline in process over files and folders
 *   restore  restore Vietnamese OCR text from stdin to stdout, line for line
 *   schema   print the JSON Schema of PlanDocument
 *   dict     build a user overlay model from the user's own clean documents
 *   worker   take jobs from the Redis queue (distributed runner, src/queue)
 *   serve    HTTP API + web page over the queue (src/server)
 */
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { availableParallelism } from 'node:os';
import { planDocumentJsonSchema } from '../schema/plan-document.ts';
import { parseFormats, type ExportFormat } from '../export/index.ts';

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number ≥ 1');
  return n;
}

function formatList(value: string): ExportFormat[] {
  try {
    const formats = parseFormats(value);
    return formats.includes('json') ? formats : ['json', ...formats];
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message);
  }
}

function toneStyle(value: string): 'classic' | 'modern' {
  if (value !== 'classic' && value !== 'modern') throw new InvalidArgumentError('expected "classic" (hòa, thủy) or "modern" (hoà, thuỷ)');
  return value;
}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('sohoa')
    .description('Scanned Vietnamese government plans → clean text and structured data (PlanDocument JSON, Markdown, CSV, XLSX)')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)');

  program
    .command('ingest')
    .description('run the pipeline in process over PDFs, images (PNG, JPEG, TIFF) and OCR text files (.txt); folders are searched recursively')
    .argument('<paths...>', 'files or folders')
    .requiredOption('-o, --out <dir>', 'output folder: <dir>/NAME.json plus the other formats')
    .option('-f, --format <list>', 'comma-separated formats: json,md,csv,xlsx (json is always written)', formatList, ['json'] as ExportFormat[])
    .option('-c, --concurrency <n>', 'documents in flight at once', positiveInt, 1)
    .option('--workers <n>', 'OCR processes (one tesseract worker each)', positiveInt, availableParallelism())
    .option('--dpi <n>', 'render resolution for scanned pages', positiveInt, 300)
    .option('--tone-style <style>', 'tone-mark placement written: classic (hòa, thủy) or modern (hoà, thuỷ)', toneStyle, 'classic')
    .option('--overlay <file>', 'a user overlay model made by `sohoa dict learn`')
    .option('--force', 'process inputs again even when their output is up to date', false)
    .option('--queue', 'enqueue on Redis (REDIS_URL, files kept in SOHOA_STORAGE) for `sohoa worker`s instead of running in process, and follow progress until done', false)
    .action(async (paths: string[], opts) => {
      if (opts.queue) {
        const { runQueueIngestCommand } = await import('./queue-ingest.ts');
        process.exitCode = await runQueueIngestCommand(paths, opts);
        return;
      }
      const { runIngestCommand } = await import('./ingest.ts');
      process.exitCode = await runIngestCommand(paths, opts);
    });

  program
    .command('restore')
    .description('restore Vietnamese OCR text read on stdin; writes the same number of lines on stdout')
    .option('--tone-style <style>', 'tone-mark placement written: classic (hòa, thủy) or modern (hoà, thuỷ)', toneStyle, 'classic')
    .option('--overlay <file>', 'a user overlay model made by `sohoa dict learn`')
    .option('--changes', 'write the changed tokens as JSON lines on stderr', false)
    .action(async (opts) => {
      const { runRestoreCommand } = await import('./restore.ts');
      process.exitCode = await runRestoreCommand(opts);
    });

  program
    .command('schema')
    .description('print the JSON Schema of PlanDocument (schema version 1)')
    .action(() => {
      process.stdout.write(JSON.stringify(planDocumentJsonSchema(), null, 2) + '\n');
    });

  const dict = program.command('dict').description('user dictionaries and language-model overlays');
  dict
    .command('learn')
    .description("build an overlay model from a folder of the user's clean texts (.txt) or born-digital PDFs")
    .argument('<folder>', 'folder of clean documents')
    .requiredOption('-o, --out <file>', 'overlay file to write (use it with --overlay)')
    .action(async (folder: string, opts: { out: string }) => {
      const { runDictLearnCommand } = await import('./dict.ts');
      process.exitCode = await runDictLearnCommand(folder, opts);
    });

  program
    .command('worker')
    .description('take document and page jobs from Redis (REDIS_URL) until SIGTERM; files are read from and results written to SOHOA_STORAGE')
    .option('--redis-url <url>', 'Redis to connect to (default: $REDIS_URL or redis://127.0.0.1:6379)')
    .option('--storage <dir>', 'storage folder shared with the API server (default: $SOHOA_STORAGE or .sohoa/storage)')
    .option('-c, --concurrency <n>', 'documents assembled at once (restore, extract, export in worker threads)', positiveInt, 1)
    .option('--ocr-threads <n>', 'OCR processes (one tesseract worker each), and page jobs read at once', positiveInt, availableParallelism())
    .option('--overlay <file>', 'a user overlay model made by `sohoa dict learn`')
    .option('--name <name>', 'worker name shown in the dashboard')
    .option('--no-warm', 'load the language model, OCR model and page process on the first job that needs them, not at start')
    .option('--quiet', 'no JSON event lines on stdout', false)
    .action(async (opts) => {
      const { runWorkerCommand } = await import('./worker.ts');
      process.exitCode = await runWorkerCommand(opts);
    });

  program
    .command('serve')
    .description('HTTP API, web page and queue dashboard (/admin/queues) over the Redis queue; run `sohoa worker`s beside it')
    .option('--redis-url <url>', 'Redis to connect to (default: $REDIS_URL or redis://127.0.0.1:6379)')
    .option('--storage <dir>', 'storage folder shared with the workers (default: $SOHOA_STORAGE or .sohoa/storage)')
    .option('-p, --port <n>', 'port (default: $PORT or 8080)', positiveInt)
    .option('--host <host>', 'address to listen on (default: $HOST or 127.0.0.1)')
    .option('--api-key <key>', 'require this key on every API call (default: $SOHOA_API_KEY; none = open)')
    .option('--batch-root <dir>', 'folder under which POST /batches may name folders (default: $SOHOA_BATCH_ROOT; none = ZIP uploads only)')
    .option('--max-upload-mb <n>', 'largest file accepted (default: $SOHOA_MAX_UPLOAD_MB or 100)', positiveInt)
    .option('--with-worker', 'also run a worker in this process (one machine, no separate `sohoa worker`)', false)
    .action(async (opts) => {
      const { runServeCommand } = await import('./serve.ts');
      process.exitCode = await runServeCommand(opts);
    });

  return program;
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  program.exitOverride();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    process.stderr.write(`sohoa: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}
