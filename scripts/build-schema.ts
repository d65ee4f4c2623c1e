/**
 * Writes `schema/plan-document.schema.json`, the published JSON Schema (draft 2020-12) of
 * PlanDocument, from its zod source in `src/schema/plan-document.ts`.
 * `test/schema-drift.test.ts` fails when the committed file differs from what this writes.
 *
 * Usage: npm run build:schema
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { planDocumentJsonSchema } from '../src/schema/plan-document.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SCHEMA_PATH = join(root, 'schema', 'plan-document.schema.json');

/** The exact text of the committed file: pretty JSON with a trailing newline. */
function schemaFileText(): string {
  return JSON.stringify(planDocumentJsonSchema(), null, 2) + '\n';
}

mkdirSync(dirname(SCHEMA_PATH), { recursive: true });
writeFileSync(SCHEMA_PATH, schemaFileText());
process.stderr.write(`wrote ${relative(process.cwd(), SCHEMA_PATH) || SCHEMA_PATH}\n`);
