/**
 * User overlays (`sohoa dict learn <folder>`): a small trigram model built from an office's own
 * clean documents — plain text files or born-digital PDFs, whose text layers carry correct
 * diacritics — that `restore` and `ingest` mix into the base model (`--overlay FILE`). Local
 * names and phrases a general model lacks are exactly what such files hold.
 */
import { readdir, readFile, writeFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { buildKneserNey, codePartsCited, lmToken, textToSentences, wordTokens } from './lm-build.ts';
import { NgramModel } from './lm.ts';
import { isValidSyllable } from './syllables.ts';
import { decodeTextBytes } from './encodings.ts';

export interface OverlaySummary {
  documents: number;
  syllables: number;
  skipped: { file: string; reason: string }[];
}

/** Text of a PDF's born-digital pages (scanned pages are skipped: their OCR text is not clean). */
async function pdfText(path: string, bytes: Uint8Array): Promise<string> {
  const { PageReader } = await import('../pdf/index.ts');
  const reader = await PageReader.open(bytes, path, { dpi: 150, maxPixels: 4_000_000 });
  const pages: string[] = [];
  try {
    for (let n = 1; n <= reader.total; n++) {
      const page = await reader.page(n);
      if (page.kind !== 'born-digital') continue;
      pages.push(page.lines.map((l) => l.words.map((w) => w.text).join(' ')).join('\n'));
    }
  } finally {
    await reader.close();
  }
  return pages.join('\n\n');
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else if (e.isFile()) out.push(p);
  }
  return out.sort();
}

/** Builds the overlay model from every .txt/.md/.pdf under `folder` and writes it to `outFile`. */
export async function learnOverlay(folder: string, outFile: string): Promise<OverlaySummary> {
  if (!(await stat(folder).catch(() => null))?.isDirectory()) throw new Error(`${folder}: not a folder`);
  const summary: OverlaySummary = { documents: 0, syllables: 0, skipped: [] };
  const sentences: string[][] = [];
  const forms = new Map<string, Map<string, number>>();
  const codeParts = new Set<string>();
  for (const file of await walk(folder)) {
    const ext = extname(file).toLowerCase();
    if (!['.txt', '.md', '.pdf'].includes(ext)) continue;
    let text: string;
    try {
      const bytes = new Uint8Array(await readFile(file));
      text = ext === '.pdf' ? await pdfText(file, bytes) : decodeTextBytes(bytes).text;
    } catch (err) {
      summary.skipped.push({ file, reason: (err as Error).message });
      continue;
    }
    if (!text.trim()) {
      summary.skipped.push({ file, reason: 'no clean text (a scanned PDF without a text layer?)' });
      continue;
    }
    summary.documents++;
    for (const s of textToSentences(text)) {
      sentences.push(s);
      summary.syllables += s.length;
    }
    for (const part of codePartsCited(text)) codeParts.add(part);
    for (const raw of wordTokens(text)) {
      if (/^\d/.test(raw)) continue;
      const lower = lmToken(raw);
      if (isValidSyllable(lower)) continue;
      const m = forms.get(lower) ?? new Map<string, number>();
      m.set(raw, (m.get(raw) ?? 0) + 1);
      forms.set(lower, m);
    }
  }
  if (!sentences.length) throw new Error(`${folder}: no clean text found in .txt, .md or born-digital .pdf files`);
  const tables = buildKneserNey({ sentences, unigramMix: [0.95, 0, 0.05] });
  const written = Object.fromEntries([...forms].map(([lower, m]) => [lower, [...m].sort((a, b) => b[1] - a[1])[0][0]]));
  await writeFile(outFile, NgramModel.serialise(tables, { kind: 'sohoa-overlay', forms: written, codeParts: [...codeParts], documents: summary.documents }));
  return summary;
}
