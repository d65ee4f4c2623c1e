/**
 * A small, strict PNG decoder (zlib from Node, the rest in JS) giving RGBA. The page process tries
 * the native decoder first (faster; a crash there ends only the page process); this one reads what
 * the native one cannot and says why in an Error. All colour types, bit depths 1–16, Adam7.
 */
import { inflateSync } from 'node:zlib';

export interface Rgba {
  width: number;
  height: number;
  data: Uint8Array;
  /** Pixels per inch from the pHYs chunk, when given in metres. */
  dpi: number | null;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function decodePng(bytes: Uint8Array): Rgba {
  if (!SIGNATURE.every((b, i) => bytes[i] === b)) throw new Error('not a PNG file');
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let p = 8;
  let width = 0;
  let height = 0;
  let depth = 0;
  let colour = 0;
  let interlace = 0;
  let palette: Uint8Array | null = null;
  let trns: Uint8Array | null = null;
  let dpi: number | null = null;
  const idat: Uint8Array[] = [];
  let ended = false;
  while (p + 8 <= bytes.length) {
    const len = dv.getUint32(p);
    const type = String.fromCharCode(bytes[p + 4], bytes[p + 5], bytes[p + 6], bytes[p + 7]);
    const body = bytes.subarray(p + 8, p + 8 + len);
    if (body.length < len) throw new Error(`truncated PNG (${type} chunk cut short)`);
    if (type === 'IHDR') {
      width = dv.getUint32(p + 8);
      height = dv.getUint32(p + 12);
      depth = bytes[p + 16];
      colour = bytes[p + 17];
      interlace = bytes[p + 20];
    } else if (type === 'PLTE') palette = body;
    else if (type === 'tRNS') trns = body;
    else if (type === 'pHYs' && len >= 9 && body[8] === 1) dpi = Math.round(dv.getUint32(p + 8) * 0.0254) || null;
    else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') {
      ended = true;
      break;
    }
    p += 12 + len;
  }
  if (!width || !height) throw new Error('PNG without a valid header');
  if (!idat.length) throw new Error('PNG without image data');
  if (width * height > 200_000_000) throw new Error(`PNG too large (${width}×${height})`);
  const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[colour as 0 | 2 | 3 | 4 | 6];
  if (!channels || ![1, 2, 4, 8, 16].includes(depth)) throw new Error(`unsupported PNG format (colour type ${colour}, depth ${depth})`);
  let raw: Buffer;
  try {
    raw = inflateSync(Buffer.concat(idat));
  } catch (error) {
    throw new Error(`corrupt PNG data (${(error as Error).message})${ended ? '' : ', file truncated'}`);
  }
  const bpp = Math.max(1, (channels * depth) >> 3); // bytes per complete pixel, for filtering
  const out = new Uint8Array(width * height * 4);
  let offset = 0;
  const passes =
    interlace === 1
      ? [
          [0, 0, 8, 8],
          [4, 0, 8, 8],
          [0, 4, 4, 8],
          [2, 0, 4, 4],
          [0, 2, 2, 4],
          [1, 0, 2, 2],
          [0, 1, 1, 2],
        ]
      : [[0, 0, 1, 1]];
  for (const [x0, y0, dx, dy] of passes) {
    const pw = Math.ceil((width - x0) / dx);
    const ph = Math.ceil((height - y0) / dy);
    if (pw <= 0 || ph <= 0) continue;
    const stride = Math.ceil((pw * channels * depth) / 8);
    let prev = new Uint8Array(stride);
    for (let row = 0; row < ph; row++) {
      if (offset + 1 + stride > raw.length) throw new Error('truncated PNG image data');
      const filter = raw[offset];
      const line = new Uint8Array(raw.subarray(offset + 1, offset + 1 + stride));
      offset += 1 + stride;
      unfilter(filter, line, prev, bpp);
      prev = line;
      const y = y0 + row * dy;
      for (let col = 0; col < pw; col++) {
        const x = x0 + col * dx;
        writePixel(out, (y * width + x) * 4, line, col, channels, depth, colour, palette, trns);
      }
    }
  }
  return { width, height, data: out, dpi };
}

function unfilter(filter: number, line: Uint8Array, prev: Uint8Array, bpp: number): void {
  const n = line.length;
  switch (filter) {
    case 0:
      return;
    case 1:
      for (let i = bpp; i < n; i++) line[i] = (line[i] + line[i - bpp]) & 255;
      return;
    case 2:
      for (let i = 0; i < n; i++) line[i] = (line[i] + prev[i]) & 255;
      return;
    case 3:
      for (let i = 0; i < n; i++) line[i] = (line[i] + (((i >= bpp ? line[i - bpp] : 0) + prev[i]) >> 1)) & 255;
      return;
    case 4:
      for (let i = 0; i < n; i++) {
        const a = i >= bpp ? line[i - bpp] : 0;
        const b = prev[i];
        const c = i >= bpp ? prev[i - bpp] : 0;
        const pa = Math.abs(b - c);
        const pb = Math.abs(a - c);
        const pc = Math.abs(a + b - 2 * c);
        line[i] = (line[i] + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c)) & 255;
      }
      return;
    default:
      throw new Error(`corrupt PNG (unknown row filter ${filter})`);
  }
}

function sample(line: Uint8Array, index: number, depth: number): number {
  if (depth === 8) return line[index];
  if (depth === 16) return line[index * 2]; // high byte
  const perByte = 8 / depth;
  const byte = line[Math.floor(index / perByte)];
  const shift = 8 - depth * ((index % perByte) + 1);
  return (byte >> shift) & ((1 << depth) - 1);
}

function writePixel(
  out: Uint8Array,
  o: number,
  line: Uint8Array,
  col: number,
  channels: number,
  depth: number,
  colour: number,
  palette: Uint8Array | null,
  trns: Uint8Array | null,
): void {
  const scale = depth < 8 ? 255 / ((1 << depth) - 1) : 1;
  const s = (c: number) => sample(line, col * channels + c, depth);
  if (colour === 3) {
    const i = s(0);
    if (!palette || i * 3 + 2 >= palette.length) throw new Error('corrupt PNG (palette index out of range)');
    out[o] = palette[i * 3];
    out[o + 1] = palette[i * 3 + 1];
    out[o + 2] = palette[i * 3 + 2];
    out[o + 3] = trns && i < trns.length ? trns[i] : 255;
    return;
  }
  if (colour === 0 || colour === 4) {
    const g = depth < 8 ? Math.round(s(0) * scale) : s(0);
    out[o] = out[o + 1] = out[o + 2] = g;
    out[o + 3] = colour === 4 ? s(1) : 255;
    return;
  }
  out[o] = s(0);
  out[o + 1] = s(1);
  out[o + 2] = s(2);
  out[o + 3] = colour === 6 ? s(3) : 255;
}
