import type { TextBlock } from '../source';
import type { TableModel } from '../table/model';
import { compactText } from '../amount/normalize';
import { identifyTableKind } from './table-title';
import type { TableKind } from './table-kinds';

/**
 * The 目录 (table of contents) of a disclosure, as far as it lists tables. Two forms exist:
 * numbered lines in the text ("一、收入支出决算总表", "(七) 一般预算支出表") and a table with
 * 报表名称 / 是否空表 / 理由 columns (Shaanxi, seed 004). Section lines of the 说明 part
 * ("五、一般公共预算财政拨款支出决算情况说明") name tables too, so they are not entries.
 */
export interface ContentsEntry {
  /** The line as printed, without its numbering. */
  text: string;
  kind: TableKind;
  /** Where the entry is shown: a text block anchor, or a cell anchor of the contents table. */
  anchor?: string;
  /** The 是否空表 column said 是. */
  declaredEmpty?: boolean;
  /** The 公开空表理由 column, when it gives one. */
  reason?: string;
}

export interface Contents {
  entries: ContentsEntry[];
  /** Anchor of the 目录 itself (its first entry or its table), for findings about the whole list. */
  anchor?: string;
}

/** Fewer listed tables than this is a cross-reference in the text, not a table of contents. */
const MIN_ENTRIES = 3;
const MAX_ENTRY = 60;
const MAX_BLOCKS = 5000;

const NUMBERING = /^(?:[-•·]\s*)?(?:[（(]\s*[一二三四五六七八九十]{1,4}\s*[)）]|[一二三四五六七八九十]{1,4}\s*[、.．]|\d{1,2}\s*(?:[、．]|\.(?!\d))|(?:附表|附件|表)\s*\d{1,2}\s*[、.．:：]?|公开\s*\d{1,2}\s*表\s*[、.．:：]?)\s*/;
/** Leader dots and a page number at the end of a printed contents line ("……3"). */
const LEADER = /\s*(?:[.．…·。_\-—]{2,}\s*\d{0,4}|\s\d{1,4})\s*$/;
const SECTION = /(?:说明|情况|概况|解释|职责|设置)$/;

/** One contents line: its kind when it names a table, else null. */
export function contentsLine(raw: string): { text: string; kind: TableKind } | null {
  if (typeof raw !== 'string' || raw.length > MAX_ENTRY * 2) return null;
  const text = raw.replace(NUMBERING, '').replace(LEADER, '').trim();
  if (!text || text.length > MAX_ENTRY || /[。；;，,：:]/.test(text)) return null;
  const key = compactText(text);
  if (SECTION.test(key)) return null;
  const kind = identifyTableKind(text).kind;
  if (kind === 'unknown' || kind === 'contents') return null;
  return { text, kind };
}

/** Numbered title lines in a row: the longest run of at least MIN_ENTRIES, with no table between them. */
function contentsInText(blocks: readonly TextBlock[], tableSeqs: readonly number[]): Contents | null {
  let best: ContentsEntry[] = [];
  let run: ContentsEntry[] = [];
  let lastSeq = -1;
  const tableBetween = (a: number, b: number): boolean => tableSeqs.some((s) => s > a && s < b);
  for (const block of blocks.slice(0, MAX_BLOCKS)) {
    const numbered = NUMBERING.test(block.text.trim());
    const line = numbered ? contentsLine(block.text.trim()) : null;
    if (line && (!run.length || !tableBetween(lastSeq, block.seq))) {
      run.push({ ...line, anchor: block.anchor });
    } else {
      if (run.length > best.length) best = run;
      run = line ? [{ ...line, anchor: block.anchor }] : [];
    }
    lastSeq = block.seq;
  }
  if (run.length > best.length) best = run;
  return best.length >= MIN_ENTRIES ? { entries: best, anchor: best[0]!.anchor } : null;
}

/** A 目录 published as a table: one row per report, with its name and whether it is empty. */
function contentsInTable(table: TableModel): Contents | null {
  const grid = table.grid;
  let nameCol = -1;
  let emptyCol = -1;
  let reasonCol = -1;
  let headerRow = -1;
  for (let r = 0; r < Math.min(3, grid.height) && headerRow < 0; r += 1) {
    grid.cells[r]!.forEach((cell, c) => {
      const key = compactText(cell.text);
      if (/名称/.test(key) && nameCol < 0) nameCol = c;
      else if (/是否空表|空表$/.test(key) && emptyCol < 0) emptyCol = c;
      else if (/理由|原因|说明/.test(key) && reasonCol < 0) reasonCol = c;
    });
    if (nameCol >= 0) headerRow = r;
  }
  if (nameCol < 0) return null;
  const entries: ContentsEntry[] = [];
  for (let r = headerRow + 1; r < grid.height; r += 1) {
    const row = grid.cells[r]!;
    const nameCell = row[nameCol];
    if (!nameCell) continue;
    const line = contentsLine(nameCell.text);
    if (!line) continue;
    const empty = emptyCol >= 0 ? compactText(row[emptyCol]?.text ?? '') : '';
    const reason = reasonCol >= 0 ? compactText(row[reasonCol]?.text ?? '') : '';
    entries.push({
      ...line,
      ...(nameCell.anchor ? { anchor: nameCell.anchor } : {}),
      ...(empty === '是' ? { declaredEmpty: true } : {}),
      ...(reason ? { reason } : {}),
    });
  }
  return entries.length >= MIN_ENTRIES ? { entries, anchor: table.anchor } : null;
}

/** The document's table of contents: a contents table if there is one, else the longest numbered run of table titles. */
export function findContents(blocks: readonly TextBlock[], tables: readonly TableModel[]): Contents | null {
  for (const table of tables) {
    if (table.kind !== 'contents') continue;
    const found = contentsInTable(table);
    if (found) return found;
  }
  const seqs = tables.map((t) => t.seq).filter((s): s is number => typeof s === 'number');
  return contentsInText(Array.isArray(blocks) ? blocks : [], seqs);
}
