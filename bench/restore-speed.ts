/**
 * Run by bench/restore.ts in a process of its own, as a worker holds the restorer (the bench's
 * own process also holds a UD-only model and several restorers, whose caches the collector
 * would walk): restoration speed on one core, the held-out stripped documents restored one by
 * one as the pipeline restores them. First a restorer restores the development documents (the
 * compiler warms up, as in a worker after its first documents); then
 *   batch:  that restorer goes on with the held-out documents (its caches hold other documents' words);
 *   cold:   a fresh restorer (empty caches) restores them;
 *   steady: the fresh restorer restores them again (every word met before).
 * Prints JSON: syllables, and wall and CPU seconds of each run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRestorer, loadModels } from '../src/restore/restorer.ts';
import { stripDiacritics } from '../src/text/vietnamese.ts';
import { tokensOf } from './accuracy.ts';

const root = new URL('..', import.meta.url).pathname;
const read = (p: string) => readFileSync(p, 'utf8').normalize('NFC');
const split = JSON.parse(read(join(root, 'dictionaries/corpus/split.json'))) as { heldOut: string[]; dev: string[] };
const docsOf = (files: string[]) => files.map((f) => read(join(root, 'dictionaries/corpus/admin', f)).split('\n').map(stripDiacritics));
const heldOut = docsOf(split.heldOut);
const syllables = heldOut.reduce((a, d) => a + d.reduce((b, l) => b + tokensOf(l).length, 0), 0);

const timed = (restorer: { restoreLines(lines: string[]): unknown }) => {
  const t = performance.now();
  const cpu0 = process.cpuUsage();
  for (const d of heldOut) restorer.restoreLines(d);
  return { secs: (performance.now() - t) / 1000, cpu: process.cpuUsage(cpu0).user / 1e6 };
};

const models = loadModels();
const worker = createRestorer(models);
for (const d of docsOf(split.dev)) worker.restoreLines(d);
const batch = timed(worker);
const fresh = createRestorer(models);
const cold = timed(fresh);
const steady = timed(fresh);
console.log(JSON.stringify({ syllables, batch, cold, steady }));
