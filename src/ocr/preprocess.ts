/**
 * Page image preprocessing before OCR: grayscale (with red-stamp suppression), contrast stretch,
 * Otsu binarisation, orientation (0/90/180/270) and skew (±5°) detection and correction.
 *
 * Pure functions over 8-bit grayscale images (0 = black ink, 255 = white paper). They are CPU
 * heavy on full pages (8.7 MP at 300 dpi), so callers run them inside the page process
 * (src/pdf/page-worker.ts), never on the event loop of the hosting process.
 */

export interface GrayImage {
  width: number;
  height: number;
  /** One byte per pixel, row-major. */
  data: Uint8Array;
}

/** A binary mask: 1 = ink, 0 = paper. Same layout as GrayImage. */
export interface InkMask {
  width: number;
  height: number;
  data: Uint8Array;
}

/**
 * RGBA → gray. Red pixels (the red seal over the signature, red stamps) turn pale instead of
 * covering the text as dark blobs; black ink, even under the seal, and blue ink stay dark.
 * `stride`: pixels from one row of `rgba` to the next (default `width`); `out`: where the gray
 * levels go (default a new array).
 */
export function rgbaToGray(
  rgba: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  hist?: Uint32Array,
  stride = width,
  out: Uint8Array = new Uint8Array(width * height),
): GrayImage {
  const data = out.subarray(0, width * height);
  const counts = hist ?? new Uint32Array(256);
  if (LITTLE_ENDIAN && rgba.byteOffset % 4 === 0) {
    // Whole pixels at a time (canvas and decoder buffers are aligned); little-endian RGBA, read as
    // signed words (an unsigned word past 2^31 is a double to V8, and slower).
    // Two pixels per step, counted into two histograms: on a page of paper most pixels fall into
    // a few levels, and one histogram's increments of the same count wait on each other.
    const px = new Int32Array(rgba.buffer, rgba.byteOffset, stride * (height - 1) + width);
    const even = new Uint32Array(256);
    const odd = new Uint32Array(256);
    for (let y = 0, i = 0; y < height; y++) {
      let j = y * stride;
      const end = j + width;
      for (; j + 1 < end; j += 2, i += 2) {
        const p = px[j];
        const q = px[j + 1];
        const v = grayOf(p & 255, (p >> 8) & 255, (p >> 16) & 255, (p >> 24) & 255);
        const u = grayOf(q & 255, (q >> 8) & 255, (q >> 16) & 255, (q >> 24) & 255);
        data[i] = v;
        data[i + 1] = u;
        even[v]++;
        odd[u]++;
      }
      if (j < end) {
        const p = px[j];
        const v = grayOf(p & 255, (p >> 8) & 255, (p >> 16) & 255, (p >> 24) & 255);
        data[i++] = v;
        even[v]++;
      }
    }
    for (let v = 0; v < 256; v++) counts[v] += even[v] + odd[v];
  } else {
    for (let y = 0, i = 0; y < height; y++) {
      for (let j = y * stride * 4, end = j + width * 4; j < end; j += 4, i++) {
        const v = grayOf(rgba[j], rgba[j + 1], rgba[j + 2], rgba[j + 3]);
        data[i] = v;
        counts[v]++;
      }
    }
  }
  return { width, height, data };
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * The gray image of a JPEG decoded to its planes (src/pdf/turbojpeg.ts), in place in `luma`:
 * rgbaToGray's levels without the colour conversion. Its gray weights are the JPEG's own luma
 * (BT.601), so away from red the luma plane is the gray image (rgbaToGray of the decoded RGB
 * gives the same level, give or take the rounding of one step). Its red lift is rgbaToGray's, with
 * the redness r − (g + b)/2 taken from the chroma (1.759·Cr − 0.714·Cb, centred), one value per
 * chroma sample for the luma pixels it covers. `hist` gets the histogram of the result.
 */
export function lumaToGray(
  planes: { width: number; height: number; luma: Uint8Array; chroma: { width: number; height: number; sx: number; sy: number; cb: Uint8Array; cr: Uint8Array } | null },
  hist: Uint32Array,
): GrayImage {
  const { width, height, luma, chroma } = planes;
  if (chroma) {
    const { cb, cr, sx, sy } = chroma;
    const cw = chroma.width;
    // Only the samples covering the image (the last ones may cover padding).
    const cols = Math.min(cw, Math.ceil(width / sx));
    const rows = Math.min(chroma.height, Math.ceil(height / sy));
    for (let cy = 0; cy < rows; cy++) {
      for (let cx = 0, i = cy * cw; cx < cols; cx++, i++) {
        const redness = (450 * (cr[i] - 128) - 183 * (cb[i] - 128)) >> 8;
        if (redness <= 20) continue;
        const lift = 2 * (redness - 20);
        const x1 = Math.min(width, (cx + 1) * sx);
        const y1 = Math.min(height, (cy + 1) * sy);
        for (let y = cy * sy; y < y1; y++) {
          for (let k = y * width + cx * sx, end = y * width + x1; k < end; k++) luma[k] = Math.min(255, luma[k] + lift);
        }
      }
    }
  }
  const n = width * height;
  const data = luma.subarray(0, n);
  // Four pixels per read (a word), counted into four histograms, as in rgbaToGray: one
  // histogram's increments of the same count wait on each other.
  const [h0, h1, h2, h3] = [new Uint32Array(256), new Uint32Array(256), new Uint32Array(256), new Uint32Array(256)];
  let i = 0;
  if (data.byteOffset % 4 === 0) {
    const words = new Int32Array(data.buffer, data.byteOffset, n >> 2);
    for (let k = 0; k < words.length; k++) {
      const p = words[k];
      h0[p & 255]++;
      h1[(p >> 8) & 255]++;
      h2[(p >> 16) & 255]++;
      h3[p >>> 24]++;
    }
    i = words.length * 4;
  }
  for (; i < n; i++) h0[data[i]]++;
  for (let v = 0; v < 256; v++) hist[v] += h0[v] + h1[v] + h2[v] + h3[v];
  return { width, height, data };
}

function grayOf(r: number, g: number, b: number, a: number): number {
  let v = (r * 77 + g * 150 + b * 29) >> 8;
  // Redness lifts a pixel towards white; chroma blur of JPEG scans leaves seal edges only
  // half red, so the lift is graded rather than all-or-nothing.
  const redness = r - ((g + b) >> 1);
  if (redness > 20) v = Math.min(255, v + 2 * (redness - 20));
  // Transparent pixels are paper.
  return a === 255 ? v : 255 - (((255 - v) * a) >> 8);
}

/**
 * Maps the paper level (the commonest bright gray) to white and the darkest ink (0.1th
 * percentile) to black, in place. Anchoring on the paper, not on a high percentile, keeps a
 * nearly blank page's paper noise and a pale (red-suppressed) seal from being stretched into ink.
 */
export function stretchContrast(img: GrayImage): void {
  const lut = contrastLut(histogram(img), img.data.length);
  if (lut) applyLut(img, lut);
}

/** The stretch of stretchContrast as a lookup table, or null for a blank or flat page. */
export function contrastLut(hist: ArrayLike<number>, n: number): Uint8Array | null {
  let paper = 255;
  for (let v = 255, best = -1; v >= 128; v--) {
    if (hist[v] > best) {
      best = hist[v];
      paper = v;
    }
  }
  let lo = 0;
  let acc = 0;
  while (lo < 255 && acc + hist[lo] < n * 0.001) acc += hist[lo++];
  if (paper - lo < 48) return null; // blank or flat: leave it alone
  const lut = new Uint8Array(256);
  for (let v = 0; v < 256; v++) lut[v] = Math.max(0, Math.min(255, Math.round(((v - lo) * 255) / (paper - lo))));
  return lut;
}

export function applyLut(img: GrayImage, lut: Uint8Array): void {
  const d = img.data;
  for (let i = 0; i < d.length; i++) d[i] = lut[d[i]];
}

/** The histogram after a lookup table, without touching the pixels. */
export function mapHistogram(hist: ArrayLike<number>, lut: Uint8Array | null): Float64Array {
  const out = new Float64Array(256);
  for (let v = 0; v < 256; v++) out[lut ? lut[v] : v] += hist[v];
  return out;
}

export function histogram(img: GrayImage): Float64Array {
  const counts = new Uint32Array(256);
  const d = img.data;
  for (let i = 0; i < d.length; i++) counts[d[i]]++;
  return Float64Array.from(counts);
}

/** Otsu's global threshold: gray levels <= threshold are ink. */
export function otsuThreshold(img: GrayImage): number {
  return otsuFromHistogram(histogram(img));
}

export function otsuFromHistogram(hist: ArrayLike<number>): number {
  let total = 0;
  let sum = 0;
  for (let i = 0; i < 256; i++) {
    total += hist[i];
    sum += i * hist[i];
  }
  let sumB = 0;
  let wB = 0;
  let best = 0;
  let threshold = 127;
  for (let t = 0; t < 256; t++) {
    wB += hist[t];
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += t * hist[t];
    const mB = sumB / wB;
    const mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) * (mB - mF);
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  return threshold;
}

/**
 * The ink mask of a gray image (<= threshold), OR-pooled by `factor` in the same pass: what the
 * orientation and skew tests read, without a full-resolution mask. Beside it, pooled the same
 * way, the mask of the levels below `paper` (anything but plain paper): where it is clear, a pass
 * over the full image can treat a whole stretch as paper without reading it.
 */
export function inkMaskReduced(
  img: GrayImage,
  threshold: number,
  factor: number,
  paper = 0,
  into?: { ink: Uint8Array; marked: Uint8Array },
): { ink: InkMask; marked: InkMask } {
  const f = Math.max(1, factor);
  const w = Math.floor(img.width / f);
  const h = Math.floor(img.height / f);
  const ink = into ? into.ink.subarray(0, w * h).fill(0) : new Uint8Array(w * h);
  const marked = into ? into.marked.subarray(0, w * h).fill(0) : new Uint8Array(w * h);
  const src = img.data;
  const cols = new Int32Array(w * f);
  for (let x = 0; x < cols.length; x++) cols[x] = (x / f) | 0;
  for (let y = 0; y < h * f; y++) {
    const row = y * img.width;
    const orow = ((y / f) | 0) * w;
    for (let x = 0; x < w * f; x++) {
      const v = src[row + x];
      if (v < paper) {
        marked[orow + cols[x]] = 1;
        if (v <= threshold) ink[orow + cols[x]] = 1;
      }
    }
  }
  return { ink: { width: w, height: h, data: ink }, marked: { width: w, height: h, data: marked } };
}

export function binarise(img: GrayImage, threshold = otsuThreshold(img)): InkMask {
  const d = img.data;
  const out = new Uint8Array(d.length);
  for (let i = 0; i < d.length; i++) out[i] = d[i] <= threshold ? 1 : 0;
  return { width: img.width, height: img.height, data: out };
}

/** OR-pools a mask by an integer factor (fast, keeps thin strokes). */
export function downsampleMask(mask: InkMask, factor: number): InkMask {
  if (factor <= 1) return mask;
  const w = Math.floor(mask.width / factor);
  const h = Math.floor(mask.height / factor);
  const out = new Uint8Array(w * h);
  const src = mask.data;
  for (let y = 0; y < h * factor; y++) {
    const row = y * mask.width;
    const orow = Math.floor(y / factor) * w;
    for (let x = 0; x < w * factor; x++) if (src[row + x]) out[orow + Math.floor(x / factor)] = 1;
  }
  return { width: w, height: h, data: out };
}

/**
 * Skew angle in degrees (positive: text lines descend to the right), found by maximising the
 * sharpness (sum of squares) of the row profile of the sheared ink, coarse then fine.
 */
export function estimateSkew(mask: InkMask, maxDegrees = 5): number {
  const factor = Math.max(1, Math.round(mask.width / 900));
  const small = downsampleMask(mask, factor);
  const { width: w, height: h, data } = small;
  // Ink counted per row in runs of SPAN columns, placed at the run's centre: shearing a span by
  // the largest angle moves its ends by under a pixel (8 × tan 5° = 0.7), and a text line's ink
  // falls into a few hundred spans instead of thousands of pixels.
  const SPAN = 8;
  const spans = Math.ceil(w / SPAN);
  // Counted into typed arrays (a JS array grown to a few hundred thousand numbers costs more in
  // garbage collection than the counting), then the spans holding ink listed column by column:
  // all spans of a column move by the same shear, so the search adds integers.
  const ink = new Int32Array(h * spans);
  let m = 0;
  let n = 0;
  for (let y = 0; y < h; y++) {
    const o = y * w;
    for (let k = 0; k < spans; k++) {
      let c = 0;
      const end = o + Math.min(w, (k + 1) * SPAN);
      for (let x = o + k * SPAN; x < end; x++) c += data[x];
      ink[y * spans + k] = c;
      if (c) m++;
      n += c;
    }
  }
  if (n < 200) return 0;
  const sy = new Int32Array(m);
  const sc = new Int32Array(m);
  /** Centre x of each column of spans, and where its spans end in sy/sc. */
  const colX = new Float64Array(spans);
  const colEnd = new Int32Array(spans);
  for (let k = 0, i = 0; k < spans; k++) {
    colX[k] = k * SPAN + (Math.min(w, (k + 1) * SPAN) - k * SPAN - 1) / 2;
    for (let y = 0; y < h; y++) {
      const c = ink[y * spans + k];
      if (!c) continue;
      sy[i] = y;
      sc[i++] = c;
    }
    colEnd[k] = i;
  }
  const margin = Math.ceil(w * Math.tan((maxDegrees * Math.PI) / 180)) + 2;
  const bins = new Float64Array(h + 2 * margin);
  const score = (deg: number): number => {
    const t = Math.tan((deg * Math.PI) / 180);
    bins.fill(0);
    for (let k = 0, i = 0; k < spans; k++) {
      // round(y - x·t) for a whole y is y + round(-x·t).
      const shift = Math.round(-(colX[k] * t)) + margin;
      for (const end = colEnd[k]; i < end; i++) bins[sy[i] + shift] += sc[i];
    }
    let s = 0;
    for (let i = 0; i < bins.length; i++) s += bins[i] * bins[i];
    return s;
  };
  let best = 0;
  let bestScore = score(0);
  for (let deg = -maxDegrees; deg <= maxDegrees + 1e-9; deg += 0.25) {
    const s = score(deg);
    if (s > bestScore) {
      bestScore = s;
      best = deg;
    }
  }
  const coarse = best;
  for (let deg = coarse - 0.25; deg <= coarse + 0.25 + 1e-9; deg += 0.05) {
    const s = score(deg);
    if (s > bestScore) {
      bestScore = s;
      best = deg;
    }
  }
  return Math.round(best * 100) / 100;
}

/**
 * Rotates the image by `degrees` about its centre so that lines skewed by that angle come out
 * level (bilinear, paper-white outside). Returns the input when the angle is negligible.
 */
export function rotateImage(img: GrayImage, degrees: number): GrayImage {
  if (Math.abs(degrees) < 0.05) return img;
  return { width: img.width, height: img.height, data: rotatedCrop(img, degrees, 0, 0, img.width, img.height) };
}

/**
 * The geometry of turning a `width`×`height` image by `degrees` about its centre, in 16.16 fixed
 * point: the source position of destination pixel (0, y) is (rowX(y), rowY(y)), and it steps by
 * (dxs, dys) along the row; positions from (maxX, maxY) on fall outside the source.
 */
export function turnSteps(width: number, height: number, degrees: number) {
  const a = (degrees * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const cx = width / 2;
  const cy = height / 2;
  const ONE = 65536;
  return {
    dxs: Math.round(cos * ONE),
    dys: Math.round(sin * ONE),
    maxX: (width - 1) * ONE,
    maxY: (height - 1) * ONE,
    rowX: (y: number) => Math.round((cx - cx * cos - (y - cy) * sin) * ONE),
    rowY: (y: number) => Math.round((cy - cx * sin + (y - cy) * cos) * ONE),
  };
}

/**
 * The `w`×`h` crop at (`x`, `y`) of rotateImage(img, degrees), computed for that crop only (the
 * same levels: table cells of a deskewed page are cut without turning the whole page), written
 * into `into` when given (every pixel is written), each level through `map` when given (in the
 * same pass, instead of a second one over the crop).
 */
export function rotatedCrop(img: GrayImage, degrees: number, x: number, y: number, w: number, h: number, into?: Uint8Array, map?: Uint8Array): Uint8Array {
  const out = into ? into.subarray(0, w * h) : new Uint8Array(w * h);
  const { width: iw, height: ih, data } = img;
  if (Math.abs(degrees) < 0.05) {
    for (let r = 0; r < h; r++) out.set(data.subarray((y + r) * iw + x, (y + r) * iw + x + w), r * w);
    if (map) for (let i = 0; i < out.length; i++) out[i] = map[out[i]];
    return out;
  }
  const m = map ?? IDENTITY;
  const white = m[255];
  const { dxs, dys, maxX, maxY, rowX, rowY } = turnSteps(iw, ih, degrees);
  for (let r = 0; r < h; r++) {
    let fx = rowX(y + r) + x * dxs;
    let fy = rowY(y + r) + x * dys;
    let o = r * w;
    const end = o + w;
    for (; o < end; o++, fx += dxs, fy += dys) {
      if (fx < 0 || fy < 0 || fx >= maxX || fy >= maxY) {
        out[o] = white;
        continue;
      }
      const i = (fy >> 16) * iw + (fx >> 16);
      const p00 = data[i];
      const p01 = data[i + 1];
      const p10 = data[i + iw];
      const p11 = data[i + iw + 1];
      // Paper stays paper without arithmetic: most of a page is blank.
      if ((p00 & p01 & p10 & p11) === 255) {
        out[o] = white;
        continue;
      }
      const tx = (fx & 0xffff) >> 8;
      const ty = (fy & 0xffff) >> 8;
      const top = (p00 << 8) + (p01 - p00) * tx;
      const bottom = (p10 << 8) + (p11 - p10) * tx;
      out[o] = m[((top << 8) + (bottom - top) * ty + 32768) >> 16];
    }
  }
  return out;
}

const IDENTITY = Uint8Array.from({ length: 256 }, (_, i) => i);

/** Rotates by a multiple of 90° clockwise. */
export function rotateQuarter<T extends GrayImage | InkMask>(img: T, quarters: number): T {
  const q = ((quarters % 4) + 4) % 4;
  if (q === 0) return img;
  const { width: w, height: h, data } = img;
  const out = new Uint8Array(w * h);
  const nw = q === 2 ? w : h;
  const nh = q === 2 ? h : w;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let nx: number;
      let ny: number;
      if (q === 1) {
        nx = h - 1 - y;
        ny = x;
      } else if (q === 2) {
        nx = w - 1 - x;
        ny = h - 1 - y;
      } else {
        nx = y;
        ny = w - 1 - x;
      }
      out[ny * nw + nx] = data[y * w + x];
    }
  }
  return { width: nw, height: nh, data: out } as T;
}

