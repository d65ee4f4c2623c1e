/**
 * The published JSON Schema (schema/plan-document.schema.json) cannot drift from its zod source:
 * it must be byte for byte what `npm run build:schema` writes now, and what `sohoa schema` prints.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { PlanDocument, SCHEMA_VERSION, planDocumentJsonSchema } from '../src/schema/plan-document.ts';
import { SCHEMA_FILE, describeRun, runCli } from './helpers/cli.ts';

const committed = readFileSync(SCHEMA_FILE, 'utf8');
const generated = JSON.stringify(planDocumentJsonSchema(), null, 2) + '\n';

describe('schema/plan-document.schema.json', () => {
  it('equals what planDocumentJsonSchema() produces now (run `npm run build:schema` after changing the zod source)', () => {
    // Compare parsed first for a readable diff, then the exact text (formatting, final newline).
    expect(JSON.parse(committed)).toEqual(JSON.parse(generated));
    expect(committed).toBe(generated);
  });

  it('is a valid draft 2020-12 schema that describes PlanDocument version 1', () => {
    const schema = JSON.parse(committed);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toMatch(/plan-document\/1\.json$/);
    expect(schema.title).toBe('PlanDocument');
    expect(schema.properties.schemaVersion.const).toBe(SCHEMA_VERSION);
    // Every top-level field of the zod object is published, and required.
    const fields = Object.keys(PlanDocument.shape).sort();
    expect(Object.keys(schema.properties).sort()).toEqual(fields);
    expect([...schema.required].sort()).toEqual(fields);
    expect(schema.additionalProperties).toBe(false);

    const ajv = new Ajv2020({ strict: true });
    expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
    expect(() => ajv.compile(schema)).not.toThrow();
  });

  it('`sohoa schema` prints the committed file exactly', async () => {
    const r = await runCli(['schema']);
    expect(r.code, describeRun(r)).toBe(0);
    expect(r.stdout).toBe(committed);
    expect(r.stderr).toBe('');
  }, 60_000);
});
