/**
 * Extract stage: the restored document tree → the structured fields of PlanDocument
 * (metadata, legal bases, sections, deadlines, targets, tasks, tables). Pure functions over the
 * tree; every doubt is a vfile message. Each extractor lives in its own file here.
 */
import type { VFile } from 'vfile';
import type { PlanDocument } from '../schema/plan-document.ts';
import type { DocumentRoot } from '../tree/types.ts';
import { documentLines } from './lines.ts';
import { extractMetadata } from './metadata.ts';
import { extractTables } from './tables.ts';

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
  out.metadata = extractMetadata(lines, file);
  out.tables = extractTables(tree);
  return out;
}