/** Ink-row runs (text lines) of a mask's row profile: [start, end) pairs. */
function profileRuns(profile: Float64Array, minInk: number): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let start = -1;
  for (let i = 0; i <= profile.length; i++) {
    const ink = i < profile.length && profile[i] >= minInk;
    if (ink && start < 0) start = i;
    else if (!ink && start >= 0) {
      runs.push([start, i]);
      start = -1;
    }
  }
  return runs;
}

function rowProfile(mask: InkMask): Float64Array {
  const p = new Float64Array(mask.height);
  for (let y = 0; y < mask.height; y++) {
    let s = 0;
    const o = y * mask.width;
    for (let x = 0; x < mask.width; x++) s += mask.data[o + x];
    p[y] = s;
  }
  return p;
}

function colProfile(mask: InkMask): Float64Array {
  const p = new Float64Array(mask.width);
  for (let y = 0; y < mask.height; y++) {
    const o = y * mask.width;
    for (let x = 0; x < mask.width; x++) p[x] += mask.data[o + x];
  }
  return p;
}

/**
 * Is the page turned sideways (text lines vertical)? Ink concentrates in the rows of horizontal
 * text lines (x-height bands) far more than in any column: the sum of squares of the row profile
 * beats the column profile's by the ratio of a line's length to the total height of the lines
 * (about 2 on a dense page, more on sparse ones); sideways, it is the other way round.
 */
