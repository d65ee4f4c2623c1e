/**
 * `sohoa restore` as a process: one output line per input line, each with its own ending, on any
 * input (empty lines, CRLF, lone CR, mixed endings, no final newline, BOM, whitespace-only and
 * long lines, other encodings), and always NFC. Nothing here depends on which words the model
 * restores: only structure, and facts no restorer may change (numbers, dates, codes).
 */
import { describe, expect, it } from 'vitest';
import { describeRun, runCli, type CliResult } from './helpers/cli.ts';

const TIMEOUT = 120_000;
const EOL = /\r\n|\n|\r/g;

/** Line terminators in order ("\r\n", "\n" or "\r"). */
const endings = (s: string) => s.match(EOL) ?? [];
/** Lines without their terminators: always endings + 1 entries (the last may be empty). */
const linesOf = (s: string) => s.split(/\r\n|\n|\r/);

async function restore(input: string | Uint8Array, args: string[] = []): Promise<CliResult> {
  const r = await runCli(['restore', ...args], { input, timeoutMs: TIMEOUT });
  expect(r.code, describeRun(r)).toBe(0);
  return r;
}

/** The structural contract between an input text (as decoded) and the restored output. */
function expectSameLines(input: string, output: string) {
  const text = input.replace(/^\uFEFF/, '');
  expect(endings(output)).toEqual(endings(text));
  const inLines = linesOf(text);
  const outLines = linesOf(output);
  expect(outLines).toHaveLength(inLines.length);
  inLines.forEach((line, i) => {
    if (line === '') expect(outLines[i], `line ${i + 1} was empty`).toBe('');
    else if (line.trim() === '') expect(outLines[i].trim(), `line ${i + 1} was whitespace only`).toBe('');
    else expect(outLines[i].trim(), `line ${i + 1} had text`).not.toBe('');
  });
  expect(output.normalize('NFC')).toBe(output);
  expect(output).not.toContain('\uFEFF');
  expect(output).not.toContain('\uFFFD');
}

const LONG_LINE = Array.from({ length: 300 }, (_, i) => `trien khai thuc hien Ké hoach s6 ${i + 1}/KH-UBND ctia UBND huyén`).join(' ');

const CASES: [string, string][] = [
  ['LF with a final newline', 'Ké hoach trién khai\nthuc hién nhiém vu\n'],
  ['empty lines: leading, consecutive and trailing', '\n\nKé hoach\n\n\nhuyén Cu Kuin\n\n'],
  ['CRLF line endings', 'Ké hoach s6 12/KH-UBND\r\n\r\ntrién khai thuc hién\r\nctia UBND huyén\r\n'],
  ['lone CR line endings (classic Mac)', 'Ké hoach\rtrién khai\r\rhuyén'],
  ['mixed endings, including LF followed by CR (two lines)', 'Ké hoach\r\ntrién khai\nthuc hién\rnhiém vu\n\rctia UBND\r\n\n\r'],
  ['a missing final newline', 'Ké hoach trién khai\nthuc hién nhiém vu nam 2025'],
  ['a final empty line', 'Ké hoach trién khai\n\n'],
  ['only a newline', '\n'],
  ['only CRLFs', '\r\n\r\n'],
  ['only a CR', '\r'],
  ['one line, no newline', 'Ké hoach'],
  ['a UTF-8 byte-order mark', '\uFEFFKé hoach trién khai\r\nthuc hién\r\n'],
  ['whitespace-only lines (spaces, tabs, no-break space)', '   \n\t\t\nKé hoach\n \u00A0 \n\t \t'],
  ['form feeds between pages stay inside their line', 'Ké hoach\n\f\nhuyén\fx3\n'],
  ['scanner noise and symbols only', ')$) ;\' |\n. ~ ,\n—\n'],
  ['a long line (about 18,000 characters)', `${LONG_LINE}\n${LONG_LINE}`],
  ['many lines (1,500, CRLF)', Array.from({ length: 1500 }, (_, i) => (i % 3 ? 'Ké hoach trién khai thuc hién nhiém vu' : '')).join('\r\n')],
];

