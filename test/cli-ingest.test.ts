/**
 * `sohoa ingest` end to end, as a process: outputs per input, JSON valid against the committed
 * JSON Schema, skip/force, failures that never stop the others, the non-TTY protocol, --help and
 * argument errors.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import type { Command } from 'commander';
import { PlanDocument } from '../src/schema/plan-document.ts';
import { buildProgram } from '../src/cli/main.ts';
import {
  SAMPLES,
  SCHEMA_FILE,
  describeRun,
  hasScriptCommand,
  jsonLines,
  makeTempDir,
  removeTempDir,
  runCli,
  runCliOnTty,
  type CliResult,
} from './helpers/cli.ts';
import type { IngestOutcome } from '../src/ingest/index.ts';

const TIMEOUT = 120_000;

type Outcome = IngestOutcome;

const sampleFiles = readdirSync(SAMPLES)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const names = sampleFiles.map((f) => basename(f, '.txt'));

function schemaValidator(): ValidateFunction {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  return ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));
}

function readJson(path: string): PlanDocument {
  return JSON.parse(readFileSync(path, 'utf8')) as PlanDocument;
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('sohoa ingest samples/ocr-text (json, md, csv, xlsx)', () => {
  let tmp: string;
  let out: string;
  let first: CliResult;
  const validate = schemaValidator();

  beforeAll(async () => {
    tmp = makeTempDir();
    out = join(tmp, 'out');
    first = await runCli(['ingest', SAMPLES, '--out', out, '--format', 'json,md,csv,xlsx']);
  }, TIMEOUT);
  afterAll(() => removeTempDir(tmp));

  it('has at least three OCR-text samples to work on', () => {
    expect(sampleFiles.length).toBeGreaterThanOrEqual(3);
  });

  it('exits 0 and reports every document done, one JSON line each (stdout is not a TTY)', () => {
    expect(first.code, describeRun(first)).toBe(0);
    const lines = first.stdout.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(sampleFiles.length);
    const outcomes = lines.map((l) => JSON.parse(l) as Outcome);
    expect(outcomes.map((o) => basename(o.file)).sort()).toEqual(sampleFiles);
    for (const o of outcomes) {
      expect(o.status, JSON.stringify(o)).toBe('done');
      expect(o.failures).toEqual([]);
      expect(o.pages).toBe(1);
      expect(typeof o.ms).toBe('number');
      for (const p of o.outputs) expect(existsSync(p), p).toBe(true);
    }
    expect(first.stderr).toMatch(new RegExp(`${sampleFiles.length} done, 0 skipped \\(up to date\\), 0 failed`));
  });

  it('writes NAME.json, NAME.md, NAME.xlsx and a CSV per table for every input, and nothing else', () => {
    const expected: string[] = [];
    for (const name of names) {
      const doc = readJson(join(out, `${name}.json`));
      expected.push(`${name}.json`, `${name}.md`, `${name}.xlsx`);
      for (const t of ['tasks', 'targets', 'deadlines', 'legal-bases']) expected.push(`${name}.${t}.csv`);
      doc.tables.forEach((_, i) => expected.push(`${name}.table-${i + 1}.csv`));
    }
    // No temporary files left behind by the atomic writes.
    expect(readdirSync(out).sort()).toEqual(expected.sort());
    for (const f of expected) expect(statSync(join(out, f)).size, f).toBeGreaterThan(0);
  });

  it('writes JSON that validates against the committed schema/plan-document.schema.json', () => {
    for (const name of names) {
      const doc = readJson(join(out, `${name}.json`));
      const ok = validate(doc);
      expect(ok, `${name}.json: ${JSON.stringify(validate.errors, null, 2)}`).toBe(true);
      // The zod source agrees.
      expect(() => PlanDocument.parse(doc)).not.toThrow();
    }
  });

  it('the validator is not vacuous: it rejects broken documents', () => {
    const doc = readJson(join(out, `${names[0]}.json`)) as unknown as Record<string, any>;
    const broken = [
      { ...doc, schemaVersion: '2' },
      { ...doc, metadata: undefined },
      { ...doc, source: { ...doc.source, sha256: 'not-a-hash' } },
      { ...doc, metadata: { ...doc.metadata, issuedDate: '18/02/2025' } },
      { ...doc, tasks: [{ task: 'x', lead: null, cooperating: 'A; B', deadline: null, product: null }] },
      { ...doc, unexpected: true },
    ];
    for (const b of broken) expect(validate(JSON.parse(JSON.stringify(b)))).toBe(false);
  });

  it('records the source and pipeline of each document', () => {
    for (const file of sampleFiles) {
      const doc = readJson(join(out, `${basename(file, '.txt')}.json`));
      expect(doc.schemaVersion).toBe('1');
      expect(doc.pipeline.name).toBe('ocr-text');
      expect(doc.source.fileName).toBe(file);
      expect(doc.source.sha256).toBe(sha256(join(SAMPLES, file)));
      expect(doc.source.pageCount).toBe(1);
      expect(doc.source.pages).toEqual([{ number: 1, kind: 'ocr-text', confidence: null }]);
      // The text is kept, restored and original, NFC, with the same number of lines.
      const original = readFileSync(join(SAMPLES, file), 'utf8');
      expect(doc.text.original.trim()).toBe(original.trim());
      expect(doc.text.restored.normalize('NFC')).toBe(doc.text.restored);
      expect(doc.text.restored.split('\n').length).toBe(doc.text.original.split('\n').length);
    }
  });

  it('reads the number, symbol and date of each sample (written in digits, independent of restoration)', () => {
    const byPrefix = (p: string) => readJson(join(out, `${names.find((n) => n.startsWith(p))}.json`)).metadata;
    expect(byPrefix('qd-')).toMatchObject({ number: '27', symbol: 'QĐ-UBND', issuedDate: '2025-02-18' });
    expect(byPrefix('bc-')).toMatchObject({ number: '112', symbol: 'BC-UBND', issuedDate: '2025-06-20' });
    expect(byPrefix('kh-')).toMatchObject({ number: '12', symbol: 'KH-UBND', issuedDate: '2025-01-09' });
  });

  it('finds tasks, targets, deadlines and legal bases in the samples', () => {
    for (const name of names) {
      const doc = readJson(join(out, `${name}.json`));
      expect(doc.tasks.length, name).toBeGreaterThan(0);
      expect(doc.targets.length, name).toBeGreaterThan(0);
      expect(doc.deadlines.length, name).toBeGreaterThan(0);
      expect(doc.legalBases.length, name).toBeGreaterThan(0);
      expect(doc.targets.some((t) => t.value.unit === '%'), name).toBe(true);
    }
  });

  it(
    'skips inputs already done on a second run, and --force processes them again',
    async () => {
      const jsonPath = join(out, `${names[0]}.json`);
      const before = readFileSync(jsonPath);
      const mtime = statSync(jsonPath).mtimeMs;

      const second = await runCli(['ingest', SAMPLES, '--out', out, '--format', 'json,md,csv,xlsx']);
      expect(second.code, describeRun(second)).toBe(0);
      const skipped = jsonLines<Outcome>(second.stdout);
      expect(skipped).toHaveLength(sampleFiles.length);
      for (const o of skipped) expect(o.status).toBe('skipped');
      expect(second.stderr).toMatch(new RegExp(`0 done, ${sampleFiles.length} skipped`));
      expect(statSync(jsonPath).mtimeMs).toBe(mtime);

      const forced = await runCli(['ingest', SAMPLES, '--out', out, '--format', 'json,md,csv,xlsx', '--force']);
      expect(forced.code, describeRun(forced)).toBe(0);
      const redone = jsonLines<Outcome>(forced.stdout);
      expect(redone).toHaveLength(sampleFiles.length);
      for (const o of redone) expect(o.status).toBe('done');
      expect(statSync(jsonPath).mtimeMs).toBeGreaterThanOrEqual(mtime);
      // Deterministic: the same input gives the same document.
      expect(readFileSync(jsonPath).equals(before)).toBe(true);
    },
    TIMEOUT,
  );
});

describe('sohoa ingest: what counts as up to date', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = makeTempDir();
  });
  afterAll(() => removeTempDir(tmp));

  it(
    'processes again only an input whose content changed, or whose JSON is missing',
    async () => {
      const input = join(tmp, 'in');
      const out = join(tmp, 'out');
      mkdirSync(input);
      for (const f of sampleFiles) copyFileSync(join(SAMPLES, f), join(input, f));
      const r1 = await runCli(['ingest', input, '--out', out]);
      expect(r1.code, describeRun(r1)).toBe(0);
      // json is always written, even when not asked for.
      for (const n of names) expect(existsSync(join(out, `${n}.json`))).toBe(true);

      const changed = sampleFiles[0];
      writeFileSync(join(input, changed), readFileSync(join(input, changed), 'utf8') + '\nPhy luc kém theo\n');
      const removed = names[1];
      const { rmSync } = await import('node:fs');
      rmSync(join(out, `${removed}.json`));

      const r2 = await runCli(['ingest', input, '--out', out]);
      expect(r2.code, describeRun(r2)).toBe(0);
      const status = Object.fromEntries(jsonLines<Outcome>(r2.stdout).map((o) => [basename(o.file), o.status]));
      expect(status[changed]).toBe('done');
      expect(status[`${removed}.txt`]).toBe('done');
      for (const f of sampleFiles.slice(2)) expect(status[f]).toBe('skipped');
      expect(readJson(join(out, `${basename(changed, '.txt')}.json`)).source.sha256).toBe(sha256(join(input, changed)));
    },
    TIMEOUT,
  );

  it(
    'mirrors sub-folders of an input folder in the output folder',
    async () => {
      const input = join(tmp, 'tree');
      mkdirSync(join(input, 'sub', 'deeper'), { recursive: true });
      copyFileSync(join(SAMPLES, sampleFiles[0]), join(input, 'sub', 'deeper', 'a.txt'));
      copyFileSync(join(SAMPLES, sampleFiles[1]), join(input, 'b.txt'));
      writeFileSync(join(input, 'sub', 'ignored.docx'), 'not an input');
      const out = join(tmp, 'tree-out');
      const r = await runCli(['ingest', input, '--out', out]);
      expect(r.code, describeRun(r)).toBe(0);
      expect(jsonLines(r.stdout)).toHaveLength(2);
      expect(existsSync(join(out, 'sub', 'deeper', 'a.json'))).toBe(true);
      expect(existsSync(join(out, 'b.json'))).toBe(true);
    },
    TIMEOUT,
  );
});

describe('sohoa ingest: failures', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = makeTempDir();
  });
  afterAll(() => removeTempDir(tmp));

  it(
    'a missing file, an unsupported type and a broken PDF fail by name; the other inputs are still written',
    async () => {
      const missing = join(tmp, 'khong-co.txt');
      const unsupported = join(tmp, 'ghi-chu.docx');
      const broken = join(tmp, 'hong.pdf');
      writeFileSync(unsupported, 'không phải đầu vào');
      writeFileSync(broken, 'this is not a PDF');
      const good = sampleFiles.map((f) => join(SAMPLES, f));
      const out = join(tmp, 'out');
      // The failures come first and in between, so a failure cannot stop what follows it.
      const r = await runCli(['ingest', missing, good[0], unsupported, broken, ...good.slice(1), '--out', out, '--workers', '1'], {
        timeoutMs: TIMEOUT,
      });
      expect(r.code, describeRun(r)).not.toBe(0);
      expect(r.code).not.toBeNull();

      const outcomes = jsonLines<Outcome>(r.stdout);
      expect(outcomes).toHaveLength(3 + good.length);
      const byFile = new Map(outcomes.map((o) => [o.file, o]));
      for (const bad of [missing, unsupported, broken]) {
        const o = byFile.get(bad);
        expect(o, bad).toBeDefined();
        expect(o!.status).toBe('failed');
        expect(o!.failures.length).toBeGreaterThan(0);
        expect(o!.failures[0].reason.length).toBeGreaterThan(0);
        // The failure list on stderr names the file.
        expect(r.stderr).toContain(bad);
      }
      expect(byFile.get(unsupported)!.failures[0].reason).toContain('.docx');
      for (const g of good) {
        expect(byFile.get(g)?.status).toBe('done');
        expect(existsSync(join(out, `${basename(g, '.txt')}.json`))).toBe(true);
      }
      expect(existsSync(join(out, 'hong.json'))).toBe(false);
      expect(r.stderr).toMatch(new RegExp(`${good.length} done, 0 skipped \\(up to date\\), 3 failed`));
      expect(r.stderr.match(/FAILED /g)).toHaveLength(3);
    },
    TIMEOUT,
  );

  it(
    'two inputs that would write the same output: the second one fails, the first is written',
    async () => {
      mkdirSync(join(tmp, 'x'));
      mkdirSync(join(tmp, 'y'));
      copyFileSync(join(SAMPLES, sampleFiles[0]), join(tmp, 'x', 'same.txt'));
      copyFileSync(join(SAMPLES, sampleFiles[1]), join(tmp, 'y', 'same.txt'));
      const out = join(tmp, 'clash');
      const r = await runCli(['ingest', join(tmp, 'x', 'same.txt'), join(tmp, 'y', 'same.txt'), '--out', out]);
      expect(r.code, describeRun(r)).toBe(1);
      expect(r.stderr).toContain(join(tmp, 'y', 'same.txt'));
      expect(readJson(join(out, 'same.json')).source.sha256).toBe(sha256(join(tmp, 'x', 'same.txt')));
    },
    TIMEOUT,
  );
});

describe('sohoa ingest: progress on a TTY, JSON lines when stdout is not one', () => {
  // Needs util-linux `script` for a pseudo-terminal; reported as skipped when it is missing.
  const tty = hasScriptCommand();
  let tmp: string;
  beforeAll(() => {
    tmp = makeTempDir();
  });
  afterAll(() => removeTempDir(tmp));

  it.skipIf(!tty)(
    'on a terminal: a progress bar and the summary, no JSON lines',
    async () => {
      const r = await runCliOnTty(['ingest', SAMPLES, '--out', join(tmp, 'tty')], { timeoutMs: TIMEOUT });
      expect(r.code, describeRun(r)).toBe(0);
      expect(r.stdout).toContain(`${sampleFiles.length}/${sampleFiles.length} documents`);
      expect(r.stdout).toContain(`${sampleFiles.length} done`);
      expect(r.stdout).not.toContain('{"file"');
      for (const n of names) expect(existsSync(join(tmp, 'tty', `${n}.json`))).toBe(true);
    },
    TIMEOUT,
  );

  it.skipIf(!tty)(
    'stdout piped while stderr is a terminal (`sohoa ingest … | jq`): still one JSON line per document on stdout',
    async () => {
      const stdoutFile = join(tmp, 'stdout.jsonl');
      const r = await runCliOnTty(['ingest', SAMPLES, '--out', join(tmp, 'piped')], { stdoutFile, timeoutMs: TIMEOUT });
      expect(r.code, describeRun(r)).toBe(0);
      const outcomes = jsonLines<Outcome>(readFileSync(stdoutFile, 'utf8'));
      expect(outcomes.map((o) => basename(o.file)).sort()).toEqual(sampleFiles);
    },
    TIMEOUT,
  );
});

describe('sohoa command line', () => {
  // Every command the program defines, now and later (sub-commands too).
  const paths = (cmd: Command, prefix: string[] = []): string[][] =>
    cmd.commands.flatMap((c) => [[...prefix, c.name()], ...paths(c, [...prefix, c.name()])]);
  const commands = [[], ...paths(buildProgram())];

  it('knows the documented commands', () => {
    const names = commands.map((c) => c.join(' '));
    for (const c of ['ingest', 'restore', 'schema', 'dict learn']) expect(names).toContain(c);
  });

  it.each(commands.map((c) => [c.join(' ') || '(top level)', c] as const))(
    '--help works on %s',
    async (_label, cmd) => {
      const r = await runCli([...cmd, '--help']);
      expect(r.code, describeRun(r)).toBe(0);
      expect(r.stdout).toContain(`Usage: sohoa${cmd.length ? ' ' + cmd.join(' ') : ''} [options]`);
      expect(r.stdout).toContain('--help');
    },
    TIMEOUT,
  );

  it(
    'the top-level help lists every command',
    async () => {
      const r = await runCli(['--help']);
      for (const c of buildProgram().commands.map((x) => x.name())) expect(r.stdout).toMatch(new RegExp(`^\\s+${c}\\b`, 'm'));
    },
    TIMEOUT,
  );

  it(
    'a bad --format is a clear error naming the format, and nothing is written',
    async () => {
      const tmp = makeTempDir();
      try {
        const out = join(tmp, 'out');
        const r = await runCli(['ingest', SAMPLES, '--out', out, '--format', 'json,pdf']);
        expect(r.code, describeRun(r)).not.toBe(0);
        expect(r.stderr).toContain('"pdf"');
        expect(r.stderr).toMatch(/json, md, csv, xlsx/);
        expect(r.stdout).toBe('');
        expect(existsSync(out)).toBe(false);
      } finally {
        removeTempDir(tmp);
      }
    },
    TIMEOUT,
  );

  it.each([
    ['ingest without --out', ['ingest', 'samples/ocr-text'], /--out/],
    ['ingest without inputs', ['ingest', '--out', 'x'], /paths/],
    ['--concurrency 0', ['ingest', 'samples/ocr-text', '--out', 'x', '--concurrency', '0'], /concurrency/],
    ['--concurrency abc', ['ingest', 'samples/ocr-text', '--out', 'x', '--concurrency', 'abc'], /concurrency/],
    ['an unknown option', ['ingest', 'samples/ocr-text', '--out', 'x', '--fromat', 'md'], /--fromat/],
    ['an unknown command', ['ingets'], /ingets/],
    ['a bad --tone-style', ['restore', '--tone-style', 'new'], /tone-style/],
  ])(
    'a clear error for %s',
    async (_label, args, pattern) => {
      const r = await runCli(args as string[]);
      expect(r.code, describeRun(r)).not.toBe(0);
      expect(r.code).not.toBeNull();
      expect(r.stderr).toMatch(pattern);
      expect(r.stdout).toBe('');
    },
    TIMEOUT,
  );
});
