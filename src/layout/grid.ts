/**
 * Ruled tables from grid lines: finds long horizontal and vertical ink runs in a binarised page,
 * groups the rules that cross each other into tables, and cuts each table into cells (with
 * row and column spans where an inner rule is missing).
 *
 * Pure and CPU-bound over full page masks: run inside the page worker.
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
  const { width: w, height: h, data } = mask;
  const lines = dir === 'h' ? h : w;
  const len = dir === 'h' ? w : h;
  const at = dir === 'h' ? (l: number, p: number) => data[l * w + p] : (l: number, p: number) => data[p * w + l];
  // Runs per scan line, then merged across neighbouring scan lines into rules.
  const open: Array<{ a: number; b: number; l0: number; l1: number }> = [];
  const done: Rule[] = [];
  for (let l = 0; l < lines; l++) {
    const runs: Array<[number, number]> = [];
    let start = -1;
    let lastInk = -1;
    for (let p = 0; p < len; p++) {
      if (at(l, p)) {
        if (start < 0) start = p;
        lastInk = p;
      } else if (start >= 0 && p - lastInk > gap) {
        if (lastInk - start + 1 >= minLen) runs.push([start, lastInk + 1]);
        start = -1;
      }
    }
    if (start >= 0 && lastInk - start + 1 >= minLen) runs.push([start, lastInk + 1]);
    for (const [a, b] of runs) {
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
