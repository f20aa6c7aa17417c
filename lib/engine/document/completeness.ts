import type { TextBlock } from '../source';
import type { TableModel } from '../table/model';
import { compactText } from '../amount/normalize';
import { kindEntry, requiredKinds } from './table-kinds';
import type { TableKind } from './table-kinds';
import type { Contents } from './contents';
import { contentsLine } from './contents';

/**
 * Which of the required tables a disclosure publishes (rulebook §1.1–1.3). 143号 wants every
 * standard table published, an empty one "列出空表并说明". So each required table is present,
 * present-and-empty with a note (fine), empty without a note, or missing.
 *
 * The 国有资本经营预算 table is the budget's ninth table only in templates that have it (the
 * 2019+ central set, Hunan, Henan); the 2020 Hunan set and Shaanxi's 部门综合预算 do not. It is
 * required when the document shows it or its 目录 lists it, and otherwise not counted.
 */
export type RequiredStatus = 'present' | 'empty-noted' | 'empty' | 'missing';

export interface RequiredTable {
  kind: TableKind;
  /** Canonical name from the catalogue. */
  name: string;
  status: RequiredStatus;
  /** The table (or the first of them) when present. */
  tableId?: string;
  /** Anchor of the table, of its printed title when only the title is there, or of its 目录 line. */
  anchor?: string;
  /** The note that explains an empty table. */
  note?: string;
  /** The 目录 lists the table. */
  listed?: boolean;
}

export interface Completeness {
  family: 'budget' | 'final';
  tables: RequiredTable[];
  /** One line for the popup: "9 张必需表格：齐全", "9 张必需表格：缺 2 张（收入决算表、…）". */
  summary: string;
}

/** A table title printed with its unit line but with no table under it: a table published empty. */
export interface TableShell {
  kind: TableKind;
  title: string;
  anchor: string;
  seq: number;
  /** Notes printed right under the title ("注：如本表格为空，则表示…"). */
  notes: string[];
}

const CONDITIONAL: Partial<Record<'budget' | 'final', TableKind[]>> = { budget: ['state-capital-expense'] };

