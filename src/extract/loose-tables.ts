/**
 * Task tables that lost their columns in OCR text. An OCR engine reading a ruled table with tall
 * rows often writes each cell as its own block: the row number alone on a line, then the task,
 * the product, the lead unit, the cooperating units and the time, one paragraph each:
 *
 *     12
 *
 *     Triển khai thực hiện các nhiệm vụ về số hóa hồ sơ …
 *
 *     Các nhiệm vụ tại Kế hoạch rà soát độc lập … (product)
 *
 *     Các phòng chuyên môn, UBND cấp xã
 *
 *     Văn phòng HĐND và UBND huyện
 *
 *     Thường xuyên
 *
 * After a header that names the columns (Tên nhiệm vụ … Cơ quan chủ trì … phối hợp …), such runs
 * become a grid with the canonical columns, each cell placed by what it says (a unit name, a time,
 * the first block is the task). Rows whose cells are interleaved on shared lines (often the first
 * rows of such a table) are read by `interleaved-rows.ts` with the unit names these rows spell out,
 * and reported: their task text may hold words of other columns.
 */
import type { VFile } from 'vfile';
import type { Grid, GridCell } from './grids.ts';
import { scanTime } from './dates.ts';
import { readInterleavedRows } from './interleaved-rows.ts';
import { startsWithUnit } from './lexicon.ts';
import { type Para, clean, fold, refAt } from './text.ts';

