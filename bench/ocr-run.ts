/**
 * One speed or memory run of the OCR benchmark (bench/ocr.ts), in a process of its own:
 * `node --import tsx bench/ocr-run.ts '<RunSpec as JSON>'` prints a RunResult as JSON. It loads
 * only what a host reading scans loads (src/ocr), so that its CPU time and memory are that host's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OcrPool, readScannedFile } from '../src/ocr/index.ts';
import { pageProcessPid } from '../src/pdf/index.ts';

const SCANS = new URL('../samples/scans', import.meta.url).pathname;

export interface RunSpec {
  file: string;
  workers: number;
  /** Pages (as they complete) at which resident memory is recorded; every page when `every`. */
  every?: boolean;
}

export interface RunResult {
  pages: number;
  failures: number;
  seconds: number;
  hostCpu: number;
  pageProcessCpu: number;
  /** CPU seconds of the OCR processes (those replaced during the run included). */
  ocrCpu: number;
  /** Resident memory in MB after each completed page: [page, host, page process, OCR processes]. */
  rss: Array<[number, number, number, number]>;
  /** Seconds from the start of the read to each page's completion, in completion order. */
  done: number[];
}

function procStat(pid: number): { cpu: number; rssMb: number } {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return { cpu: (Number(f[11]) + Number(f[12])) / 100, rssMb: (Number(f[21]) * 4096) / 2 ** 20 };
  } catch {
    return { cpu: 0, rssMb: 0 };
  }
}

/** CPU seconds of this process's children that have ended (and been waited for). */
function endedChildrenCpu(): number {
  const f = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  return (Number(f[13]) + Number(f[14])) / 100;
}

async function runOnce(spec: RunSpec): Promise<RunResult> {
  const pool = new OcrPool({ size: spec.workers });
  // Warm up: workers started, models loaded, wasm compiled, the page process running.
  await readScannedFile(join(SCANS, 'cv-kiem-ke-tai-san-phong-tai-chinh.pdf'), { pool });
  const pid = pageProcessPid();
  const p0 = pid ? procStat(pid).cpu : 0;
  // The OCR processes running now end during or after the run: their CPU so far is not the run's.
  const o0 = endedChildrenCpu() + pool.pids.reduce((s, p) => s + procStat(p).cpu, 0);
  const c0 = process.cpuUsage();
  const rss: RunResult['rss'] = [];
  const done: number[] = [];
  const t0 = performance.now();
  const { pages, failures } = await readScannedFile(spec.file, {
    pool,
    onPage: ({ page }) => {
      done.push((performance.now() - t0) / 1000);
      if (!spec.every) return;
      const child = pageProcessPid();
      const ocr = pool.pids.reduce((s, p) => s + procStat(p).rssMb, 0);
      rss.push([page, process.memoryUsage().rss / 2 ** 20, child ? procStat(child).rssMb : 0, ocr]);
    },
  });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(c0);
  const pageProcessCpu = pid ? procStat(pid).cpu - p0 : 0;
  await pool.close();
  const ocrCpu = endedChildrenCpu() - o0;
  return { pages: pages.length, failures: failures.length, seconds, hostCpu: (cpu.user + cpu.system) / 1e6, pageProcessCpu, ocrCpu, rss, done };
}

const self = `file://${process.argv[1]}`;
if (import.meta.url === self) console.log(JSON.stringify(await runOnce(JSON.parse(process.argv[2]) as RunSpec)));
