/** Writes the requested export formats of one PlanDocument next to each other. */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PlanDocument } from '../schema/plan-document.ts';
import { exportTables } from './tables.ts';
import { tableToCsv } from './csv.ts';
import { planToMarkdown } from './markdown.ts';
import { planToXlsx } from './xlsx.ts';

export const EXPORT_FORMATS = ['json', 'md', 'csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function parseFormats(list: string): ExportFormat[] {
  const formats = list.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  for (const f of formats) {
    if (!(EXPORT_FORMATS as readonly string[]).includes(f)) {
      throw new Error(`unknown format "${f}": choose from ${EXPORT_FORMATS.join(', ')}`);
    }
  }
  return [...new Set(formats)] as ExportFormat[];
}

/** Atomic write: a reader never sees half a file. */
async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, path);
}

/** Renders all formats in memory (used by the HTTP API too). */
export async function renderExports(doc: PlanDocument, formats: readonly ExportFormat[]) {
  const tables = exportTables(doc);
  const files: { suffix: string; data: string | Uint8Array }[] = [];
  for (const format of formats) {
    if (format === 'json') files.push({ suffix: '.json', data: JSON.stringify(doc, null, 2) + '\n' });
    if (format === 'md') files.push({ suffix: '.md', data: planToMarkdown(doc, tables) });
    if (format === 'xlsx') files.push({ suffix: '.xlsx', data: await planToXlsx(doc, tables) });
    if (format === 'csv') for (const t of tables) files.push({ suffix: `.${t.name}.csv`, data: tableToCsv(t) });
  }
  return files;
}

/** Writes `<outDir>/<baseName><suffix>` for every file; JSON last, since its presence marks "done". */
export async function writeExports(doc: PlanDocument, outDir: string, baseName: string, formats: readonly ExportFormat[]): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const files = await renderExports(doc, formats);
  files.sort((a, b) => Number(a.suffix === '.json') - Number(b.suffix === '.json'));
  const written: string[] = [];
  for (const f of files) {
    const path = join(outDir, baseName + f.suffix);
    await writeAtomic(path, f.data);
    written.push(path);
  }
  return written;
}
