import type { DumpedTable } from '../../lib/engine/report/format-tables';

/** A hand-checked grid of test/acceptance/grids/ (see the README there). */
export interface TruthGrid {
  file: string;
  title: string;
  pages: number[];
  producer: string;
  creator?: string;
  unit: string | null;
  note?: string;
  grid: string[][];
}

export interface TableScore {
  title: string;
  pages: number[];
  /** Extracted tables the truth was found as (0: not found; more than 1: split). */
  pieces: number;
  cells: number;
  cellsRight: number;
  rows: number;
  rowsRight: number;
  /** Truth rows with no extracted row at all (lost at a page break, most often). */
  rowsLost: number;
  /** Where the reading differs, for people: "r12 c3: 「1,833.30」 read 「」". */
  misses: string[];
}

/** Text equality as the checks see it: NFKC, no whitespace (justified labels "因 公 出 国" included). */
export function cellKey(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

function blank(row: string[]): boolean {
  return row.every((cell) => cellKey(cell) === '');
}

function rowKey(row: string[]): string {
  return row.map(cellKey).join('|');
}

function sameCells(truth: string[], read: string[]): number {
  let same = 0;
  truth.forEach((cell, c) => {
    if (cellKey(cell) === cellKey(read[c] ?? '')) same += 1;
  });
  return same;
}

function overlap(truth: TruthGrid, table: DumpedTable): number {
  const keys = new Set(truth.grid.filter((row) => !blank(row)).map(rowKey));
  return table.rows.filter((row) => !blank(row) && keys.has(rowKey(row))).length;
}

/**
 * The extracted tables a truth was read as: the one with its title (else the one sharing most
 * rows on its first page), then the tables after it that lie on the truth's pages and carry no
 * other title (or share at least half their rows with the truth). Tables with no text are page
 * debris and are passed over.
 */
export function piecesOf(truth: TruthGrid, tables: DumpedTable[]): DumpedTable[] {
  const title = cellKey(truth.title);
  const onPages = (table: DumpedTable) => table.pages.length > 0 && table.pages.every((p) => truth.pages.includes(p));
  const titled = (table: DumpedTable) => cellKey(table.title);
  let start = tables.findIndex((t) => onPages(t) && titled(t) === title);
  if (start < 0) start = tables.findIndex((t) => onPages(t) && titled(t) !== '' && (titled(t).includes(title) || title.includes(titled(t))));
  if (start < 0) {
    let best = 0;
    tables.forEach((t, i) => {
      const shared = t.pages.includes(truth.pages[0]!) ? overlap(truth, t) : 0;
      if (shared > best) [best, start] = [shared, i];
    });
  }
  if (start < 0) return [];
  const pieces = [tables[start]!];
  for (const table of tables.slice(start + 1)) {
    if (!onPages(table)) break;
    if (table.rows.every(blank)) continue;
    const foreign = titled(table) !== '' && titled(table) !== title;
    if (foreign && overlap(truth, table) * 2 < table.rows.filter((row) => !blank(row)).length) break;
    pieces.push(table);
  }
  return pieces;
}

/**
 * Aligns truth rows with read rows in order (the most equal cells over all pairs, a pair only
 * when at least half its cells agree), then counts. Rows read but absent from the truth
 * (repeated headers, page debris) cost nothing; truth rows read nowhere are lost.
 */
export function scoreTable(truth: TruthGrid, pieces: DumpedTable[]): TableScore {
  const want = truth.grid.filter((row) => !blank(row));
  const read = pieces.flatMap((p) => p.rows).filter((row) => !blank(row));
  const n = want.length;
  const m = read.length;
  const best: number[][] = Array.from({ length: n + 1 }, () => Array.from({ length: m + 1 }, () => 0));
  const pair = (i: number, j: number) => {
    const same = sameCells(want[i]!, read[j]!);
    return same * 2 >= want[i]!.length && same > 0 ? same : -1;
  };
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) {
      const here = pair(i, j);
      best[i]![j] = Math.max(best[i + 1]![j]!, best[i]![j + 1]!, here >= 0 ? here + best[i + 1]![j + 1]! : -1);
    }
  }
  const matched = Array.from({ length: n }, () => -1);
  for (let i = 0, j = 0; i < n && j < m; ) {
    const here = pair(i, j);
    if (here >= 0 && best[i]![j] === here + best[i + 1]![j + 1]!) {
      matched[i] = j;
      i += 1;
      j += 1;
    } else if (best[i]![j] === best[i + 1]![j]) i += 1;
    else j += 1;
  }
  const score: TableScore = { title: truth.title, pages: truth.pages, pieces: pieces.length, cells: 0, cellsRight: 0, rows: n, rowsRight: 0, rowsLost: 0, misses: [] };
  want.forEach((row, i) => {
    score.cells += row.length;
    const j = matched[i]!;
    if (j < 0) {
      score.rowsLost += 1;
      score.misses.push(`lost row ${i}: ${row.filter((c) => c.trim()).join(' | ')}`);
      return;
    }
    const got = read[j]!;
    const same = sameCells(row, got);
    score.cellsRight += same;
    const extra = got.slice(row.length).some((cell) => cellKey(cell) !== '');
    if (same === row.length && !extra) score.rowsRight += 1;
    row.forEach((cell, c) => {
      if (cellKey(cell) !== cellKey(got[c] ?? '')) score.misses.push(`r${i} c${c}: 「${cell}」 read 「${got[c] ?? ''}」`);
    });
    if (extra) score.misses.push(`r${i}: extra cells ${got.slice(row.length).join(' | ')}`);
  });
  if (pieces.length === 0) score.misses.unshift('not found');
  return score;
}