export function isSideways(mask: InkMask): boolean {
  const small = downsampleMask(mask, Math.max(1, Math.round(Math.max(mask.width, mask.height) / 1200)));
  const sq = (p: Float64Array) => p.reduce((s, v) => s + v * v, 0);
  return sq(colProfile(small)) > sq(rowProfile(small)) * 1.5;
}

/**
 * Is a page with horizontal, deskewed lines upside down? Vietnamese text carries much more ink
 * above its x-height band (capitals, ascenders, tone marks) than below it (few descenders).
 * Returns null when unsure (too few lines, no clear difference).
 */
export function isUpsideDown(mask: InkMask): boolean | null {
  const small = downsampleMask(mask, Math.max(1, Math.round(Math.max(mask.width, mask.height) / 1600)));
  const v = upDownVerdict(small);
  return v === 0 ? null : v < 0;
}

/**
 * Clockwise quarter turns that make the text upright (0..3), for a page with at most a few
 * degrees of skew. cleanScan does the same in steps, deskewing before the up/down test.
 */
export function detectOrientation(mask: InkMask): number {
  const quarter = isSideways(mask) ? 1 : 0;
  const turned = quarter ? rotateQuarter(mask, 1) : mask;
  const flipped = isUpsideDown(turned);
  return flipped ? (quarter + 2) % 4 : quarter;
}

