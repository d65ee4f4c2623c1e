/**
 * The pure-JS PNG decoder (native decoders segfault on some corrupt files): colour types, bit
 * depths, filters and Adam7 interlacing decode to the right RGBA; broken files throw.
 */
import { deflateSync } from 'node:zlib';
import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { decodePng } from '../src/pdf/png.ts';

function chunk(type: string, body: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, Buffer.from(body), Buffer.alloc(4)]); // CRC not checked
}

function png(width: number, height: number, depth: number, colour: number, raw: Uint8Array, extra: Buffer[] = [], interlace = 0): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = depth;
  ihdr[9] = colour;
  ihdr[12] = interlace;
  return new Uint8Array(
    Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), ...extra, chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array())]),
  );
}

describe('decodePng', () => {
  it('reads what @napi-rs/canvas writes (RGBA, filtered rows)', async () => {
    const c = createCanvas(37, 23);
    const ctx = c.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, 37, 23);
    ctx.fillStyle = 'rgb(200, 30, 40)';
    ctx.fillRect(5, 4, 20, 10);
    const expected = ctx.getImageData(0, 0, 37, 23).data;
    const out = decodePng(new Uint8Array(await c.encode('png')));
    expect(out.width).toBe(37);
    expect(out.height).toBe(23);
    expect(Buffer.from(out.data).equals(Buffer.from(expected))).toBe(true);
  });

  it('reads 2-bit gray, 4-bit palette and 16-bit RGB', () => {
    // 4 pixels of 2-bit gray in one byte: 0, 1, 2, 3 → 0, 85, 170, 255.
    const gray = decodePng(png(4, 1, 2, 0, new Uint8Array([0, 0b00011011])));
    expect(Array.from(gray.data.filter((_, i) => i % 4 === 0))).toEqual([0, 85, 170, 255]);
    const plte = chunk('PLTE', new Uint8Array([10, 20, 30, 200, 100, 50]));
    const pal = decodePng(png(2, 1, 4, 3, new Uint8Array([0, 0x10]), [plte]));
    expect(Array.from(pal.data)).toEqual([200, 100, 50, 255, 10, 20, 30, 255]);
    const rgb16 = decodePng(png(1, 1, 16, 2, new Uint8Array([0, 0x12, 0x34, 0xab, 0xcd, 0xff, 0xff])));
    expect(Array.from(rgb16.data)).toEqual([0x12, 0xab, 0xff, 255]);
  });

  it('reads an Adam7-interlaced image and the pHYs resolution', () => {
    // 3×3 8-bit gray, interlaced: passes 1 (0,0), 4 (2,0), 5 (0,2)(2,2), 6 (1,0)(1,2), 7 row 1.
    const v = (x: number, y: number) => 10 * (y * 3 + x);
    const raw = new Uint8Array([0, v(0, 0), 0, v(2, 0), 0, v(0, 2), v(2, 2), 0, v(1, 0), 0, v(1, 2), 0, v(0, 1), v(1, 1), v(2, 1)]);
    const phys = Buffer.alloc(9);
    phys.writeUInt32BE(11811, 0); // 300 dpi in pixels per metre
    phys.writeUInt32BE(11811, 4);
    phys[8] = 1;
    const out = decodePng(png(3, 3, 8, 0, raw, [chunk('pHYs', phys)], 1));
    expect(Array.from(out.data.filter((_, i) => i % 4 === 0))).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80]);
    expect(out.dpi).toBe(300);
  });

  it('throws on truncated or corrupt files', () => {
    const good = png(4, 1, 2, 0, new Uint8Array([0, 0b00011011]));
    expect(() => decodePng(good.subarray(0, 40))).toThrow();
    const bad = png(4, 1, 2, 0, new Uint8Array([9, 0]));
    expect(() => decodePng(bad)).toThrow(/filter/);
    expect(() => decodePng(new Uint8Array([1, 2, 3]))).toThrow(/not a PNG/);
  });
});
