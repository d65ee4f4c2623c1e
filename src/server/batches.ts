/**
 * Batch inputs: a folder under the configured batch root, or an uploaded ZIP. Both are read into
 * the storage folder file by file; anything that would reach outside — `..`, absolute paths,
 * symbolic links, ZIP entries named so — is refused with the offending name, before any file is
 * stored or enqueued.
 */
import { lstat, readdir, realpath } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import yauzl from 'yauzl';
import { pipelineFor } from '../../pipelines/index.ts';
import { EXTENSIONS_ACCEPTED, type Storage, type StoredFile } from '../queue/index.ts';

/** A request problem to report to the user with an HTTP status. */
export class BatchError extends Error {
  constructor(
    message: string,
    readonly statusCode = 400,
  ) {
    super(message);
  }
}

export interface BatchFile {
  /** Path inside the folder or ZIP, shown to the user. */
  name: string;
  stored: StoredFile;
}

export interface BatchRead {
  files: BatchFile[];
  rejected: { fileName: string; reason: string }[];
}

const within = (root: string, path: string) => path === root || path.startsWith(root + sep);

/** Resolves `folder` under `root`, refusing names that leave it (also through symbolic links). */
export async function resolveBatchFolder(root: string, folder: string): Promise<string> {
  if (!folder || isAbsolute(folder) || folder.split(/[\\/]/).includes('..')) {
    throw new BatchError(`folder "${folder}": give a path relative to the batch root, without ".."`);
  }
  const realRoot = await realpath(root);
  let real: string;
  try {
    real = await realpath(resolve(realRoot, folder));
  } catch {
    throw new BatchError(`folder "${folder}": no such folder under the batch root`, 404);
  }
  if (!within(realRoot, real)) throw new BatchError(`folder "${folder}": leaves the batch root`);
  const info = await lstat(real);
  if (!info.isDirectory()) throw new BatchError(`folder "${folder}": not a folder`);
  return real;
}

/** Stores every file of a folder (recursively, hidden files and symbolic links skipped). */
export async function readBatchFolder(dir: string, storage: Storage, maxBytes: number, maxFiles: number): Promise<BatchRead> {
  const out: BatchRead = { files: [], rejected: [] };
  const walk = async (d: string): Promise<void> => {
    const entries = await readdir(d, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const p = join(d, e.name);
      const name = relative(dir, p).split(sep).join('/');
      if (e.isSymbolicLink()) {
        out.rejected.push({ fileName: name, reason: 'symbolic links are not followed' });
      } else if (e.isDirectory()) {
        await walk(p);
      } else if (e.isFile()) {
        if (!pipelineFor(e.name)) {
          out.rejected.push({ fileName: name, reason: `unsupported file type: expected ${EXTENSIONS_ACCEPTED}` });
          continue;
        }
        if (out.files.length >= maxFiles) throw new BatchError(`more than ${maxFiles} files in one batch`, 413);
        const info = await lstat(p);
        if (info.size > maxBytes) {
          out.rejected.push({ fileName: name, reason: `larger than the limit of ${Math.round(maxBytes / 1024 / 1024)} MB` });
          continue;
        }
        out.files.push({ name, stored: await storage.putFile(p, e.name) });
      }
    }
  };
  await walk(dir);
  return out;
}

/** Why a ZIP entry name is refused, or null when it stays inside the folder. */
export function unsafeEntryName(name: string): string | null {
  if (name.includes('\\')) return 'contains a backslash';
  if (/^[a-zA-Z]:/.test(name) || name.startsWith('/')) return 'is an absolute path';
  if (name.split('/').includes('..')) return 'leaves the folder ("..")';
  if (name.includes('\u0000')) return 'contains a NUL character';
  return null;
}

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

/**
 * Stores the files of a ZIP. Every entry is checked first: one escaping entry refuses the whole
 * archive. Sizes are bounded per file and in total (ZIP bombs).
 */
export async function readBatchZip(zipPath: string, storage: Storage, limits: { maxBytes: number; maxFiles: number; maxTotalBytes: number }): Promise<BatchRead> {
  const open = () => yauzl.openPromise(zipPath, { lazyEntries: true, autoClose: false, decodeStrings: true, strictFileNames: true, validateEntrySizes: true });
  let zip: yauzl.ZipFile;
  try {
    zip = await open();
  } catch (error) {
    throw new BatchError(`not a readable ZIP file: ${(error as Error).message}`);
  }
  const out: BatchRead = { files: [], rejected: [] };
  try {
    let total = 0;
    let count = 0;
    const wanted: yauzl.Entry[] = [];
    try {
      for await (const entry of zip.eachEntry()) {
        const name = entry.fileName;
        const why = unsafeEntryName(name);
        if (why) throw new BatchError(`ZIP entry "${name}" ${why}: the archive is refused`);
        if (((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK) throw new BatchError(`ZIP entry "${name}" is a symbolic link: the archive is refused`);
        if (name.endsWith('/')) continue;
        const base = name.split('/').pop()!;
        if (base.startsWith('.') || name.split('/').some((s) => s === '__MACOSX')) continue;
        if (!pipelineFor(base)) {
          out.rejected.push({ fileName: name, reason: `unsupported file type: expected ${EXTENSIONS_ACCEPTED}` });
          continue;
        }
        if (entry.isEncrypted()) {
          out.rejected.push({ fileName: name, reason: 'encrypted ZIP entry' });
          continue;
        }
        if (entry.uncompressedSize > limits.maxBytes) {
          out.rejected.push({ fileName: name, reason: `larger than the limit of ${Math.round(limits.maxBytes / 1024 / 1024)} MB` });
          continue;
        }
        total += entry.uncompressedSize;
        if (++count > limits.maxFiles) throw new BatchError(`more than ${limits.maxFiles} files in one batch`, 413);
        if (total > limits.maxTotalBytes) throw new BatchError(`the archive unpacks to more than ${Math.round(limits.maxTotalBytes / 1024 / 1024)} MB`, 413);
        wanted.push(entry);
      }
    } catch (error) {
      if (error instanceof BatchError) throw error;
      const message = (error as Error).message;
      // yauzl checks names itself before handing an entry over: keep its verdict, name the entry.
      const named = /^(invalid relative path|absolute path|invalid characters in fileName): (.*)$/.exec(message);
      if (named) throw new BatchError(`ZIP entry "${named[2]}" ${unsafeEntryName(named[2]) ?? 'has an invalid name'}: the archive is refused`);
      throw new BatchError(`ZIP file refused: ${message}`);
    }
    for (const entry of wanted) {
      const stream = await zip.openReadStreamPromise(entry);
      const stored = await storage.putStream(stream, entry.fileName.split('/').pop()!, limits.maxBytes);
      out.files.push({ name: entry.fileName, stored });
    }
  } finally {
    zip.close();
  }
  return out;
}
