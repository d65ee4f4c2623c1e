/**
 * PlanDocument, schema version "1": the public output contract of sohoa.
 * Field names are what other systems import: keep them stable, version any change.
 * Types are inferred from these zod schemas; the JSON Schema in `schema/plan-document.schema.json`
 * is generated from them (`npm run build:schema`).
 */
import { z } from 'zod';

export const SCHEMA_VERSION = '1' as const;

export const PageKind = z.enum(['born-digital', 'scanned', 'ocr-text']);

/** Where an item was found: page (1-based), line in the page's text (1-based), table cell. */
export const SourceRef = z
  .object({
    page: z.number().int().min(1).nullable(),
    line: z.number().int().min(1).nullable(),
    table: z.number().int().min(0).nullable().optional(),
    row: z.number().int().min(0).nullable().optional(),
    column: z.number().int().min(0).nullable().optional(),
  })
  .describe('Where the item was found in the document');

export const Source = z.object({
  fileName: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  pageCount: z.number().int().min(0),
  pages: z.array(
    z.object({
      number: z.number().int().min(1),
      kind: PageKind,
      confidence: z.number().min(0).max(1).nullable(),
    }),
  ),
});

export const Signer = z.object({
  name: z.string().nullable(),
  title: z.string().nullable(),
  authority: z.string().nullable().describe('TM., KT., Q., TL., TUQ. …'),
});

export const Recipient = z.object({
  name: z.string(),
  purpose: z.string().nullable().describe('e.g. "b/c" (báo cáo), "t/h" (thực hiện)'),
});

export const Metadata = z.object({
  docType: z.string().nullable().describe('KẾ HOẠCH, QUYẾT ĐỊNH, BÁO CÁO, CÔNG VĂN, …'),
  number: z.string().nullable(),
  symbol: z.string().nullable().describe('e.g. KH-UBND'),
  issuedDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  place: z.string().nullable(),
  issuer: z.string().nullable(),
  parentIssuer: z.string().nullable(),
  title: z.string().nullable(),
  signer: Signer,
  recipients: z.array(Recipient),
});

export const LegalBasis = z.object({
  docType: z.string().nullable(),
  number: z.string().nullable(),
  symbol: z.string().nullable(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  issuer: z.string().nullable(),
  text: z.string(),
  ref: SourceRef.optional(),
});

export type SectionT = {
  label: string;
  heading: string;
  ref?: z.infer<typeof SourceRef>;
  children: SectionT[];
};
export const Section: z.ZodType<SectionT> = z.lazy(() =>
  z.object({
    label: z.string().describe('I, 1, a, 1.1, Phụ lục I …'),
    heading: z.string(),
    ref: SourceRef.optional(),
    children: z.array(Section),
  }),
);

export const Deadline = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().describe('ISO date, or null when not a single day'),
  endDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().optional(),
  text: z.string().describe('as written'),
  context: z.string().describe('what is due'),
  responsible: z.string().nullable().optional(),
  recurrence: z.string().nullable().describe('when periodic: e.g. "monthly", "every 10 days"'),
  ref: SourceRef.optional(),
});

export const TargetValue = z.object({
  text: z.string().describe('as written'),
  number: z.number().nullable(),
  unit: z.string().nullable(),
  comparator: z.enum(['>=', '<=', '=', '>', '<']).nullable(),
});

export const Target = z.object({
  indicator: z.string(),
  value: TargetValue,
  baseline: z.string().nullable(),
  period: z.string().nullable(),
  responsible: z.string().nullable(),
  ref: SourceRef.optional(),
});

export const Task = z.object({
  task: z.string(),
  lead: z.string().nullable().describe('chủ trì: the unit that leads'),
  cooperating: z.array(z.string()).describe('phối hợp: units that cooperate'),
  deadline: z.string().nullable(),
  product: z.string().nullable(),
  ref: SourceRef.optional(),
});

export const Table = z.object({
  page: z.number().int().min(1).nullable(),
  position: z
    .object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() })
    .nullable()
    .describe('in page pixels, when known'),
  rows: z.array(z.array(z.string())),
});

export const Warning = z.object({
  message: z.string(),
  source: z.string().describe('the stage that reported it, e.g. "restore:low-confidence"'),
  page: z.number().int().nullable(),
  line: z.number().int().nullable(),
  column: z.number().int().nullable(),
});

export const Correction = z.object({
  page: z.number().int().nullable(),
  line: z.number().int(),
  column: z.number().int().describe('1-based column of the token in the original line'),
  original: z.string(),
  restored: z.string(),
  confidence: z.number().min(0).max(1),
  alternatives: z.array(z.string()),
});

export const Quality = z.object({
  ocrConfidence: z.number().min(0).max(1).nullable().describe('mean word confidence of OCR pages'),
  worstPageConfidence: z.number().min(0).max(1).nullable(),
  restoreConfidence: z.number().min(0).max(1).nullable(),
  corrections: z.array(Correction),
  warnings: z.array(Warning),
});

export const PlanDocument = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  pipeline: z.object({ name: z.string(), version: z.string() }),
  source: Source,
  metadata: Metadata,
  legalBases: z.array(LegalBasis),
  sections: z.array(Section),
  deadlines: z.array(Deadline),
  targets: z.array(Target),
  tasks: z.array(Task),
  tables: z.array(Table),
  text: z.object({ restored: z.string(), original: z.string() }),
  quality: Quality,
});

export type PlanDocument = z.infer<typeof PlanDocument>;
export type Metadata = z.infer<typeof Metadata>;
export type LegalBasis = z.infer<typeof LegalBasis>;
export type Deadline = z.infer<typeof Deadline>;
export type Target = z.infer<typeof Target>;
export type Task = z.infer<typeof Task>;
export type Table = z.infer<typeof Table>;
export type Warning = z.infer<typeof Warning>;
export type Correction = z.infer<typeof Correction>;
export type SourceRef = z.infer<typeof SourceRef>;
export type PageKind = z.infer<typeof PageKind>;

/** JSON Schema (draft 2020-12) of PlanDocument, generated from the zod source. */
export function planDocumentJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(PlanDocument, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    $id: 'https://sohoa.invalid/schema/plan-document/1.json',
    title: 'PlanDocument',
    description: 'A Vietnamese administrative document (plan, decision, report…) extracted by sohoa, schema version 1',
    ...schema,
  };
}