/** +1 upright, -1 upside down, 0 unsure. */
function upDownVerdict(mask: InkMask): number {
  const profile = rowProfile(mask);
  // A row belongs to a line when it holds a fair share of a typical text row's ink (specks and
  // stray marks between lines stay below that).
  const sorted = Array.from(profile).filter((v) => v > 0).sort((a, b) => a - b);
  const busy = sorted[Math.floor(sorted.length * 0.9)] ?? 0;
  let runs = profileRuns(profile, Math.max(2, busy * 0.06));
  // Tone marks and dots sit a few pixels above their letters: join such slivers to their line.
  const heights = runs.map(([s, e]) => e - s).sort((a, b) => a - b);
  const typical = heights[Math.floor(heights.length / 2)] ?? 0;
  const merged: Array<[number, number]> = [];
  for (const r of runs) {
    const last = merged[merged.length - 1];
    if (last && r[0] - last[1] <= Math.max(2, typical * 0.25) && (r[1] - r[0] < typical * 0.6 || last[1] - last[0] < typical * 0.6)) last[1] = r[1];
    else merged.push([r[0], r[1]]);
  }
  runs = merged;
  let above = 0;
  let below = 0;
  let lines = 0;
  for (const [s, e] of runs) {
    if (e - s < 4) continue;
    let peak = s;
    for (let y = s; y < e; y++) if (profile[y] > profile[peak]) peak = y;
    const max = profile[peak];
    // The x-height band: the rows around the densest row that stay dense.
    let c0 = peak;
    let c1 = peak;
    while (c0 > s && profile[c0 - 1] >= max * 0.4) c0--;
    while (c1 < e - 1 && profile[c1 + 1] >= max * 0.4) c1++;
    for (let y = s; y < c0; y++) above += profile[y];
    for (let y = c1 + 1; y < e; y++) below += profile[y];
    lines++;
  }
  if (lines < 5) return 0;
  if (above > below * 1.3) return 1;
  if (below > above * 1.3) return -1;
  return 0;
}

