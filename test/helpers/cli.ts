/**
 * Runs the real `sohoa` command as a child process (`node bin/sohoa.js …` in the repository
 * root), the way a user does: stdin and stdout are pipes, so the CLI sees no TTY.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = join(ROOT, 'bin', 'sohoa.js');
export const SAMPLES = join(ROOT, 'samples', 'ocr-text');
export const SCHEMA_FILE = join(ROOT, 'schema', 'plan-document.schema.json');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** stdout as raw bytes (for byte-exact checks). */
  stdoutBytes: Buffer;
  /** The process was killed because it ran longer than `timeoutMs`. */
  timedOut: boolean;
  ms: number;
}

export interface CliOptions {
  /** Bytes or text written to stdin (stdin is closed right after). */
  input?: string | Uint8Array;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Kill the process after this long (default 60 s); the result says `timedOut`. */
  timeoutMs?: number;
}

export function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  return runProcess(process.execPath, [BIN, ...args], options);
}

function runProcess(command: string, args: string[], options: CliOptions = {}): Promise<CliResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? 60_000);
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const stdoutBytes = Buffer.concat(out);
      resolve({
        code,
        signal,
        stdout: stdoutBytes.toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        stdoutBytes,
        timedOut,
        ms: Date.now() - started,
      });
    });
    // A process that exits before reading all of stdin must not fail the test with EPIPE.
    child.stdin.on('error', () => {});
    child.stdin.end(options.input ?? '');
  });
}

/** Is util-linux `script` here, to run the CLI on a pseudo-terminal? */
export function hasScriptCommand(): boolean {
  return spawnSync('script', ['--version'], { stdio: 'ignore' }).status === 0;
}

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * Runs the CLI on a pseudo-terminal (util-linux `script`): stdout and stderr are TTYs and both
 * end up in the result's `stdout` (the terminal transcript). With `stdoutFile`, the CLI's stdout
 * goes to that file instead, so only stderr is a TTY (like `sohoa ingest … | jq` in a terminal).
 */
export function runCliOnTty(args: string[], options: { stdoutFile?: string; timeoutMs?: number } = {}): Promise<CliResult> {
  const command =
    [process.execPath, BIN, ...args].map(shellQuote).join(' ') + (options.stdoutFile ? ` > ${shellQuote(options.stdoutFile)}` : '');
  return runProcess('script', ['-qec', command, '/dev/null'], { timeoutMs: options.timeoutMs, env: { COLUMNS: '120', LINES: '40' } });
}

/** Lines of stdout parsed as JSON (the non-TTY progress protocol of `sohoa ingest`). */
export function jsonLines<T = Record<string, unknown>>(stdout: string): T[] {
  return stdout
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}

/** A fresh temporary folder under os.tmpdir(); remove it with `removeTempDir`. */
export function makeTempDir(prefix = 'sohoa-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeTempDir(dir: string | undefined): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
}

/** Readable summary of a run, for assertion messages. */
export function describeRun(r: CliResult): string {
  return `exit ${r.code}${r.signal ? ` (${r.signal})` : ''}${r.timedOut ? ' TIMED OUT' : ''} after ${r.ms} ms\n--- stderr:\n${r.stderr.slice(0, 4000)}\n--- stdout:\n${r.stdout.slice(0, 2000)}`;
}
