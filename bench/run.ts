/**
 * `npm run bench`: runs every benchmark section and writes BENCHMARKS.md. Sections whose module
 * is missing or fails say so instead of stopping the others.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv.slice(2);

const sections: { name: string; load: () => Promise<() => Promise<string>> }[] = [
  { name: 'restore', load: async () => (await import('./restore.ts')).benchRestore },
  { name: 'ocr', load: async () => (await import('./ocr.ts')).benchOcr },
  { name: 'extract', load: async () => (await import('./extract.ts')).benchExtract },
  { name: 'queue', load: async () => (await import('./queue.ts')).benchQueue },
];

const parts: string[] = [
  '# Benchmarks',
  '',
  `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}; machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}.`,
  '',
];
for (const s of sections) {
  if (only.length && !only.includes(s.name)) continue;
  const started = Date.now();
  try {
    const run = await s.load();
    parts.push(await run());
  } catch (err) {
    parts.push(`## ${s.name}\n\nNot measured: ${err instanceof Error ? err.message : String(err)}\n`);
  }
  console.error(`bench ${s.name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
writeFileSync(`${root}/BENCHMARKS.md`, parts.join('\n'));
console.log(parts.join('\n'));