const HEADER = ['TT', 'Tên nhiệm vụ', 'Sản phẩm', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện'];
const TIME_CELL = /^(?:thuong xuyen|lien tuc|theo |truoc |trong |quy |thang |nam |hang |dinh ky|tu ngay|den |hoan thanh|ngay )/;

function isTime(text: string): boolean {
  const f = fold(text).trim();
  return TIME_CELL.test(f) || (f.length < 40 && scanTime(f, { field: true }).length > 0);
}

/** A paragraph written as a pipe table: most of its lines hold two or more "|" (not a few rulings OCR kept). */
export function pipeTable(p: Para): boolean {
  return p.piped && p.lines.filter((l) => (l.text.match(/\|/g) ?? []).length >= 2).length * 2 > p.lines.length;
}

export function findLooseTaskGrids(paras: Para[], from: number, firstIndex: number, file?: VFile): Grid[] {
  const grids: Grid[] = [];
  for (let i = from; i < paras.length; i++) {
    const p = paras[i];
    // Tables of the tree and "a | b" text tables have their columns: read as grids elsewhere.
    if (!p.folded.includes('chu tri') || pipeTable(p) || p.lines.some((l) => l.inTable)) continue;
    // The header: a line naming the task and the lead columns, with the other column names close by
    // (not a header written with pipes: a stray "|" is a ruling OCR kept, two make a text table).
    const hk = p.lines.findIndex((l) => {
      const f = fold(l.text);
      return /chu tri/.test(f) && /(?:ten )?nhiem vu|noi dung|cong viec/.test(f) && /^\s*(?:stt|tt)\b/.test(f) && (l.text.match(/\|/g) ?? []).length < 2;
    });
    if (hk < 0) continue;
    const zone = [...paras.slice(Math.max(from, i - 5), i).map((x) => x.folded), p.folded].join(' ');
    if (!/phoi hop|thoi gian|san pham/.test(zone)) continue;
    const hasProduct = /san pham|ket qua/.test(zone);
    // Rows: a bare row number, then its cells, until the next bare number in sequence.
    const rows: { n: number; at: number; cells: Para[] }[] = [];
    let expect = 0;
    let scrambled = 0;
    // Lines before the first one-cell-per-block row: rows whose cells share lines, if any.
    const zoneLines: { p: Para; k: number }[] = p.lines.slice(hk + 1).map((_, k) => ({ p, k: hk + 1 + k }));
    for (const l of p.lines.slice(hk + 1)) {
      const m = l.text.trim().match(/^(\d{1,2})\s+\S/);
      if (m && Number(m[1]) === expect + 1) {
        scrambled++;
        expect = Number(m[1]);
      }
    }
    let j = i + 1;
    for (; j < paras.length; j++) {
      const q = paras[j];
      if (pipeTable(q) || q.lines.some((l) => l.inTable) || /^(?:phu luc|noi nhan)\b/.test(q.folded.trim())) break;
      const bare = q.text.trim().match(/^(\d{1,2})\s*\.?$/);
      if (bare && (rows.length === 0 || Number(bare[1]) === rows[rows.length - 1].n + 1)) {
        rows.push({ n: Number(bare[1]), at: j, cells: [] });
        continue;
      }
      // Rows whose number opens a line of mixed cells (before the one-cell-per-block rows): counted, not taken apart.
      if (!rows.length) {
        q.lines.forEach((_, k) => zoneLines.push({ p: q, k }));
        for (const l of q.lines) {
          const m = l.text.trim().match(/^(\d{1,2})\s+\S/);
          if (m && Number(m[1]) === expect + 1) {
            scrambled++;
            expect = Number(m[1]);
          }
        }
      }
      if (rows.length) rows[rows.length - 1].cells.push(q);
    }
    if (rows.length < 2 && scrambled < 2) {
      i = Math.max(i, j - 1);
      continue;
    }
    const index = firstIndex + grids.length;
    const g: Grid = { index, page: p.lines[0].page, position: null, rows: [], paras: [], para: i };
    g.rows.push({ cells: HEADER.map((text, c) => ({ text, ref: { ...refAt(p, p.starts[hk] ?? 0), table: index, row: 0, column: c } })) });
    const blockRows: Grid['rows'] = [];
    for (const r of rows) {
      // Blocks that start in lower case continue the block before (a cell broken by a blank line).
      const blocks: Para[][] = [];
      for (const c of r.cells) {
        if (blocks.length && /^\p{Ll}/u.test(c.text.trim()) && !isTime(c.text)) blocks[blocks.length - 1].push(c);
        else blocks.push([c]);
      }
      if (!blocks.length) continue;
      const text = (b: Para[]) => clean(b.map((x) => x.text).join(' '));
      const cell = (b: Para[] | undefined, c: number): GridCell => ({ text: b ? text(b) : '', ref: { ...(b ? refAt(b[0], 0) : refAt(paras[r.at], 0)), table: index, row: g.rows.length, column: c } });
      const task = blocks[0];
      let time: Para[] | undefined;
      const units: Para[][] = [];
      const others: Para[][] = [];
      for (const b of blocks.slice(1)) {
        const t = text(b);
        if (!time && isTime(t)) time = b;
        else if (time && /^\p{Ll}/u.test(t)) time.push(...b);
        else if (startsWithUnit(t) && units.length < 2) units.push(b);
        else others.push(b);
      }
      const product = hasProduct && others.length ? others.flat() : undefined;
      blockRows.push({ cells: [cell(paras[r.at] ? [paras[r.at]] : undefined, 0), cell(task, 1), cell(product, 2), cell(units[0], 3), cell(units[1], 4), cell(time, 5)], para: r.at });
      for (const b of blocks) for (const x of b) g.paras.push(x.index);
      g.paras.push(r.at);
    }
    if (scrambled) {
      // Rows interleaved on shared lines: read with the unit names the other rows spell out whole.
      // Without rows laid out one cell per block after them, the zone ends with the paragraph of the
      // last row-number line (what follows is the body of the document again).
      if (!rows.length) {
        let last = -1;
        for (let k = 0, expectN = 1; k < zoneLines.length; k++) {
          const m = zoneLines[k].p.lines[zoneLines[k].k].text.trim().match(/^(\d{1,2})\s+\S/);
          if (m && Number(m[1]) === expectN) {
            expectN++;
            last = k;
          }
        }
        const endPara = last >= 0 ? zoneLines[last].p : p;
        let cut = zoneLines.length;
        while (cut > 0 && zoneLines[cut - 1].p !== endPara) cut--;
        zoneLines.splice(cut);
      }
      const known = blockRows.flatMap((r) => [r.cells[3].text, r.cells[4].text]).filter(Boolean);
      const read = readInterleavedRows(zoneLines.map((z, at) => ({ text: z.p.lines[z.k].text, at })), known);
      for (const r of read) {
        const z = zoneLines[r.at];
        const ref = refAt(z.p, z.p.starts[z.k] ?? 0);
        const texts = [String(r.n), r.task, '', r.lead ?? '', r.cooperating.join('; '), r.time ?? ''];
        g.rows.push({ cells: texts.map((text, c) => ({ text, ref: { ...ref, table: index, row: g.rows.length, column: c } })), para: z.p.index });
      }
      for (const z of zoneLines) if (!g.paras.includes(z.p.index) && z.p !== p) g.paras.push(z.p.index);
      file?.message(
        `task table with ${scrambled} row(s) whose cells share lines (layout lost in OCR): ${read.length} read by position and known unit names, their task text may hold words of other columns`,
        { line: p.lines[hk].line || 1, column: 1 },
        'extract:tasks',
      );
    }
    for (const r of blockRows) g.rows.push({ ...r, cells: r.cells.map((c) => ({ ...c, ref: { ...c.ref, row: g.rows.length } })) });
    if (g.rows.length > 2) {
      grids.push(g);
      for (const k of g.paras) paras[k].piped = true;
    }
    i = Math.max(i, j - 1);
  }
  return grids;
}
