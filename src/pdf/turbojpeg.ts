/**
 * JPEG decoding through the system's libjpeg-turbo (`libturbojpeg.so.0`, Debian package
 * libturbojpeg0), called through koffi (a foreign-function interface; no build step). A scanned
 * page is one JPEG, and decoding it was the page process's biggest cost: Skia (@napi-rs/canvas)
 * takes about 100 ms of CPU for an A4 page at 300 dpi, libjpeg-turbo's own SIMD decoder about
 * 12 ms into a buffer kept from page to page. It also scales in the DCT (½, ¼…), so a 600 dpi
 * scan is decoded straight to 300 dpi.
 *
 * Optional: without the library (or without koffi's binary for this platform) `turboJpeg()` is
 * null and callers decode with Skia as before. Runs only inside the page process (a native
 * decoder may crash on a corrupt file; see page-worker.ts).
 */
import { createRequire } from 'node:module';

/** Decoded pixels: RGBA (alpha 255), `width`×`height`, rows `width` pixels apart. */
export interface TurboPixels {
  width: number;
  height: number;
  data: Uint8Array;
  naturalWidth: number;
  naturalHeight: number;
}

export interface JpegPlanes {
  width: number;
  height: number;
  /** Luma, `width`×`height`, rows `width` apart. */
  luma: Uint8Array;
  chroma: ChromaPlanes | null;
}

export interface ChromaPlanes {
  width: number;
  height: number;
  /** Luma pixels per chroma sample, across and down. */
  sx: number;
  sy: number;
  cb: Uint8Array;
  cr: Uint8Array;
}

export interface TurboJpeg {
  /** The JPEG's pixel size, or null when libjpeg-turbo cannot read its header. */
  size(jpeg: Uint8Array): { width: number; height: number } | null;
  /**
   * Decodes `jpeg` scaled by `num`/`denom` (one of libjpeg-turbo's factors; 1/1 for its own size)
   * into `into` when it is large enough (else a new buffer). Throws with libjpeg-turbo's reason.
   */
  decode(jpeg: Uint8Array, scale?: { num: number; denom: number }, into?: Uint8Array): TurboPixels;
  /**
   * Decodes `jpeg` at its own size to its planes, without colour conversion: the luma plane
   * (rows `width` apart, in the buffer `buffer(n)` gives for n bytes) and, for a colour JPEG, the two
   * chroma planes at their own resolution (one sample per `sx`×`sy` luma pixels). Null for a JPEG
   * not coded as YCbCr or gray (CMYK, RGB). Throws with libjpeg-turbo's reason.
   */
  decodePlanes(jpeg: Uint8Array, buffer?: (n: number) => Uint8Array): JpegPlanes | null;
  /** The scaling factors the library offers, largest first. */
  scales: ReadonlyArray<{ num: number; denom: number }>;
}

const TJPF_RGBA = 7;
const TJSAMP_GRAY = 3;
const TJCS_YCbCr = 1;
const TJCS_GRAY = 2;
const TJFLAG_ACCURATEDCT = 4096;

let loaded: TurboJpeg | null | undefined;

/** The decoder, or null when libjpeg-turbo or koffi is not available here. */
export function turboJpeg(): TurboJpeg | null {
  if (loaded === undefined) {
    try {
      loaded = process.env.SOHOA_NO_TURBOJPEG ? null : load();
    } catch {
      loaded = null;
    }
  }
  return loaded;
}

