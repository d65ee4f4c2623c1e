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
 * the first block is the task). Rows whose cells are interleaved on shared lines cannot be taken
 * apart without the page geometry: they are reported, not guessed.
 */
import type { VFile } from 'vfile';
import type { Grid, GridCell } from './grids.ts';
import { scanTime } from './dates.ts';
import { startsWithUnit } from './lexicon.ts';
import { type Para, clean, fold, refAt } from './text.ts';

const HEADER = ['TT', 'Tên nhiệm vụ', 'Sản phẩm', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện'];
const TIME_CELL = /^(?:thuong xuyen|lien tuc|theo |truoc |trong |quy |thang |nam |hang |dinh ky|tu ngay|den |hoan thanh|ngay )/;

function isTime(text: string): boolean {
  const f = fold(text).trim();
  return TIME_CELL.test(f) || (f.length < 40 && scanTime(f, { field: true }).length > 0);
}

export function findLooseTaskGrids(paras: Para[], from: number, firstIndex: number, file?: VFile): Grid[] {
  const grids: Grid[] = [];
  for (let i = from; i < paras.length; i++) {
    const p = paras[i];
    if (p.lines.some((l) => l.inTable)) continue;
    // The header: a line naming the task and the lead columns, with the other column names close by.
    const hk = p.lines.findIndex((l) => {
      const f = fold(l.text);
      return /chu tri/.test(f) && /(?:ten )?nhiem vu|noi dung|cong viec/.test(f) && /^\s*(?:stt|tt)\b/.test(f);
    });
    if (hk < 0) continue;
    const zone = [...paras.slice(Math.max(from, i - 5), i).map((x) => x.folded), p.folded].join(' ');
    if (!/phoi hop|thoi gian|san pham/.test(zone)) continue;
    const hasProduct = /san pham|ket qua/.test(zone);
    // Rows: a bare row number, then its cells, until the next bare number in sequence.
    const rows: { n: number; at: number; cells: Para[] }[] = [];
    let expect = 0;
    let scrambled = 0;
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
      if (q.lines.some((l) => l.inTable) || /^(?:phu luc|noi nhan)\b/.test(q.folded.trim())) break;
      const bare = q.text.trim().match(/^(\d{1,2})\s*\.?$/);
      if (bare && (rows.length === 0 || Number(bare[1]) === rows[rows.length - 1].n + 1)) {
        rows.push({ n: Number(bare[1]), at: j, cells: [] });
        continue;
      }
      // Rows whose number opens a line of mixed cells (before the one-cell-per-block rows): counted, not taken apart.
      if (!rows.length) {
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
    if (scrambled) file?.message(`task table with ${scrambled} row(s) whose cells share lines (layout lost in OCR): not read`, { line: p.lines[hk].line || 1, column: 1 }, 'extract:tasks');
    if (rows.length < 2) {
      i = Math.max(i, j - 1);
      continue;
    }
    const index = firstIndex + grids.length;
    const g: Grid = { index, page: p.lines[0].page, position: null, rows: [], paras: [], para: i };
    g.rows.push({ cells: HEADER.map((text, c) => ({ text, ref: { ...refAt(p, p.starts[hk] ?? 0), table: index, row: 0, column: c } })) });
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
      g.rows.push({ cells: [cell(paras[r.at] ? [paras[r.at]] : undefined, 0), cell(task, 1), cell(product, 2), cell(units[0], 3), cell(units[1], 4), cell(time, 5)], para: r.at });
      for (const b of blocks) for (const x of b) g.paras.push(x.index);
      g.paras.push(r.at);
    }
    if (g.rows.length > 2) {
      grids.push(g);
      for (const k of g.paras) paras[k].piped = true;
    }
    i = Math.max(i, j - 1);
  }
  return grids;
}
