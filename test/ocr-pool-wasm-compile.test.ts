/**
 * An OCR process (started with OCR_PROCESS_FLAGS) compiles WebAssembly with V8's optimising tier
 * for every function up front, not function by function as each gets hot (that re-compiling went
 * on for the whole of a scan, on threads the OCR workers need). Checked in a process of its own
 * started with the same flags, with V8's test intrinsics: a function called once leaves the
 * baseline tier (Liftoff) without being called again; without the flags it stays there.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { OCR_PROCESS_FLAGS } from '../src/ocr/pool.ts';

const run = promisify(execFile);

/** A wasm module exporting add(i32, i32) → i32, called once, then watched for up to `ms`. */
const probe = (ms: number) => `
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

async function tierAfter(flags: string[], ms: number): Promise<string> {
  const { stdout } = await run(process.execPath, [...flags, '--allow-natives-syntax', '--input-type=module', '-e', probe(ms)], {
    cwd: new URL('..', import.meta.url).pathname,
  });
  return stdout.trim();
}

describe('OCR pool: how tesseract wasm is compiled', () => {
  it("with Node's defaults, a function called once stays at the baseline tier", async () => {
    expect(await tierAfter([], 2000)).toBe('baseline');
  }, 60_000);

  it("with an OCR process's flags, every function is compiled by the optimising tier", async () => {
    expect(await tierAfter(OCR_PROCESS_FLAGS, 10_000)).toBe('optimised');
  }, 60_000);
});