export interface FileScore {
  file: string;
  tables: number;
  /** Truth tables printed on more than one page, and how many of them were read as one table. */
  continued: number;
  joined: number;
  split: number;
  notFound: number;
  cells: number;
  cellsRight: number;
  rows: number;
  rowsRight: number;
  rowsLost: number;
}

export function fileScore(file: string, scores: { truth: TruthGrid; score: TableScore }[]): FileScore {
  const total: FileScore = { file, tables: 0, continued: 0, joined: 0, split: 0, notFound: 0, cells: 0, cellsRight: 0, rows: 0, rowsRight: 0, rowsLost: 0 };
  for (const { truth, score } of scores) {
    total.tables += 1;
    if (truth.pages.length > 1) {
      total.continued += 1;
      if (score.pieces === 1) total.joined += 1;
    }
    if (score.pieces > 1) total.split += 1;
    if (score.pieces === 0) total.notFound += 1;
    total.cells += score.cells;
    total.cellsRight += score.cellsRight;
    total.rows += score.rows;
    total.rowsRight += score.rowsRight;
    total.rowsLost += score.rowsLost;
  }
  return total;
}

export function percent(part: number, whole: number): string {
  return whole === 0 ? '—' : `${((100 * part) / whole).toFixed(2)}%`;
}

/** The per-file table the acceptance test prints (and a closing note can quote). */
export function formatScores(files: FileScore[]): string {
  const head = ['file', 'tables', 'continued joined', 'split', 'cells right', 'rows right', 'rows lost'];
  const lines = files.map((f) => [f.file, String(f.tables), `${f.joined}/${f.continued}`, String(f.split), `${percent(f.cellsRight, f.cells)} (${f.cellsRight}/${f.cells})`, `${f.rowsRight}/${f.rows}`, String(f.rowsLost)]);
  const all = fileScore('all', []);
  for (const f of files) for (const key of ['tables', 'continued', 'joined', 'split', 'notFound', 'cells', 'cellsRight', 'rows', 'rowsRight', 'rowsLost'] as const) all[key] += f[key];
  lines.push(['all', String(all.tables), `${all.joined}/${all.continued}`, String(all.split), `${percent(all.cellsRight, all.cells)} (${all.cellsRight}/${all.cells})`, `${all.rowsRight}/${all.rows}`, String(all.rowsLost)]);
  const widths = head.map((h, c) => Math.max(h.length, ...lines.map((l) => l[c]!.length)));
  const row = (cells: string[]) => `| ${cells.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`;
  return [row(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(row)].join('\n');
}
