/**
 * Ruled tables from grid lines: finds long horizontal and vertical ink runs in a binarised page,
 * groups the rules that cross each other into tables, and cuts each table into cells (with
 * row and column spans where an inner rule is missing).
 *
 * Pure and CPU-bound over full page masks: run inside the page process.
 */
import type { InkMask } from '../ocr/preprocess.ts';
import type { BBox } from '../tree/types.ts';

/** A rule: a thin rectangle of ink. */
export interface Rule extends BBox {}

export interface GridCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  bbox: BBox;
}

export interface GridTable {
  bbox: BBox;
  /** Row boundaries (y), top to bottom; rows = ys.length - 1. */
  ys: number[];
  /** Column boundaries (x), left to right. */
  xs: number[];
  cells: GridCell[];
}

export interface Rules {
  horizontal: Rule[];
  vertical: Rule[];
}

/** Finds horizontal and vertical rules. Lengths scale with the resolution (dpi). */
export function detectRules(mask: InkMask, dpi: number): Rules {
  const gap = Math.max(1, Math.round(dpi / 150));
  return {
    horizontal: findRuns(mask, 'h', Math.round(dpi * 0.5), gap),
    vertical: findRuns(mask, 'v', Math.round(dpi * 0.22), gap),
  };
}

function findRuns(mask: InkMask, dir: 'h' | 'v', minLen: number, gap: number): Rule[] {
  // Long ink runs along each scan line (a row for 'h', a column for 'v'), as [line, a, b)
  // triples ordered by line; both directions are scanned row by row (memory order).
  const runs = dir === 'h' ? rowRuns(mask, minLen, gap) : columnRuns(mask, minLen, gap);
  // Runs merged across neighbouring scan lines into rules.
  const open: Array<{ a: number; b: number; l0: number; l1: number }> = [];
  const done: Rule[] = [];
  for (let k = 0; k < runs.length; ) {
    const l = runs[k];
    for (; k < runs.length && runs[k] === l; k += 3) {
      const a = runs[k + 1];
      const b = runs[k + 2];
      const hit = open.find((o) => o.l1 >= l - 1 - gap && Math.min(o.b, b) - Math.max(o.a, a) > 0.5 * Math.min(o.b - o.a, b - a));
      if (hit) {
        hit.a = Math.min(hit.a, a);
        hit.b = Math.max(hit.b, b);
        hit.l1 = l;
      } else open.push({ a, b, l0: l, l1: l });
    }
    for (let i = open.length - 1; i >= 0; i--) {
      const o = open[i];
      if (o.l1 < l - 1 - gap) {
        done.push(toRule(o, dir));
        open.splice(i, 1);
      }
    }
  }
  for (const o of open) done.push(toRule(o, dir));
  // A rule is thin: a thick blob (a filled box, a photo) is not a rule.
  const maxThickness = Math.max(6, minLen / 8);
  return done.filter((r) => (dir === 'h' ? r.y1 - r.y0 : r.x1 - r.x0) <= maxThickness);
}

/** Runs of ink at least minLen long (gaps up to `gap` bridged) in every row. */
function rowRuns(mask: InkMask, minLen: number, gap: number): number[] {
  const { width: w, height: h, data } = mask;
  const out: number[] = [];
  for (let y = 0; y < h; y++) {
    const o = y * w;
    let start = -1;
    let lastInk = -1;
    for (let x = 0; x < w; x++) {
      if (data[o + x]) {
        if (start < 0) start = x;
        lastInk = x;
      } else if (start >= 0 && x - lastInk > gap) {
        if (lastInk - start + 1 >= minLen) out.push(y, start, lastInk + 1);
        start = -1;
      }
    }
    if (start >= 0 && lastInk - start + 1 >= minLen) out.push(y, start, lastInk + 1);
  }
  return out;
}

/** The same for every column, keeping one open run per column while scanning the rows. */
function columnRuns(mask: InkMask, minLen: number, gap: number): number[] {
  const { width: w, height: h, data } = mask;
  const start = new Int32Array(w).fill(-1);
  const last = new Int32Array(w);
  const found: number[] = [];
  for (let y = 0; y < h; y++) {
    const o = y * w;
    for (let x = 0; x < w; x++) {
      if (data[o + x]) {
        if (start[x] < 0) start[x] = y;
        last[x] = y;
      } else if (start[x] >= 0 && y - last[x] > gap) {
        if (last[x] - start[x] + 1 >= minLen) found.push(x, start[x], last[x] + 1);
        start[x] = -1;
      }
    }
  }
  for (let x = 0; x < w; x++) if (start[x] >= 0 && last[x] - start[x] + 1 >= minLen) found.push(x, start[x], last[x] + 1);
  // Order by column, then by start (as a column scan finds them).
  const order = Array.from({ length: found.length / 3 }, (_, i) => i).sort((p, q) => found[p * 3] - found[q * 3] || found[p * 3 + 1] - found[q * 3 + 1]);
  const out: number[] = new Array(found.length);
  order.forEach((i, k) => {
    out[k * 3] = found[i * 3];
    out[k * 3 + 1] = found[i * 3 + 1];
    out[k * 3 + 2] = found[i * 3 + 2];
  });
  return out;
}

