/**
 * Tuning on the development split only (documents numbered 3, 13, 23 …, never trained on):
 * syllable accuracy of restoring their diacritic-stripped text. Usage, after a build:
 *   node --import tsx scripts/tune-restore.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRestorer } from '../src/restore/restorer.ts';
import { stripDiacritics } from '../src/text/vietnamese.ts';
import { emptyReport, pct, scoreLines } from '../bench/accuracy.ts';

const root = new URL('..', import.meta.url).pathname;
const split = JSON.parse(readFileSync(join(root, 'dictionaries/corpus/split.json'), 'utf8')) as { dev: string[] };
const restorer = loadRestorer();
const report = emptyReport();
for (const f of split.dev) {
  const gold = readFileSync(join(root, 'dictionaries/corpus/admin', f), 'utf8').normalize('NFC').split('\n');
  const input = gold.map(stripDiacritics);
  scoreLines(input, restorer.restoreLines(input).map((r) => r.text), gold, report);
}
console.log(`dev (${split.dev.length} docs, ${report.goldTokens} syllables): ${pct(report.matched, report.goldTokens)}, broken ${report.broken}`);