describe.concurrent('sohoa restore keeps the line structure exactly', () => {
  it('empty input gives empty output', async () => {
    const r = await restore('');
    expect(r.stdoutBytes.length).toBe(0);
  }, TIMEOUT);

  it.each(CASES)('%s', async (_label, input) => {
    const r = await restore(input);
    expectSameLines(input, r.stdout);
  }, TIMEOUT);

  it('UTF-16LE input with a BOM (CRLF): UTF-8 output, same lines', async () => {
    const text = 'Ké hoach s6 12/KH-UBND\r\n\r\nctia UBND huyén\r\n';
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const r = await restore(bytes);
    expectSameLines(text, r.stdout);
    expect(r.stdoutBytes.equals(Buffer.from(r.stdout, 'utf8'))).toBe(true);
    expect(r.stdout).toContain('12/KH-UBND');
  }, TIMEOUT);

  it('bytes that are not UTF-8 (Windows-1258): same lines', async () => {
    // "Ke hoach" with Latin-1/Windows-125x bytes for é and an invalid UTF-8 sequence.
    const bytes = Buffer.from([0x4b, 0xe9, 0x20, 0x68, 0x6f, 0x61, 0x63, 0x68, 0x0d, 0x0a, 0x0a, 0x68, 0x75, 0x79, 0xea, 0x6e, 0x0d]);
    const r = await restore(bytes);
    expect(endings(r.stdout)).toEqual(['\r\n', '\n', '\r']);
    expect(linesOf(r.stdout)).toHaveLength(4);
    expect(r.stdout.normalize('NFC')).toBe(r.stdout);
  }, TIMEOUT);

  it('NFD input gives NFC output, the same as for the NFC input', async () => {
    const nfc = 'Kế hoạch triển khai\r\nthực hiện nhiệm vụ của UBND huyện\n\nĐắk Lắk, ngày 14 tháng 11 năm 2024';
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    const [a, b] = await Promise.all([restore(nfc), restore(nfd)]);
    expectSameLines(nfd, b.stdout);
    expect(b.stdout.normalize('NFC')).toBe(b.stdout);
    expect(b.stdout).toBe(a.stdout);
  }, TIMEOUT);

  it('keeps numbers, dates and document codes', async () => {
    const input = 'Can cu Quyét dinh s6 3478/QD-UBND ngay 10/12/2021;\nty 1é dat 81,5% va 95%\n';
    const r = await restore(input);
    expectSameLines(input, r.stdout);
    for (const fact of ['3478/', '-UBND', '10/12/2021', '81,5%', '95%']) expect(r.stdout).toContain(fact);
  }, TIMEOUT);

  it('--changes reports changes on stderr as JSON lines with valid line numbers, and the same stdout', async () => {
    const input = 'Ké hoach s6 12/KH-UBND\r\n\r\nctia UBND huyén\r\nthuc hién nhiém vu';
    const [plain, withChanges] = await Promise.all([restore(input), restore(input, ['--changes'])]);
    expect(withChanges.stdout).toBe(plain.stdout);
    const reports = withChanges.stderr
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { line: number; changes: unknown[] });
    expect(reports.length).toBeGreaterThan(0);
    const count = linesOf(input).length;
    for (const r of reports) {
      expect(Number.isInteger(r.line)).toBe(true);
      expect(r.line).toBeGreaterThanOrEqual(1);
      expect(r.line).toBeLessThanOrEqual(count);
      expect(linesOf(input)[r.line - 1].trim()).not.toBe('');
      expect(r.changes.length).toBeGreaterThan(0);
    }
  }, TIMEOUT);

  it('a long run of letters without spaces (a table rule OCR\'d as "IIII…", 2,000 characters) finishes within 30 s', async () => {
    const input = `Ké hoach\n${'I'.repeat(2000)}\nctia UBND huyén\n`;
    const r = await runCli(['restore'], { input, timeoutMs: 30_000 });
    expect(r.timedOut, `restore took more than 30 s on a 2,000-letter token (${r.ms} ms)`).toBe(false);
    expect(r.code, describeRun(r)).toBe(0);
    expectSameLines(input, r.stdout);
  }, TIMEOUT);
});
