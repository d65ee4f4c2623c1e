/**
 * What travels through Redis: small job payloads and results, validated with zod where they are
 * written (enqueue, processor return) and where they are read (processor start, status). File
 * bytes never travel: they sit in the storage folder and jobs carry their relative path.
 */
import { z } from 'zod';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 in lower-case hex');
/** A path relative to the storage folder, never leaving it. */
const StoredPath = z
  .string()
  .min(1)
  .refine((p) => !p.startsWith('/') && !p.split('/').includes('..'), 'a path inside the storage folder');

/** Options a user may set per run (the API and `sohoa ingest --queue` accept them). */
export const RunOptions = z
  .object({
    toneStyle: z.enum(['classic', 'modern']).optional(),
    dpi: z.number().int().min(50).max(600).optional(),
  })
  .strict();
export type RunOptions = z.infer<typeof RunOptions>;

export const DocumentJobData = z.object({
  documentId: Sha256,
  runId: z.string().min(1),
  fileName: z.string().min(1),
  storedPath: StoredPath,
  pipeline: z.string().min(1),
  options: RunOptions,
  /** Step of the parent job: "plan" fans pages out, "assemble" restores, extracts, exports. */
  step: z.enum(['plan', 'assemble']).default('plan'),
  pageCount: z.number().int().min(0).optional(),
  parts: z.array(z.object({ from: z.number().int().min(1), to: z.number().int().min(1) })).optional(),
  submittedAt: z.number(),
});
export type DocumentJobData = z.input<typeof DocumentJobData>;

export const PageJobData = z.object({
  documentId: Sha256,
  runId: z.string().min(1),
  fileName: z.string().min(1),
  storedPath: StoredPath,
  from: z.number().int().min(1),
  to: z.number().int().min(1),
  total: z.number().int().min(1),
  /** The page copied out of the PDF (relative storage path), when the file could be split. */
  pageFile: StoredPath.optional(),
  options: RunOptions,
});
export type PageJobData = z.infer<typeof PageJobData>;

export const PageFailure = z.object({ page: z.number().int().nullable(), reason: z.string() });
export type PageFailure = z.infer<typeof PageFailure>;

export const PageJobResult = z.object({
  from: z.number().int(),
  to: z.number().int(),
  partPath: StoredPath,
  failures: z.array(PageFailure),
  confidence: z.number().nullable(),
});
export type PageJobResult = z.infer<typeof PageJobResult>;

export const DocumentJobResult = z.object({
  documentId: Sha256,
  runId: z.string(),
  pageCount: z.number().int(),
  failures: z.array(PageFailure),
  resultDir: StoredPath,
  files: z.array(z.string()),
  warnings: z.number().int(),
  ms: z.number(),
});
export type DocumentJobResult = z.infer<typeof DocumentJobResult>;

/** Parent job progress, as `job.progress`. */
export const DocumentProgress = z.object({
  step: z.enum(['plan', 'ocr', 'assemble', 'done']),
  pagesTotal: z.number().int().nullable(),
  pagesDone: z.number().int(),
});
export type DocumentProgress = z.infer<typeof DocumentProgress>;
