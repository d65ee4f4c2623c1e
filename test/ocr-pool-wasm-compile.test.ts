/**
 * A process that makes an OCR pool compiles WebAssembly with V8's optimising tier for every
 * function up front, not function by function as each gets hot (that re-compiling went on for
 * the whole of a scan, on threads the OCR workers need). Checked in a process of its own, with
 * V8's test intrinsics: a function of a module compiled after the pool exists leaves the baseline
 * tier (Liftoff) without being called again; without a pool it stays there.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

/** A wasm module exporting add(i32, i32) → i32, called once, then watched for up to `ms`. */
const probe = (makePool: boolean, ms: number) => `
${makePool ? `const { OcrPool } = await import(${JSON.stringify(new URL('../src/ocr/pool.ts', import.meta.url).href)});
new OcrPool({ size: 1 });` : ''}
const bytes = new Uint8Array([0,97,115,109,1,0,0,0,1,7,1,96,2,127,127,1,127,3,2,1,0,7,7,1,3,97,100,100,0,0,10,9,1,7,0,32,0,32,1,106,11]);
const { instance } = await WebAssembly.instantiate(bytes);
const add = instance.exports.add;
add(1, 2);
const liftoff = new Function('f', 'return %IsLiftoffFunction(f)');
let tier = 'baseline';
for (let i = 0; i < ${ms / 100} && liftoff(add); i++) await new Promise((r) => setTimeout(r, 100));
if (!liftoff(add)) tier = 'optimised';
console.log(tier);
`;

async function tierAfter(makePool: boolean, ms: number): Promise<string> {
  const { stdout } = await run(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', '--input-type=module', '-e', probe(makePool, ms)], {
    cwd: new URL('..', import.meta.url).pathname,
  });
  return stdout.trim();
}

describe('OCR pool: how tesseract wasm is compiled', () => {
  it('without a pool, a function called once stays at the baseline tier', async () => {
    expect(await tierAfter(false, 2000)).toBe('baseline');
  }, 60_000);

  it('once a pool exists, every function is compiled by the optimising tier', async () => {
    expect(await tierAfter(true, 10_000)).toBe('optimised');
  }, 60_000);
});
