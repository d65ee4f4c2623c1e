/**
 * Makes a clean page image look scanned: a red seal, skew, paper tone, blur, sensor noise,
 * speckles and JPEG artefacts. Deterministic for a given seed.
 */
import { createCanvas, GlobalFonts, type Canvas } from '@napi-rs/canvas';

export interface ScanLook {
  skewDegrees: number;
  /** Gaussian noise sigma in gray levels. */
  noise: number;
  /** 0 = none; 1 = 3×3 blur; 2 = two passes. */
  blur: number;
  /** Speckles per million pixels. */
  speckles: number;
  jpegQuality: number;
  /** Paper gray level (255 = white). */
  paper: number;
  stamp?: { x: number; y: number; text: string };
  seed: number;
}

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The round red seal of a People's Committee, drawn over the signature (multiply blend). */
function drawStamp(page: Canvas, cx: number, cy: number, text: string, dpi: number): void {
  const ctx = page.getContext('2d');
  const r = (19 / 25.4) * dpi;
  ctx.save();
  ctx.globalCompositeOperation = 'multiply';
  ctx.strokeStyle = 'rgba(215, 35, 45, 0.8)';
  ctx.fillStyle = 'rgba(215, 35, 45, 0.8)';
  ctx.lineWidth = dpi / 60;
  for (const k of [1, 0.74]) {
    ctx.beginPath();
    ctx.arc(cx, cy, r * k, 0, Math.PI * 2);
    ctx.stroke();
  }
  ctx.font = `${(dpi * 0.085).toFixed(1)}px SohoaSerif-bold`;
  const chars = [...text];
  chars.forEach((ch, i) => {
    const a = -Math.PI / 2 + ((i - (chars.length - 1) / 2) * (Math.PI * 1.5)) / chars.length;
    ctx.save();
    ctx.translate(cx + Math.cos(a) * r * 0.87, cy + Math.sin(a) * r * 0.87);
    ctx.rotate(a + Math.PI / 2);
    ctx.fillText(ch, -ctx.measureText(ch).width / 2, dpi * 0.03);
    ctx.restore();
  });
  // The star in the middle.
  ctx.beginPath();
  for (let i = 0; i < 10; i++) {
    const rr = i % 2 ? r * 0.16 : r * 0.4;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    ctx.lineTo(cx + Math.cos(a) * rr, cy + Math.sin(a) * rr);
  }
  ctx.closePath();
  ctx.fill();
  ctx.restore();
}

/** Returns the degraded page as JPEG bytes. */
export async function scanLook(page: Canvas, dpi: number, look: ScanLook): Promise<Uint8Array> {
  void GlobalFonts;
  const rand = rng(look.seed);
  if (look.stamp) drawStamp(page, look.stamp.x, look.stamp.y, look.stamp.text, dpi);
  const w = page.width;
  const h = page.height;
  const out = createCanvas(w, h);
  const ctx = out.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, w, h);
  ctx.translate(w / 2, h / 2);
  ctx.rotate((look.skewDegrees * Math.PI) / 180);
  ctx.drawImage(page, -w / 2, -h / 2);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  const img = ctx.getImageData(0, 0, w, h);
  const d = img.data;
  for (let pass = 0; pass < look.blur; pass++) blur3(d, w, h);
  const gauss = () => {
    const u = rand() || 1e-9;
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
  };
  const paperScale = look.paper / 255;
  for (let i = 0; i < w * h; i++) {
    const n = look.noise ? gauss() * look.noise : 0;
    for (let c = 0; c < 3; c++) {
      const v = d[i * 4 + c] * paperScale + n;
      d[i * 4 + c] = v < 0 ? 0 : v > 255 ? 255 : v;
    }
  }
  const speckles = Math.round((look.speckles * w * h) / 1e6);
  for (let s = 0; s < speckles; s++) {
    const x = Math.floor(rand() * (w - 3));
    const y = Math.floor(rand() * (h - 3));
    const size = 1 + Math.floor(rand() * 2);
    const v = 40 + rand() * 80;
    for (let dy = 0; dy < size; dy++) for (let dx = 0; dx < size; dx++) for (let c = 0; c < 3; c++) d[((y + dy) * w + x + dx) * 4 + c] = v;
  }
  ctx.putImageData(img, 0, 0);
  return new Uint8Array(await out.encode('jpeg', look.jpegQuality));
}

function blur3(d: Uint8ClampedArray, w: number, h: number): void {
  const src = new Uint8ClampedArray(d);
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = (y * w + x) * 4;
      for (let c = 0; c < 3; c++) {
        const k = i + c;
        d[k] =
          (4 * src[k] + 2 * (src[k - 4] + src[k + 4] + src[k - w * 4] + src[k + w * 4]) + src[k - w * 4 - 4] + src[k - w * 4 + 4] + src[k + w * 4 - 4] + src[k + w * 4 + 4]) >>
          4;
      }
    }
  }
}