function load(): TurboJpeg {
  const koffi = createRequire(import.meta.url)('koffi') as typeof import('koffi');
  const lib = loadFirst(koffi, ['libturbojpeg.so.0', 'libturbojpeg.so', 'libturbojpeg.0.dylib', 'libturbojpeg.dylib', 'turbojpeg.dll']);
  const ScalingFactor = koffi.struct('tjscalingfactor', { num: 'int', denom: 'int' });
  const init = lib.func('void *tjInitDecompress()');
  const header = lib.func('int tjDecompressHeader3(void *handle, const uint8_t *jpeg, unsigned long size, _Out_ int *width, _Out_ int *height, _Out_ int *subsamp, _Out_ int *colorspace)');
  const decompress = lib.func('int tjDecompress2(void *handle, const uint8_t *jpeg, unsigned long size, uint8_t *dst, int width, int pitch, int height, int pixelFormat, int flags)');
  const errorOf = lib.func('const char *tjGetErrorStr2(void *handle)');
  const factors = lib.func('tjscalingfactor *tjGetScalingFactors(_Out_ int *count)');
  const decompressYuv = lib.func('int tjDecompressToYUV2(void *handle, const uint8_t *jpeg, unsigned long size, uint8_t *dst, int width, int align, int height, int flags)');
  const planeWidth = lib.func('int tjPlaneWidth(int component, int width, int subsamp)');
  const planeHeight = lib.func('int tjPlaneHeight(int component, int height, int subsamp)');
  const handle = init();
  if (!handle) throw new Error('libjpeg-turbo: no decompressor');
  const count = [0];
  const ptr = factors(count);
  const scales = (koffi.decode(ptr, ScalingFactor, count[0]) as Array<{ num: number; denom: number }>)
    .map(({ num, denom }) => ({ num, denom }))
    .sort((a, b) => b.num / b.denom - a.num / a.denom);
  const size = (jpeg: Uint8Array) => {
    const w = [0];
    const h = [0];
    if (header(handle, jpeg, jpeg.byteLength, w, h, [0], [0]) !== 0 || w[0] <= 0 || h[0] <= 0) return null;
    return { width: w[0], height: h[0] };
  };
  return {
    scales,
    size,
    decodePlanes(jpeg, buffer) {
      const w = [0];
      const h = [0];
      const subsamp = [0];
      const colorspace = [0];
      if (header(handle, jpeg, jpeg.byteLength, w, h, subsamp, colorspace) !== 0) throw new Error(`libjpeg-turbo: ${errorOf(handle)}`);
      if (colorspace[0] !== TJCS_YCbCr && colorspace[0] !== TJCS_GRAY) return null;
      const width = w[0];
      const height = h[0];
      const gray = subsamp[0] === TJSAMP_GRAY;
      const lw = planeWidth(0, width, subsamp[0]);
      const lh = planeHeight(0, height, subsamp[0]);
      const cw = gray ? 0 : planeWidth(1, width, subsamp[0]);
      const ch = gray ? 0 : planeHeight(1, height, subsamp[0]);
      const n = lw * lh + 2 * cw * ch;
      const buf = buffer ? buffer(n) : new Uint8Array(n);
      if (buf.byteLength < n) throw new Error('decodePlanes: buffer too small');
      if (decompressYuv(handle, jpeg, jpeg.byteLength, buf, width, 1, height, TJFLAG_ACCURATEDCT) !== 0) {
        throw new Error(`libjpeg-turbo: ${errorOf(handle)}`);
      }
      // The luma plane is padded to whole chroma samples: its rows are closed up to `width`.
      if (lw !== width) for (let y = 1; y < height; y++) buf.copyWithin(y * width, y * lw, y * lw + width);
      const luma = buf.subarray(0, width * height);
      if (gray) return { width, height, luma, chroma: null };
      const at = lw * lh;
      const chroma = {
        width: cw,
        height: ch,
        sx: Math.round(lw / cw),
        sy: Math.round(lh / ch),
        cb: buf.subarray(at, at + cw * ch),
        cr: buf.subarray(at + cw * ch, at + 2 * cw * ch),
      };
      return { width, height, luma, chroma };
    },
    decode(jpeg, scale = { num: 1, denom: 1 }, into) {
      const natural = size(jpeg);
      if (!natural) throw new Error(`libjpeg-turbo: ${errorOf(handle)}`);
      const width = turboScaled(natural.width, scale);
      const height = turboScaled(natural.height, scale);
      const n = width * height * 4;
      const data = into && into.byteLength >= n ? into.subarray(0, n) : new Uint8Array(n);
      // The same inverse DCT as Skia's decoder (the accurate integer one), so either gives a page
      // the same pixels. A damaged file (even one only warned about) throws: Skia then reads what
      // it can of it, as it always did.
      if (decompress(handle, jpeg, jpeg.byteLength, data, width, 0, height, TJPF_RGBA, TJFLAG_ACCURATEDCT) !== 0) {
        throw new Error(`libjpeg-turbo: ${errorOf(handle)}`);
      }
      return { width, height, data, naturalWidth: natural.width, naturalHeight: natural.height };
    },
  };
}

/** A size scaled by a libjpeg-turbo factor, rounded as the library does (TJSCALED). */
export function turboScaled(n: number, s: { num: number; denom: number }): number {
  return Math.floor((n * s.num + s.denom - 1) / s.denom);
}

function loadFirst(koffi: typeof import('koffi'), names: string[]) {
  let last: unknown;
  for (const name of names) {
    try {
      return koffi.load(name);
    } catch (error) {
      last = error;
    }
  }
  throw last;
}
