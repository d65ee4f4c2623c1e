/**
 * A real redis-server for one test file: a free loopback port, a temp folder, AOF on (fsync at
 * every write, so a restart loses nothing), no RDB snapshots. `restart()` stops it cleanly and
 * starts it again on the same port and folder; `stop()` stops it and removes the folder.
 * Needs the Debian package redis-server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestRedis {
  url: string;
  port: number;
  dir: string;
  /** Stops the server (SHUTDOWN-like SIGTERM: AOF flushed); resolves when it exited. */
  halt(): Promise<void>;
  /** Starts it again on the same port and folder (after halt()). */
  start(): Promise<void>;
  restart(pauseMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const sock = connect(port, '127.0.0.1');
      sock.once('connect', () => {
        sock.destroy();
        resolve();
      });
      sock.once('error', () => {
        sock.destroy();
        if (Date.now() > until) reject(new Error(`redis-server did not listen on ${port}`));
        else setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

export async function startRedis(): Promise<TestRedis> {
  const dir = await mkdtemp(join(tmpdir(), 'sohoa-redis-'));
  const port = await freePort();
  let proc: ChildProcess | null = null;
  const start = async () => {
    proc = spawn(
      'redis-server',
      [
        '--port', String(port),
        '--bind', '127.0.0.1',
        '--dir', dir,
        '--appendonly', 'yes',
        '--appendfsync', 'always',
        '--save', '',
        '--daemonize', 'no',
        '--protected-mode', 'yes',
        '--loglevel', 'warning',
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    await waitForPort(port, 10_000);
  };
  const halt = async () => {
    const p = proc;
    proc = null;
    if (!p || p.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      p.once('exit', () => resolve());
      p.kill('SIGTERM');
    });
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    halt,
    start,
    async restart(pauseMs = 1_000) {
      await halt();
      await new Promise((r) => setTimeout(r, pauseMs));
      await start();
    },
    async stop() {
      await halt();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
