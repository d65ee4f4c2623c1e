/** `sohoa restore`: stdin → stdout, exactly one output line per input line (endings kept as they were). */
import { loadRestorer } from '../restore/restorer.ts';
import { decodeTextBytes } from '../restore/encodings.ts';

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

export async function runRestoreCommand(opts: { toneStyle: 'classic' | 'modern'; overlay?: string; changes: boolean }): Promise<number> {
  const { text } = decodeTextBytes(await readStdin());
  const restorer = loadRestorer({ toneStyle: opts.toneStyle, overlayPath: opts.overlay });
  // Split keeping each line's own ending, so CRLF, LF, CR and a missing final newline survive.
  const parts = text.split(/(\r\n|\n|\r)/);
  const lines = parts.filter((_, i) => i % 2 === 0);
  // All lines at once: the diacritic evidence is the whole text's, the LM context runs across lines.
  const results = restorer.restoreLines(lines);
  const out: string[] = [];
  results.forEach((result, k) => {
    out.push(result.text, parts[2 * k + 1] ?? '');
    if (opts.changes && result.changes.length) {
      process.stderr.write(JSON.stringify({ line: k + 1, changes: result.changes }) + '\n');
    }
  });
  process.stdout.write(out.join(''));
  return 0;
}
