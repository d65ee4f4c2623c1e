/**
 * The storage folder shared by the API server, the workers and `sohoa ingest --queue`: what users
 * submitted is kept here, content-addressed, and never changed; jobs carry relative paths.
 *
 *   originals/<sha[0:2]>/<sha256>/<file name>   the submitted bytes, exactly
 *   parts/<run id>/pages-<from>-<to>.json       pages read by page jobs, waiting to be assembled
 *   results/<run id>/document.{json,md,xlsx}    the exports of one run (+ document.<table>.csv)
 *   tmp/                                        files being written (renamed into place)
 *
 * Every write goes to tmp/ first and is renamed into place, so a reader (or a worker killed
 * half-way) never leaves or sees half a file.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { access, copyFile, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { once } from 'node:events';
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';

export interface StoredFile {
  sha256: string;
  /** Relative to the storage folder. */
  storedPath: string;
  fileName: string;
  size: number;
}

/** Thrown when a stream is longer than the size limit. */
export class TooLargeError extends Error {
  constructor(
    readonly fileName: string,
    readonly limit: number,
  ) {
    super(`${fileName}: file is larger than the limit of ${formatBytes(limit)}`);
  }
}

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(n % (1024 * 1024) ? 1 : 0)} MB` : `${Math.ceil(n / 1024)} KB`;
}

/**
 * A file name safe to keep on disk and show back: the last path segment, NFC, no control
 * characters or separators, at most 150 characters (extension kept).
 */
export function safeFileName(name: string): string {
  const last = name.normalize('NFC').split(/[\\/]/).pop() ?? '';
  let clean = last.replace(/[\u0000-\u001f\u007f]/g, '').replace(/^\.+/, '').trim();
  if (!clean) clean = 'document';
  if (clean.length > 150) {
    const ext = extname(clean).slice(0, 10);
    clean = clean.slice(0, 150 - ext.length) + ext;
  }
  return clean;
}

export class Storage {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  /** Absolute path of a relative storage path, refusing any that would leave the folder. */
  path(rel: string): string {
    const abs = resolve(this.root, rel);
    if (abs !== this.root && !abs.startsWith(this.root + sep)) throw new Error(`${rel}: outside the storage folder`);
    return abs;
  }

  rel(abs: string): string {
    return relative(this.root, abs).split(sep).join('/');
  }

  private async tmpPath(): Promise<string> {
    const dir = join(this.root, 'tmp');
    await mkdir(dir, { recursive: true });
    return join(dir, `${process.pid}-${randomBytes(6).toString('hex')}.part`);
  }

  /** Writes a file atomically (tmp + rename). */
  async writeAtomic(rel: string, data: string | Uint8Array): Promise<string> {
    const target = this.path(rel);
    await mkdir(dirname(target), { recursive: true });
    const tmp = await this.tmpPath();
    try {
      await writeFile(tmp, data);
      await rename(tmp, target);
    } catch (error) {
      await rm(tmp, { force: true });
      throw error;
    }
    return target;
  }

  async writeJson(rel: string, value: unknown): Promise<string> {
    return this.writeAtomic(rel, JSON.stringify(value));
  }

  async readJson<T = unknown>(rel: string): Promise<T> {
    return JSON.parse(await readFile(this.path(rel), 'utf8')) as T;
  }

  async exists(rel: string): Promise<boolean> {
    try {
      await access(this.path(rel));
      return true;
    } catch {
      return false;
    }
  }

  originalDir(sha256: string): string {
    return `originals/${sha256.slice(0, 2)}/${sha256}`;
  }

  /**
   * Stores a stream content-addressed: hashed while it is written to tmp/, then moved under its
   * sha256. The same bytes stored twice keep the first copy (and its name).
   */
  async putStream(stream: Readable, fileName: string, maxBytes = Infinity): Promise<StoredFile> {
    const name = safeFileName(fileName);
    const tmp = await this.tmpPath();
    const hash = createHash('sha256');
    const out = createWriteStream(tmp);
    let size = 0;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        size += chunk.length;
        // Past the limit the rest is read and dropped: the stream may be one part of a multipart
        // upload, whose other parts must still be read.
        if (size > maxBytes) continue;
        hash.update(chunk);
        if (!out.write(chunk)) await once(out, 'drain');
      }
      out.end();
      await finished(out);
    } catch (error) {
      out.destroy();
      await rm(tmp, { force: true });
      throw error;
    }
    if (size > maxBytes) {
      await rm(tmp, { force: true });
      throw new TooLargeError(name, maxBytes);
    }
    return this.adopt(tmp, hash.digest('hex'), name, size);
  }

  async putBytes(bytes: Uint8Array, fileName: string): Promise<StoredFile> {
    const name = safeFileName(fileName);
    const tmp = await this.tmpPath();
    await writeFile(tmp, bytes);
    return this.adopt(tmp, createHash('sha256').update(bytes).digest('hex'), name, bytes.byteLength);
  }

  /** Stores a copy of a file on disk (the original is only read). */
  async putFile(path: string, fileName = basename(path)): Promise<StoredFile> {
    return this.putStream(createReadStream(path), fileName);
  }

  /**
   * Moves a hashed temp file under its sha256. The folder `originals/…/<sha>` appears in one
   * rename (of a staging folder holding the file), so of two writers of the same bytes exactly
   * one wins and the other finds its copy.
   */
  private async adopt(tmp: string, sha256: string, name: string, size: number): Promise<StoredFile> {
    const dir = this.originalDir(sha256);
    const existing = await this.findOriginal(sha256);
    if (existing) {
      await rm(tmp, { force: true });
      return { ...existing, size };
    }
    const staging = `${tmp}.d`;
    await mkdir(staging);
    await rename(tmp, join(staging, name));
    await mkdir(dirname(this.path(dir)), { recursive: true });
    try {
      await rename(staging, this.path(dir));
    } catch (error) {
      await rm(staging, { recursive: true, force: true });
      const code = (error as NodeJS.ErrnoException).code;
      const winner = code === 'EEXIST' || code === 'ENOTEMPTY' ? await this.findOriginal(sha256) : null;
      if (!winner) throw error;
      return { ...winner, size };
    }
    return { sha256, storedPath: `${dir}/${name}`, fileName: name, size };
  }

  /** The stored original of a document, if any. */
  async findOriginal(sha256: string): Promise<StoredFile | null> {
    const dir = this.originalDir(sha256);
    try {
      const [name] = (await readdir(this.path(dir))).filter((f) => !f.startsWith('.'));
      if (!name) return null;
      const info = await stat(this.path(`${dir}/${name}`));
      return { sha256, storedPath: `${dir}/${name}`, fileName: name, size: info.size };
    } catch {
      return null;
    }
  }

  partsDir(runId: string): string {
    return `parts/${runId}`;
  }

  resultDir(runId: string): string {
    return `results/${runId}`;
  }

  /** Files of a finished run (empty when the run has no result yet: document.json comes last). */
  async resultFiles(runId: string): Promise<string[]> {
    const dir = this.resultDir(runId);
    if (!(await this.exists(`${dir}/document.json`))) return [];
    return (await readdir(this.path(dir))).filter((f) => f.startsWith('document.')).sort();
  }

  async copyOut(rel: string, target: string): Promise<void> {
    await mkdir(dirname(target), { recursive: true });
    const tmp = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    await copyFile(this.path(rel), tmp);
    await rename(tmp, target);
  }

  async remove(rel: string): Promise<void> {
    await rm(this.path(rel), { recursive: true, force: true });
  }

  /** Removes files left in tmp/ by writers that died (older than `olderThanMs`). */
  async sweepTmp(olderThanMs = 24 * 3600_000): Promise<void> {
    const dir = join(this.root, 'tmp');
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      return;
    }
    const now = Date.now();
    for (const n of names) {
      const p = join(dir, n);
      const info = await stat(p).catch(() => null);
      if (info && now - info.mtimeMs > olderThanMs) await rm(p, { force: true, recursive: true });
    }
  }
}
