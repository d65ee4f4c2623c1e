/**
 * Renders the sample documents (documents.ts) to samples/scans/: scanned-looking PDFs (one JPEG
 * page image per page at 300/200/150 dpi with skew, noise, blur, a red seal) and one born-digital
 * PDF with a real text layer, each with its gold text (<id>.gold.txt, pages separated by a form
 * feed line) and gold pages and table cells (<id>.gold.json); manifest.json lists them and marks
 * the held-out ones. With --fixtures, also writes the small test fixtures to test/fixtures/scans/.
 *
 *   node --import tsx scripts/render-samples/index.ts [--fixtures]
 *
 * Needs Liberation Serif (Debian: fonts-liberation2). Output is deterministic.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { typeset, type DocumentSpec, type Gold } from './draw.ts';
import {
  ALL,
  decisionDisasterPlan,
  decisionWorkingGroup,
  letterInventory,
  planCultureWeek,
  planDigitalTransformation,
  planEpidemicPrevention,
  planLegalEducation,
  planNewCountryside,
  reportAdminReform,
} from './documents.ts';
import { scanLook, type ScanLook } from './degrade.ts';
import { CanvasSurface, PdfSurface } from './surfaces.ts';
import type { Block } from './draw.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const OUT = join(ROOT, 'samples/scans');
// Gold text and cells are evaluation data: they live with the other gold, not among the inputs.
const GOLD = join(ROOT, 'bench/gold/scans');
const FIXTURES = join(ROOT, 'test/fixtures/scans');

export interface ManifestEntry {
  file: string;
  id: string;
  kind: 'scanned' | 'born-digital';
  pages: number;
  dpi: number | null;
  look: Omit<ScanLook, 'stamp' | 'seed'> & { stamp: boolean } | null;
  heldOut: boolean;
  goldText: string;
  goldJson: string;
}

interface ScanJob {
  doc: DocumentSpec;
  dpi: number;
  look: Omit<ScanLook, 'stamp'>;
  stamp?: string;
  heldOut: boolean;
}

const JOBS: ScanJob[] = [
  {
    doc: planDigitalTransformation,
    dpi: 300,
    look: { skewDegrees: 0.7, noise: 6, blur: 1, speckles: 15, jpegQuality: 35, paper: 246, seed: 1 },
    stamp: 'ỦY BAN NHÂN DÂN HUYỆN AN LẠC',
    heldOut: false,
  },
  {
    doc: decisionDisasterPlan,
    dpi: 200,
    look: { skewDegrees: -1.8, noise: 9, blur: 1, speckles: 40, jpegQuality: 45, paper: 240, seed: 2 },
    stamp: 'ỦY BAN NHÂN DÂN XÃ TÂN PHÚ',
    heldOut: false,
  },
  {
    doc: planLegalEducation,
    dpi: 150,
    look: { skewDegrees: 2.6, noise: 12, blur: 0, speckles: 80, jpegQuality: 50, paper: 236, seed: 3 },
    heldOut: true,
  },
  {
    doc: planNewCountryside,
    dpi: 300,
    look: { skewDegrees: 1.1, noise: 7, blur: 1, speckles: 25, jpegQuality: 40, paper: 244, seed: 4 },
    stamp: 'ỦY BAN NHÂN DÂN XÃ BÌNH AN',
    heldOut: false,
  },
  {
    doc: letterInventory,
    dpi: 150,
    look: { skewDegrees: -0.6, noise: 8, blur: 0, speckles: 50, jpegQuality: 45, paper: 240, seed: 5 },
    heldOut: false,
  },
  // Held out (added with the table work of issue 4): never used to tune anything.
  {
    doc: reportAdminReform,
    dpi: 200,
    look: { skewDegrees: -0.9, noise: 8, blur: 1, speckles: 30, jpegQuality: 40, paper: 242, seed: 9 },
    stamp: 'ỦY BAN NHÂN DÂN XÃ MỸ HÒA',
    heldOut: true,
  },
  {
    doc: planEpidemicPrevention,
    dpi: 300,
    look: { skewDegrees: 1.4, noise: 6, blur: 1, speckles: 20, jpegQuality: 35, paper: 245, seed: 10 },
    stamp: 'ỦY BAN NHÂN DÂN HUYỆN ĐÔNG SƠN',
    heldOut: true,
  },
  {
    doc: decisionWorkingGroup,
    dpi: 150,
    look: { skewDegrees: -2.1, noise: 10, blur: 0, speckles: 60, jpegQuality: 50, paper: 238, seed: 11 },
    stamp: 'ỦY BAN NHÂN DÂN PHƯỜNG TÂN AN',
    heldOut: true,
  },
];

export async function renderScan(doc: DocumentSpec, dpi: number, look: Omit<ScanLook, 'stamp'>, stamp?: string): Promise<{ pdf: Uint8Array; jpegs: Uint8Array[]; gold: Gold }> {
  const surface = new CanvasSurface(dpi);
  const gold = typeset(doc, surface);
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const jpegs: Uint8Array[] = [];
  for (let i = 0; i < surface.pages.length; i++) {
    const at = (gold.pages[i] as { signatureAt?: { x: number; y: number } }).signatureAt;
    const k = dpi / 25.4;
    const jpeg = await scanLook(surface.pages[i], dpi, {
      ...look,
      seed: look.seed * 100 + i,
      stamp: stamp && at ? { x: (at.x - 14) * k, y: at.y * k, text: stamp } : undefined,
    });
    jpegs.push(jpeg);
    const img = await pdf.embedJpg(jpeg);
    const page = pdf.addPage([595.28, 841.89]);
    page.drawImage(img, { x: 0, y: 0, width: 595.28, height: 841.89 });
  }
  for (const p of gold.pages) delete (p as { signatureAt?: unknown }).signatureAt;
  return { pdf: await pdf.save(), jpegs, gold };
}

export async function renderBornDigital(doc: DocumentSpec): Promise<{ pdf: Uint8Array; gold: Gold }> {
  const surface = await PdfSurface.create();
  const gold = typeset(doc, surface);
  for (const p of gold.pages) delete (p as { signatureAt?: unknown }).signatureAt;
  return { pdf: await surface.doc.save(), gold };
}

function goldText(gold: Gold): string {
  return gold.pages.map((p) => p.lines.join('\n')).join('\n\f\n') + '\n';
}

function writeGold(dir: string, id: string, gold: Gold): void {
  writeFileSync(join(dir, `${id}.gold.txt`), goldText(gold));
  writeFileSync(join(dir, `${id}.gold.json`), JSON.stringify(gold, null, 1) + '\n');
}

/** A short one-page document for the tests: header, title, a paragraph, a 3-row task table. */
export const FIXTURE_DOC: DocumentSpec = {
  id: 'fixture',
  blocks: planDigitalTransformation.blocks.filter((b: Block, i: number) => i <= 6 || b.kind === 'table').map((b: Block) =>
    b.kind === 'table' ? { ...b, rows: b.rows.slice(0, 2) } : b,
  ),
};

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  mkdirSync(GOLD, { recursive: true });
  const manifest: ManifestEntry[] = [];
  for (const job of JOBS) {
    const { pdf, gold } = await renderScan(job.doc, job.dpi, job.look, job.stamp);
    const file = `${job.doc.id}.pdf`;
    writeFileSync(join(OUT, file), pdf);
    writeGold(GOLD, job.doc.id, gold);
    const { seed: _seed, ...look } = job.look;
    manifest.push({
      file,
      id: job.doc.id,
      kind: 'scanned',
      pages: gold.pages.length,
      dpi: job.dpi,
      look: { ...look, stamp: Boolean(job.stamp) },
      heldOut: job.heldOut,
      goldText: `../../bench/gold/scans/${job.doc.id}.gold.txt`,
      goldJson: `../../bench/gold/scans/${job.doc.id}.gold.json`,
    });
    console.log(`${file}: ${gold.pages.length} page(s), ${Math.round(pdf.length / 1024)} KB`);
  }
  const born = await renderBornDigital(planCultureWeek);
  const bornFile = `${planCultureWeek.id}.pdf`;
  writeFileSync(join(OUT, bornFile), born.pdf);
  writeGold(GOLD, planCultureWeek.id, born.gold);
  manifest.push({
    file: bornFile,
    id: planCultureWeek.id,
    kind: 'born-digital',
    pages: born.gold.pages.length,
    dpi: null,
    look: null,
    heldOut: false,
    goldText: `../../bench/gold/scans/${planCultureWeek.id}.gold.txt`,
    goldJson: `../../bench/gold/scans/${planCultureWeek.id}.gold.json`,
  });
  console.log(`${bornFile}: born-digital, ${Math.round(born.pdf.length / 1024)} KB`);
  writeFileSync(join(OUT, 'manifest.json'), JSON.stringify({ documents: manifest }, null, 2) + '\n');
  void ALL;

  if (process.argv.includes('--fixtures')) {
    mkdirSync(FIXTURES, { recursive: true });
    // A scanned page as JPEG (200 dpi, light skew and noise) and the same page as a 150 dpi PDF.
    const jpg = await renderScan(FIXTURE_DOC, 200, { skewDegrees: 1.2, noise: 2, blur: 1, speckles: 10, jpegQuality: 45, paper: 245, seed: 7 });
    writeFileSync(join(FIXTURES, 'plan-page.jpg'), jpg.jpegs[0]);
    writeGold(FIXTURES, 'plan-page', jpg.gold);
    const pdf = await renderScan(FIXTURE_DOC, 150, { skewDegrees: 0, noise: 0, blur: 0, speckles: 0, jpegQuality: 50, paper: 252, seed: 8 });
    writeFileSync(join(FIXTURES, 'plan-page-150dpi.pdf'), pdf.pdf);
    const born = await renderBornDigital(FIXTURE_DOC);
    writeFileSync(join(FIXTURES, 'plan-page-born-digital.pdf'), born.pdf);
    writeGold(FIXTURES, 'plan-page-born-digital', born.gold);
    console.log('fixtures written');
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