const TIFF_ENTRIES = 11;

/** Bytes of grayTiff's file for `width`×`height` pixels. */
export function grayTiffSize(width: number, height: number): number {
  return 8 + 2 + TIFF_ENTRIES * 12 + 4 + 16 + width * height;
}

/**
 * An uncompressed 8-bit grayscale TIFF (little-endian, one strip) of `width`×`height` at `dpi`,
 * with its pixels left to fill: `pixels` is the view of the file where row-major gray levels go.
 * What tesseract.js is given: leptonica reads the strip with one copy, where a binary PGM is read
 * one byte per call (about 0.1 s for an A4 page at 300 dpi inside tesseract's wasm) and a PNG
 * costs zlib and checksums at both ends. With `into` (large enough), the file is written at its
 * start instead of into a new buffer.
 */
export function grayTiff(width: number, height: number, dpi: number, into?: Uint8Array): { file: Uint8Array; pixels: Uint8Array } {
  const entries = TIFF_ENTRIES;
  const ifd = 8;
  const resolution = ifd + 2 + entries * 12 + 4;
  const data = resolution + 16;
  const size = grayTiffSize(width, height);
  const file = into && into.length >= size ? into.subarray(0, size) : new Uint8Array(size);
  file.fill(0, 0, data); // a reused buffer holds the last file
  const dv = new DataView(file.buffer, file.byteOffset, file.byteLength);
  file[0] = file[1] = 0x49; // "II": little-endian
  dv.setUint16(2, 42, true);
  dv.setUint32(4, ifd, true);
  dv.setUint16(ifd, entries, true);
  let p = ifd + 2;
  const SHORT = 3;
  const LONG = 4;
  const RATIONAL = 5;
  const tag = (id: number, type: number, value: number) => {
    dv.setUint16(p, id, true);
    dv.setUint16(p + 2, type, true);
    dv.setUint32(p + 4, 1, true);
    if (type === SHORT) dv.setUint16(p + 8, value, true);
    else dv.setUint32(p + 8, value, true);
    p += 12;
  };
  // Tags in ascending order, as TIFF requires.
  tag(256, LONG, width);
  tag(257, LONG, height);
  tag(258, SHORT, 8); // bits per sample
  tag(259, SHORT, 1); // no compression
  tag(262, SHORT, 1); // black is zero
  tag(273, LONG, data); // strip offset
  tag(277, SHORT, 1); // samples per pixel
  tag(278, LONG, height); // rows per strip: one strip
  tag(279, LONG, width * height); // strip byte count
  tag(282, RATIONAL, resolution); // x resolution
  tag(283, RATIONAL, resolution + 8); // y resolution (unit: inch, the default)
  dv.setUint32(p, 0, true); // no next image
  const dots = Math.max(1, Math.round(dpi));
  dv.setUint32(resolution, dots, true);
  dv.setUint32(resolution + 4, 1, true);
  dv.setUint32(resolution + 8, dots, true);
  dv.setUint32(resolution + 12, 1, true);
  return { file, pixels: file.subarray(data) };
}