const EMPTY_NOTE = /空表|无数据|为空|无此项|无此类|无相关|无发生|不涉及|未安排|没有|无当年|无(?:政府性基金|国有资本经营|.{0,6}收支)/;
const META_LINE = /^[（(]?\s*(?:金额|计量)?\s*单\s*位\s*[:：]|^(?:编制|填报|主管)?(?:部门|单位)(?:名称)?\s*[:：]/;
/** Lines printed between a title and its table that say nothing about it: "2024年度", "公开03表", "表1", "附件6". */
const NUMBER_OR_DATE = /^(?:[（(]?\s*(?:\d{4}|[〇零○一二三四五六七八九]{4})\s*年度?\s*[)）]?|公开\s*\d{1,2}\s*表|(?:附表|附件|表)\s*\d{1,3}(?:-\d{1,3})?|[-—\s]*\d{1,4}[-—\s]*)$/;
const GENERAL_NOTE = /空表表示|如本表(?:格)?为空|表(?:格)?为空(?:的|，|,)?(?:则)?表示|公开空表/;
/** Words in a sentence that say which table an empty-table note concerns. */
const KIND_WORDS: Partial<Record<TableKind, RegExp>> = {
  'fund-expense': /政府性基金/,
  'state-capital-expense': /国有资本经营/,
  'three-public': /三公/,
  'income-summary': /收入(?:决算)?(?:总)?表/,
  'expense-summary': /支出(?:决算)?(?:总)?表/,
  'general-expense': /一般公共预算(?:财政拨款)?支出/,
  'general-basic-expense': /基本支出/,
  'fiscal-summary': /财政拨款收支|财政拨款收入支出/,
};
const MAX_BLOCKS = 5000;

function isEmptyTable(table: TableModel): boolean {
  for (const panel of table.panels) for (const row of panel.rows) for (const value of row.values.values()) if (value.kind === 'number') return false;
  return true;
}

/** Titles standing alone with their unit lines: "收入总表" / "单位：…" / "金额单位：元", then the next title. */
export function findShells(blocks: readonly TextBlock[], tables: readonly TableModel[], contents: Contents | null): TableShell[] {
  const listed = new Set((contents?.entries ?? []).map((e) => e.anchor));
  const tableSeqs = tables.map((t) => t.seq).filter((s): s is number => typeof s === 'number');
  const items = blocks.slice(0, MAX_BLOCKS);
  const shells: TableShell[] = [];
  for (let i = 0; i < items.length; i += 1) {
    const block = items[i]!;
    if (listed.has(block.anchor) || block.text.length > 80) continue;
    const line = contentsLine(block.text.trim());
    if (!line || !/表\s*(?:[（(][^（()）]{0,30}[)）]\s*)*$/.test(line.text)) continue;
    let meta = 0;
    const notes: string[] = [];
    let j = i + 1;
    for (; j < Math.min(items.length, i + 6); j += 1) {
      const text = items[j]!.text.trim();
      if (META_LINE.test(text)) meta += 1;
      else if (NUMBER_OR_DATE.test(text)) continue;
      else if (/^注|^说明/.test(text) || (text.length < 80 && EMPTY_NOTE.test(text))) notes.push(text);
      else break;
    }
    if (!meta) continue;
    // A table right after the title lines is the title's own table.
    const nextSeq = j < items.length ? items[j]!.seq : Number.POSITIVE_INFINITY;
    if (tableSeqs.some((s) => s > block.seq && s < nextSeq)) continue;
    shells.push({ kind: line.kind, title: line.text, anchor: block.anchor, seq: block.seq, notes });
  }
  return shells;
}

interface NoteSources {
  general?: string;
  sentences: string[];
}

function noteSources(blocks: readonly TextBlock[]): NoteSources {
  let general: string | undefined;
  const sentences: string[] = [];
  for (const block of blocks.slice(0, MAX_BLOCKS)) {
    for (const sentence of block.text.split(/[。；;\n]/)) {
      const key = compactText(sentence);
      if (!key || key.length > 200) continue;
      if (!general && GENERAL_NOTE.test(key)) general = sentence.trim();
      if (EMPTY_NOTE.test(key)) sentences.push(key);
    }
  }
  return general ? { general, sentences } : { sentences };
}

/** The note explaining why a table is empty: its own lines, a 目录 reason, a sentence naming it or its number, or a note on all empty tables. */
function noteFor(kind: TableKind, own: readonly string[], number: string | undefined, sources: NoteSources, contents: Contents | null): string | undefined {
  const ownNote = own.find((line) => EMPTY_NOTE.test(compactText(line)));
  if (ownNote) return ownNote;
  const entry = contents?.entries.find((e) => e.kind === kind && (e.declaredEmpty || e.reason));
  if (entry?.declaredEmpty) return `目录：${entry.reason || '空表'}`;
  const words = KIND_WORDS[kind];
  const digits = number?.match(/\d{1,3}/)?.[0];
  for (const sentence of sources.sentences) {
    if (words?.test(sentence) && /空表|无数据|为空|没有|无|未安排|不涉及/.test(sentence)) return sentence;
    // "附表7、12、13、14表为空"
    if (digits && /(?:附表|附件|表)[\d、,，和及\s-]*为空|空表/.test(sentence)) {
      const list = /(?:附表|附件|表)([\d、,，和及\s]+)(?:表)?(?:为空|是空表|为空表)/.exec(sentence);
      if (list && list[1]!.split(/[、,，和及\s]+/).includes(String(Number(digits)))) return sentence;
    }
  }
  return sources.general;
}

/**
 * Only a disclosure that publishes its table set is held to it: a page with the 三公 table alone
 * (many portals publish 三公 separately) or one table in a news item is not "missing" eight.
 * At least three standard tables shown make a full set; a 目录 alone does not (the tables may be
 * published as a separate file).
 */
export const MIN_STANDARD_TABLES = 3;

export function expectsFullSet(family: 'budget' | 'final', tables: readonly TableModel[], shells: readonly TableShell[]): boolean {
  const required = new Set(requiredKinds(family));
  const shown = new Set([...tables.map((t) => t.kind), ...shells.map((s) => s.kind)].filter((k) => required.has(k as TableKind)));
  // A narrative whose tables come in another file (a 说明 PDF beside a 报表 PDF) lists them but shows none.
  return shown.size >= MIN_STANDARD_TABLES;
}

export function assessCompleteness(
  family: 'budget' | 'final',
  tables: readonly TableModel[],
  blocks: readonly TextBlock[],
  contents: Contents | null,
  shells: readonly TableShell[] = findShells(blocks, tables, contents),
): Completeness {
  const sources = noteSources(blocks);
  const listedKinds = new Set((contents?.entries ?? []).map((e) => e.kind));
  const result: RequiredTable[] = [];
  for (const kind of requiredKinds(family)) {
    const name = kindEntry(kind, family).name;
    const present = tables.filter((t) => t.kind === kind);
    const shell = shells.find((s) => s.kind === kind);
    const listed = listedKinds.has(kind);
    const conditional = CONDITIONAL[family]?.includes(kind) ?? false;
    if (!present.length && !shell) {
      if (conditional && !listed) continue;
      const entry = contents?.entries.find((e) => e.kind === kind);
      result.push({ kind, name, status: 'missing', ...(entry?.anchor ? { anchor: entry.anchor } : {}), ...(listed ? { listed } : {}) });
      continue;
    }
    const withData = present.find((t) => !isEmptyTable(t));
    if (withData) {
      result.push({ kind, name, status: 'present', tableId: withData.id, anchor: withData.anchor, ...(listed ? { listed } : {}) });
      continue;
    }
    const table = present[0];
    const own = table ? [...table.grid.cells.flat().map((c) => c.text), ...notesAround(table)] : shell!.notes;
    const note = noteFor(kind, own, table?.number, sources, contents);
    result.push({
      kind,
      name,
      status: note ? 'empty-noted' : 'empty',
      ...(table ? { tableId: table.id, anchor: table.anchor } : { anchor: shell!.anchor }),
      ...(note ? { note } : {}),
      ...(listed ? { listed } : {}),
    });
  }
  return { family, tables: result, summary: summaryLine(result) };
}

function notesAround(table: TableModel): string[] {
  return [table.title, ...(table.after ?? [])];
}

export function summaryLine(tables: readonly RequiredTable[]): string {
  const missing = tables.filter((t) => t.status === 'missing');
  const empty = tables.filter((t) => t.status === 'empty');
  const noted = tables.filter((t) => t.status === 'empty-noted');
  const parts: string[] = [];
  if (missing.length) parts.push(`缺 ${missing.length} 张（${missing.map((t) => t.name).join('、')}）`);
  if (empty.length) parts.push(`${empty.length} 张空表未说明（${empty.map((t) => t.name).join('、')}）`);
  const head = `${tables.length} 张必需表格：`;
  if (!parts.length) return `${head}齐全${noted.length ? `（其中 ${noted.length} 张为空表，已说明）` : ''}`;
  return head + parts.join('；');
}
