/**
 * JPEG decoding through the system's libjpeg-turbo (src/pdf/turbojpeg.ts): the page process's
 * fast way to a scan's pixels. It must give exactly Skia's pixels (so OCR reads the same page
 * whichever decoder the machine has), scale in the DCT to the size asked for, and leave damaged
 * files to Skia, which reads what it can of them as before.
 * CI installs libturbojpeg0 (see .ci/run); without it these tests fail rather than pass vacuously.
 */
import { readFileSync } from 'node:fs';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { lumaToGray, rgbaToGray } from '../src/ocr/preprocess.ts';
import { decodeNative } from '../src/pdf/scan-image.ts';
import { turboJpeg } from '../src/pdf/turbojpeg.ts';
import { FIXTURES } from './fixtures/scans/gold.ts';

const jpeg = new Uint8Array(readFileSync(`${FIXTURES}plan-page.jpg`));

async function skia(bytes: Uint8Array, width?: number, height?: number) {
  const img = await loadImage(Buffer.from(bytes));
  const w = width ?? img.naturalWidth;
  const h = height ?? img.naturalHeight;
  const canvas = createCanvas(w, h);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, w, h);
  ctx.imageSmoothingQuality = 'medium';
  ctx.drawImage(img, 0, 0, w, h);
  return { width: w, height: h, data: Uint8Array.from(canvas.data()) };
}

describe('libjpeg-turbo decoding', () => {
  it('is available on this machine (libturbojpeg0 and koffi)', () => {
    expect(turboJpeg(), 'libturbojpeg.so.0 could not be loaded: apt-get install libturbojpeg0').not.toBeNull();
  });

  it('decodes a scan to exactly the pixels Skia gives', async () => {
    const turbo = turboJpeg()!;
    const own = turbo.decode(jpeg);
    const ref = await skia(jpeg);
    expect([own.width, own.height]).toEqual([ref.width, ref.height]);
    expect(Buffer.compare(Buffer.from(own.data), Buffer.from(ref.data))).toBe(0);
    // decodeNative (what the page process calls) takes this way and returns the same pixels.
    const native = await decodeNative(jpeg, undefined, true);
    expect(native.stride).toBe(native.width);
    expect(Buffer.compare(Buffer.from(native.data.subarray(0, native.width * native.height * 4)), Buffer.from(ref.data))).toBe(0);
  });

  it('scales in the DCT to the size asked for, close to a filtered downscale', async () => {
    const natural = turboJpeg()!.size(jpeg)!;
    const w = Math.ceil(natural.width / 2);
    const h = Math.ceil(natural.height / 2);
    const half = await decodeNative(jpeg, () => ({ width: w, height: h }));
    expect([half.width, half.height]).toEqual([w, h]);
    expect([half.naturalWidth, half.naturalHeight]).toEqual([natural.width, natural.height]);
    const dct = turboJpeg()!.decode(jpeg, { num: 1, denom: 2 });
    expect(Buffer.compare(Buffer.from(half.data.subarray(0, w * h * 4)), Buffer.from(dct.data))).toBe(0);
    const ref = await skia(jpeg, w, h);
    let sum = 0;
    for (let i = 0; i < ref.data.length; i += 4) sum += Math.abs(ref.data[i] - half.data[i]);
    expect(sum / (w * h)).toBeLessThan(6); // mean difference in the red channel, out of 255
  });

  it('leaves a size it cannot scale to, and a damaged file, to Skia', async () => {
    const natural = turboJpeg()!.size(jpeg)!;
    // 70%: no DCT scaling gives it; Skia resamples.
    const w = Math.round(natural.width * 0.7);
    const h = Math.round(natural.height * 0.7);
    const odd = await decodeNative(jpeg, () => ({ width: w, height: h }));
    expect([odd.width, odd.height]).toEqual([w, h]);
    // Cut off halfway: libjpeg-turbo refuses it, Skia decodes the rows it has.
    const cut = jpeg.slice(0, Math.floor(jpeg.length / 2));
    expect(() => turboJpeg()!.decode(cut)).toThrow(/libjpeg-turbo/);
    const partial = await decodeNative(cut);
    const whole = await skia(jpeg);
    expect([partial.width, partial.height]).toEqual([whole.width, whole.height]);
    // The top fifth of the page is in the first half of the file: those rows are the page's own.
    const top = Math.floor(whole.height / 5) * whole.width * 4;
    expect(Buffer.compare(Buffer.from(partial.data.subarray(0, top)), Buffer.from(whole.data.subarray(0, top)))).toBe(0);
  });

  it('gives the gray page from the JPEG planes: the luma, with red seals lifted as from RGB', async () => {
    const turbo = turboJpeg()!;
    // A black-and-white scan: the luma plane is exactly rgbaToGray's page, histogram included.
    const rgba = turbo.decode(jpeg);
    const h1 = new Uint32Array(256);
    const ref = rgbaToGray(rgba.data, rgba.width, rgba.height, h1);
    const h2 = new Uint32Array(256);
    const gray = lumaToGray(turbo.decodePlanes(jpeg)!, h2);
    expect(Buffer.compare(Buffer.from(gray.data), Buffer.from(ref.data))).toBe(0);
    expect([...h2]).toEqual([...h1]);
    // Black ink under a red seal: the seal turns pale, the ink stays dark, as rgbaToGray has it.
    const c = createCanvas(400, 300);
    const ctx = c.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, 400, 300);
    ctx.fillStyle = '#000000';
    ctx.fillRect(40, 140, 320, 12); // a stroke of text
    ctx.strokeStyle = 'rgb(215, 35, 40)';
    ctx.lineWidth = 14;
    ctx.beginPath();
    ctx.arc(200, 150, 100, 0, 2 * Math.PI);
    ctx.stroke();
    const sealed = new Uint8Array(await c.encode('jpeg', 90));
    const planes = turbo.decodePlanes(sealed)!;
    expect(planes.chroma).not.toBeNull();
    const g = lumaToGray(planes, new Uint32Array(256));
    const rgb = turbo.decode(sealed);
    const r = rgbaToGray(rgb.data, rgb.width, rgb.height);
    const at = (img: { data: Uint8Array }, x: number, y: number) => img.data[y * 400 + x];
    expect(at(r, 200, 50)).toBeGreaterThan(200); // on the seal's ring, away from the ink
    expect(at(g, 200, 50)).toBeGreaterThan(200);
    expect(turbo.decode(sealed).data[(50 * 400 + 200) * 4 + 1]).toBeLessThan(120); // it is red: its green is dark
    expect(at(g, 120, 146)).toBeLessThan(60); // the ink
    // Away from the seal's edges the two ways agree within a few levels.
    let far = 0;
    for (let y = 0; y < 300; y++) for (let x = 0; x < 400; x++) if (Math.abs(at(g, x, y) - at(r, x, y)) > 8) far++;
    expect(far / (400 * 300)).toBeLessThan(0.01);
  });
});