/** Where grayTiff's pixels start, and where its compression and strip byte count are written. */
const TIFF_DATA = grayTiffSize(0, 0);
const TIFF_COMPRESSION_VALUE = 8 + 2 + 3 * 12 + 8;
const TIFF_STRIP_BYTES_VALUE = 8 + 2 + 8 * 12 + 8;

/**
 * A grayTiff file (`width`×`height`) as the same TIFF with its strip PackBits-coded (TIFF's own
 * run-length code, row by row), written into `into` when it is large enough. A cleaned page is
 * mostly plain paper (255): its file comes out several times smaller, and every copy of it on
 * its way to tesseract (to the host process, into a message to an OCR process, into tesseract's
 * file system) is that much shorter; leptonica reads it back to the same pixels.
 */
export function packBitsTiff(file: Uint8Array, width: number, height: number, into?: Uint8Array): Uint8Array {
  const most = TIFF_DATA + width * height + Math.ceil(width / 128) * height;
  const out = into && into.length >= most ? into : new Uint8Array(most);
  out.set(file.subarray(0, TIFF_DATA));
  const px = file.subarray(TIFF_DATA, TIFF_DATA + width * height);
  // Rows of plain paper (margins, the gaps between lines: about half of a page) are found by a
  // native comparison with a white row and take that row's code as it is.
  const rows = Buffer.from(px.buffer, px.byteOffset, px.byteLength);
  const white = Buffer.alloc(width, 255);
  const whiteCode = new Uint8Array(width + Math.ceil(width / 128));
  const whiteLength = packBitsRow(white, 0, width, whiteCode, 0);
  const whiteRow = whiteCode.subarray(0, whiteLength);
  let o = TIFF_DATA;
  for (let y = 0; y < height; y++) {
    const start = y * width;
    if (rows.compare(white, 0, width, start, start + width) === 0) {
      out.set(whiteRow, o);
      o += whiteLength;
    } else {
      o = packBitsRow(px, start, start + width, out, o);
    }
  }
  const dv = new DataView(out.buffer, out.byteOffset, out.byteLength);
  dv.setUint16(TIFF_COMPRESSION_VALUE, 32773, true);
  dv.setUint32(TIFF_STRIP_BYTES_VALUE, o - TIFF_DATA, true);
  return out.subarray(0, o);
}

/** PackBits code of the pixels px[i..end) (one row) written at out[o]; returns where it ends. */
function packBitsRow(px: Uint8Array, i: number, end: number, out: Uint8Array, o: number): number {
  while (i < end) {
    // A run of one level (3 to 128 pixels): two bytes.
    const v = px[i];
    let j = i + 1;
    const runEnd = Math.min(end, i + 128);
    while (j < runEnd && px[j] === v) j++;
    if (j - i >= 3) {
      out[o++] = 257 - (j - i);
      out[o++] = v;
      i = j;
      continue;
    }
    // Otherwise literal pixels up to the next run of 3 (at most 128).
    let k = i + 1;
    const litEnd = Math.min(end, i + 128);
    while (k < litEnd && !(k + 2 < end && px[k] === px[k + 1] && px[k] === px[k + 2])) k++;
    out[o++] = k - i - 1;
    for (; i < k; i++) out[o++] = px[i];
  }
  return o;
}
