/**
 * Extract stage: the restored document tree → the structured fields of PlanDocument
 * (metadata, legal bases, sections, deadlines, targets, tasks, tables). Pure functions over the
 * tree; every doubt is a vfile message (`extract:<rule>`). Each extractor lives in its own file:
 *
 *   lines.ts        the tree as a flat list of lines with page/line/block
 *   text.ts         folding, paragraphs with a character → line map
 *   metadata.ts     header, signer, recipients
 *   sections.ts     heading tree (and the outline other extractors read)
 *   legal-bases.ts  cited documents
 *   grids.ts        tables (tree tables and `a | b` text tables) as cells with refs
 *   loose-tables.ts task tables whose cells OCR wrote one block each (no columns left)
 *   interleaved-rows.ts  task-table rows whose cells OCR interleaved on shared lines
 *   deadlines.ts    time limits (dates, ranges, periods, recurrences, Thường xuyên)
 *   tasks.ts        responsibility matrix (tables, labelled fields, unit paragraphs, "Giao …")
 *   targets.ts      quantified targets (prose and tables)
 */
import type { VFile } from 'vfile';
import type { PlanDocument } from '../schema/plan-document.ts';
import type { DocumentRoot } from '../tree/types.ts';
import { documentLines } from './lines.ts';
import { extractMetadataDetailed } from './metadata.ts';
import { tablesFromGrids } from './tables.ts';
import { paragraphs } from './text.ts';
import { buildOutline, extractSections } from './sections.ts';
import { extractLegalBases } from './legal-bases.ts';
import { findGrids } from './grids.ts';
import { findLooseTaskGrids } from './loose-tables.ts';
import { extractTasksDetailed } from './tasks.ts';
import { extractDeadlines } from './deadlines.ts';
import { extractTargets } from './targets.ts';

export type Extraction = Pick<PlanDocument, 'metadata' | 'legalBases' | 'sections' | 'deadlines' | 'targets' | 'tasks' | 'tables'>;

export function emptyExtraction(): Extraction {
  return {
    metadata: {
      docType: null,
      number: null,
      symbol: null,
      issuedDate: null,
      place: null,
      issuer: null,
      parentIssuer: null,
      title: null,
      signer: { name: null, title: null, authority: null },
      recipients: [],
    },
    legalBases: [],
    sections: [],
    deadlines: [],
    targets: [],
    tasks: [],
    tables: [],
  };
}

export function extractPlan(tree: DocumentRoot, file?: VFile): Extraction {
  const lines = documentLines(tree);
  const out = emptyExtraction();
  const { metadata, headerEnd, closingStart } = extractMetadataDetailed(lines, file);
  out.metadata = metadata;

  const paras = paragraphs(lines);
  // Paragraph index where the body starts (after type and title) and where the closing block starts.
  const lineIndex = new Map(lines.map((l, i) => [l, i]));
  const paraStartLine = paras.map((p) => lineIndex.get(p.lines[0]) ?? 0);
  const bodyStart = Math.max(0, paraStartLine.findIndex((i) => i > headerEnd));
  const closingPara = paraStartLine.findIndex((i) => i >= closingStart);
  // The year a time written without one is in: the document's own, or the next year when the title says the
  // document is for it ("Kế hoạch … năm 2026" signed on 15/12/2025).
  const issuedYear = metadata.issuedDate ? Number(metadata.issuedDate.slice(0, 4)) : null;
  // (Not the horizon of "giai đoạn từ nay đến hết năm 2026".)
  const titleYears = [...(metadata.title ?? '').matchAll(/(?<!(?:đến|hết|tới|den|het|toi)\s+)\b(?:năm|nam)\s+(\d{4})\b(?!\s*[-–]\s*\d)/giu)].map((m) => Number(m[1]));
  // So does a period that opens the next year ("Nghị quyết … giai đoạn 2025 - 2030" passed on 11/12/2024): its yearly days
  // ("trước ngày 30 tháng 9 hằng năm") come first in 2025.
  const periodStarts = [...(metadata.title ?? '').matchAll(/\b(?:giai đoạn|giai doan)\s+(?:từ\s+)?(?:năm\s+)?(\d{4})\s*[-–]\s*(?:năm\s+)?\d{4}\b/giu)].map((m) => Number(m[1]));
  const next = issuedYear !== null && ((titleYears.length === 1 && titleYears[0] === issuedYear + 1) || (!titleYears.length && periodStarts.length === 1 && periodStarts[0] === issuedYear + 1));
  const year = next && issuedYear !== null ? issuedYear + 1 : issuedYear;

  const outline = buildOutline(paras, bodyStart);
  out.sections = extractSections(outline, paras, file);
  const { legalBases, citations } = extractLegalBases(paras, { number: metadata.number, symbol: metadata.symbol }, file);
  out.legalBases = legalBases;
  // The closing block (Nơi nhận, signature) runs until the next heading (an appendix) or the end.
  const closing = closingPara < 0 ? paras.length : closingPara;
  const nextHeading = outline.headings.find((h) => h.para > closing);
  const closingEnd = nextHeading ? nextHeading.para : paras.length;
  const grids = findGrids(tree, paras);
  grids.push(...findLooseTaskGrids(paras, bodyStart, grids.length, file));
  out.tables = tablesFromGrids(grids);
  const ctx = { paras, outline, citations, bodyStart, closing, closingEnd, year, issued: metadata.issuedDate, title: metadata.title, grids, file };
  const tasks = extractTasksDetailed(ctx);
  out.tasks = tasks.tasks;
  out.deadlines = extractDeadlines({ ...ctx, tasks });
  out.targets = extractTargets({ ...ctx, tasks });
  return out;
}
