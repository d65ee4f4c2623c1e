/**
 * Run by bench/restore.ts in a process of its own: loads the restorer, restores the held-out
 * documents (stripped) and the seeds' OCR text, and prints the resident memory in MB — what a
 * worker restoring documents holds, without the benchmark's other models.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadRestorer } from '../src/restore/restorer.ts';
import { stripDiacritics } from '../src/text/vietnamese.ts';

const root = new URL('..', import.meta.url).pathname;
const read = (p: string) => readFileSync(p, 'utf8').normalize('NFC');
const restorer = loadRestorer();
const split = JSON.parse(read(join(root, 'dictionaries/corpus/split.json'))) as { heldOut: string[] };
for (const f of split.heldOut) restorer.restoreLines(read(join(root, 'dictionaries/corpus/admin', f)).split('\n').map(stripDiacritics));
for (const f of readdirSync(join(root, '../shared/seeds'))) {
  const p = join(root, '../shared/seeds', f);
  if (existsSync(p) && f.endsWith('.txt')) restorer.restoreLines(read(p).split('\n'));
}
console.log(JSON.stringify({ rssMB: process.memoryUsage().rss / 1e6 }));