function toRule(o: { a: number; b: number; l0: number; l1: number }, dir: 'h' | 'v'): Rule {
  return dir === 'h' ? { x0: o.a, x1: o.b, y0: o.l0, y1: o.l1 + 1 } : { x0: o.l0, x1: o.l1 + 1, y0: o.a, y1: o.b };
}

function crosses(hr: Rule, vr: Rule, tol: number): boolean {
  return vr.x0 >= hr.x0 - tol && vr.x1 <= hr.x1 + tol && hr.y0 >= vr.y0 - tol && hr.y1 <= vr.y1 + tol;
}

/** Groups crossing rules into tables and cuts them into cells. */
export function buildTables(rules: Rules, dpi: number): GridTable[] {
  const tol = Math.max(3, Math.round(dpi / 30));
  const { horizontal: hs, vertical: vs } = rules;
  // Union-find over rules: index < hs.length are horizontal.
  const parent = Array.from({ length: hs.length + vs.length }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < hs.length; i++) {
    for (let j = 0; j < vs.length; j++) {
      if (crosses(hs[i], vs[j], tol)) parent[find(i)] = find(hs.length + j);
    }
  }
  const groups = new Map<number, { h: Rule[]; v: Rule[] }>();
  hs.forEach((r, i) => {
    const g = groups.get(find(i)) ?? { h: [], v: [] };
    g.h.push(r);
    groups.set(find(i), g);
  });
  vs.forEach((r, j) => {
    const g = groups.get(find(hs.length + j)) ?? { h: [], v: [] };
    g.v.push(r);
    groups.set(find(hs.length + j), g);
  });
  const tables: GridTable[] = [];
  for (const g of groups.values()) {
    if (g.h.length < 2 || g.v.length < 2) continue;
    const ys = clusterPositions(g.h.map((r) => (r.y0 + r.y1) / 2), tol);
    const xs = clusterPositions(g.v.map((r) => (r.x0 + r.x1) / 2), tol);
    if (ys.length < 2 || xs.length < 2) continue;
    const table = cutCells(ys, xs, g.h, g.v, tol);
    if (table) tables.push(table);
  }
  return tables.sort((a, b) => a.bbox.y0 - b.bbox.y0);
}

function clusterPositions(values: number[], tol: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1] <= tol) last.push(v);
    else out.push([v]);
  }
  return out.map((c) => Math.round(c.reduce((s, v) => s + v, 0) / c.length));
}

function cutCells(ys: number[], xs: number[], hs: Rule[], vs: Rule[], tol: number): GridTable | null {
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  // Is there a vertical rule at boundary xs[c] over the middle of row r? (and so on)
  const hasV = (c: number, r: number): boolean => {
    const x = xs[c];
    const ym = (ys[r] + ys[r + 1]) / 2;
    return vs.some((v) => Math.abs((v.x0 + v.x1) / 2 - x) <= tol && v.y0 - tol <= ym && v.y1 + tol >= ym);
  };
  const hasH = (r: number, c: number): boolean => {
    const y = ys[r];
    const xm = (xs[c] + xs[c + 1]) / 2;
    return hs.some((h) => Math.abs((h.y0 + h.y1) / 2 - y) <= tol && h.x0 - tol <= xm && h.x1 + tol >= xm);
  };
  // Drop slivers: rows or columns thinner than a rule's tolerance are double rules.
  const owner = new Int32Array(rows * cols).fill(-1);
  const cells: GridCell[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (owner[r * cols + c] >= 0) continue;
      let colSpan = 1;
      while (c + colSpan < cols && !hasV(c + colSpan, r)) colSpan++;
      let rowSpan = 1;
      while (r + rowSpan < rows && !hasH(r + rowSpan, c)) rowSpan++;
      const idx = cells.length;
      for (let rr = r; rr < r + rowSpan; rr++) for (let cc = c; cc < c + colSpan; cc++) owner[rr * cols + cc] = idx;
      cells.push({
        row: r,
        col: c,
        rowSpan,
        colSpan,
        bbox: { x0: xs[c], y0: ys[r], x1: xs[c + colSpan], y1: ys[r + rowSpan] },
      });
    }
  }
  if (cells.length < 2) return null;
  return { bbox: { x0: xs[0], y0: ys[0], x1: xs[cols], y1: ys[rows] }, ys, xs, cells };
}

/** Paints rules white in a gray image so that OCR does not read them as letters (l, I, _). */
export function eraseRules(gray: { width: number; height: number; data: Uint8Array }, rules: Rule[], pad = 1): void {
  const { width: w, height: h, data } = gray;
  for (const r of rules) {
    const x0 = Math.max(0, r.x0 - pad);
    const x1 = Math.min(w, r.x1 + pad);
    const y0 = Math.max(0, r.y0 - pad);
    const y1 = Math.min(h, r.y1 + pad);
    for (let y = y0; y < y1; y++) data.fill(255, y * w + x0, y * w + x1);
  }
}
