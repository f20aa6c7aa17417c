import Decimal from 'decimal.js';
import type { Unit } from '../amount/units';
import { convert, UNIT_IN_PARENTHESES } from '../amount/units';
import type { Change } from '../report/schema';
import { compactText } from '../amount/normalize';
import { stripEnumerator } from '../table/enumerators';
import type { TableModel } from '../table/model';
import type { BodyRow } from '../table/rows';
import { functionClassByName } from '../document/function-classes';

/**
 * What the tables say, indexed by row name and classification code, so that a sentence's
 * subject ("卫生健康支出", "医疗保障管理事务（款）行政运行（项）") can be bound to the cell it speaks of.
 * Each row contributes its first amount column: 合计 / 预算数 / 本年支出合计.
 */
export interface CellFact {
  table: TableModel;
  row: BodyRow;
  col: number;
  value: Decimal;
  decimals: number;
  unit: Unit;
  name: string;
  code?: string;
  classCode?: string;
}

/** Names compared without numbering, level marks, spaces and a trailing 支出. */
export function nameKey(text: string): string {
  return compactText(stripEnumerator(compactText(text)))
    .replace(/[(（](类|款|项)[)）]/g, '')
    .replace(/[“”"']/g, '')
    .replace(/支出$/, '');
}

export function buildFactIndex(tables: TableModel[]): CellFact[] {
  const facts: CellFact[] = [];
  for (const table of tables) {
    if (!table.unit) continue;
    for (const panel of table.panels) {
      const column = panel.amountColumns[0];
      if (!column) continue;
      // The total row also names its columns' amounts: 人员经费, 公用经费, 年初预算数 …
      const total = panel.rows.find((r) => r.role === 'total');
      if (total) {
        for (const other of panel.amountColumns.slice(1)) {
          const cell = total.values.get(other.index);
          const label = other.path.at(-1)?.label ?? '';
          if (!cell || cell.kind !== 'number' || !label || /合计|总计|小计/.test(label)) continue;
          facts.push({ table, row: total, col: other.index, value: cell.value, decimals: cell.decimals, unit: table.unit, name: nameKey(label.replace(UNIT_IN_PARENTHESES, '')) });
        }
      }
      for (const row of panel.rows) {
        if (row.role === 'note' || row.role === 'of-which' || !row.key) continue;
        const cell = row.values.get(column.index);
        if (!cell || cell.kind === 'text') continue;
        const name = nameKey(row.key);
        const code = row.code && row.code.kind !== 'unit' ? row.code.code : undefined;
        const classCode = code?.length === 3 && row.code?.kind === 'function' ? code : functionClassByName(name) ?? undefined;
        facts.push({
          table,
          row,
          col: column.index,
          value: cell.kind === 'number' ? cell.value : new Decimal(0),
          decimals: cell.kind === 'number' ? cell.decimals : 2,
          unit: table.unit,
          name,
          ...(code ? { code } : {}),
          ...(classCode ? { classCode } : {}),
        });
      }
    }
  }
  return facts;
}

/** Facts whose row is named like the subject, or is the function class the subject names. */
// Words around a subject that do not name the row: who, when, and "budgeted as".
const SUBJECT_PREFIX = /^(?:(?:本单位|本部门|我单位|我部门|单位|部门)?(?:20\d\d年度?|当年|本年度?|年度)?)+/;
const SUBJECT_SUFFIX = /(?:预算安排|预算数|预算|安排|决算数)$/;
// Names the text uses for rows that tables call otherwise.
const ALIASES: Record<string, string[]> = {
  总收入: ['本年收入合计', '收入总计'],
  总支出: ['本年支出合计', '支出总计'],
  收支总计: ['收入总计', '支出总计'],
  // N-11: 机关运行经费 is the 公用经费 of basic expenditure (行政 and 参公 units).
  机关运行经费: ['公用经费', '公用经费合计'],
};

/**
 * Totals the text names after the table that holds them: "收入支出总计" is the 总计 of the
 * 收支总表, "财政拨款收入支出总计" the 总计 of the 财政拨款收支总表 — other tables have 总计 rows too.
 */
const TABLE_TOTALS: Record<string, { kinds: string[]; names: string[] }> = {
  // The claim reader drops a trailing 总计 from subjects: "…2024年度收入支出总计2995.39万元".
  收入支出: { kinds: ['income-expense-summary'], names: ['总计', '收入总计', '支出总计'] },
  财政拨款收入支出: { kinds: ['fiscal-summary'], names: ['总计', '收入总计', '支出总计'] },
  收入支出总计: { kinds: ['income-expense-summary'], names: ['总计', '收入总计', '支出总计'] },
  收支总计: { kinds: ['income-expense-summary'], names: ['总计', '收入总计', '支出总计'] },
  财政拨款收入支出总计: { kinds: ['fiscal-summary'], names: ['总计', '收入总计', '支出总计'] },
  财政拨款收支总计: { kinds: ['fiscal-summary'], names: ['总计', '收入总计', '支出总计'] },
};

/** The subject as a row name: "本单位当年公用经费预算安排" → "公用经费"; "(302)" codes set apart. */
export function subjectKey(subject: string): { key: string; code?: string } {
  const code = /[(（](\d{3,7})[)）]/.exec(subject)?.[1];
  const key = nameKey(subject.replace(/[(（]\d{3,7}[)）]/g, '')).replace(SUBJECT_PREFIX, '').replace(SUBJECT_SUFFIX, '');
  return { key, ...(code ? { code } : {}) };
}

export function factsNamed(facts: CellFact[], subject: string): CellFact[] {
  const { key, code } = subjectKey(subject);
  if (code) {
    const coded = facts.filter((f) => f.code === code);
    if (coded.length) return coded;
  }
  if (key.length < 2) return [];
  // Only the department and the year may stand before the name ("上海市普陀区财政局2024年度收入支出").
  // Compared before nameKey, which drops a trailing 支出 ("收入支出" would become "收入").
  const total = TABLE_TOTALS[compactText(subject).replace(/^.*?20\d\d年度?/, '')];
  if (total) {
    const names = new Set(total.names.map(nameKey));
    const found = facts.filter((f) => total.kinds.includes(f.table.kind) && names.has(f.name));
    if (found.length) return found;
  }
  const classCode = functionClassByName(key);
  const names = new Set([key, ...(ALIASES[key] ?? []).map(nameKey)]);
  return facts.filter((f) => names.has(f.name) || (classCode !== null && f.classCode === classCode && !f.code?.slice(3)));
}

export interface FunctionReference {
  names: [string, string, string];
  /** The 项 row the reference resolves to, or where the resolution stopped. */
  resolved?: CellFact[];
  failedLevel?: 'class' | 'section' | 'item';
  /** Names available at the failed level, for the message. */
  available?: string[];
}

const REFERENCE = /([^（(,，。;；:：、\d]+?)[（(]类[)）]\s*([^（(,，。;；:：、]+?)[（(]款[)）]\s*([^（(,，。;；:：、]+?)[（(]项[)）]/;

/**
 * "卫生健康支出（类）医疗保障管理事务（款）行政运行（项）" resolved level by level through the coded
 * rows: the class by name (old names too), the 款 under it, the 项 under that.
 */
export function resolveReference(text: string, facts: CellFact[]): FunctionReference | null {
  const match = REFERENCE.exec(compactText(text));
  if (!match) return null;
  const names: [string, string, string] = [match[1]!.replace(/^\d+[、.]/, ''), match[2]!, match[3]!];
  const coded = facts.filter((f) => f.code && /^2\d\d/.test(f.code));
  const classCode = functionClassByName(nameKey(names[0])) ?? coded.find((f) => f.code!.length === 3 && f.name === nameKey(names[0]))?.code;
  if (!classCode) return { names, failedLevel: 'class', available: [] };
  const sections = coded.filter((f) => f.code!.length === 5 && f.code!.startsWith(classCode));
  const section = sections.filter((f) => f.name === nameKey(names[1]));
  if (!section.length) return { names, failedLevel: 'section', available: [...new Set(sections.map((f) => `${f.code} ${f.row.label}`))] };
  const sectionCode = section[0]!.code!;
  const items = coded.filter((f) => f.code!.length === 7 && f.code!.startsWith(sectionCode));
  const item = items.filter((f) => f.name === nameKey(names[2]));
  if (!item.length) return { names, failedLevel: 'item', available: [...new Set(items.map((f) => `${f.code} ${f.row.label}`))] };
  return { names, resolved: item };
}

/**
 * A change stated in the text is shown beside the table row it concerns: the row its words name
 * whose amount is the sentence's current figure.
 */
export function bindStatedChanges(changes: Change[], facts: CellFact[]): void {
  for (const change of changes) {
    if (change.basis !== 'stated' || change.cell) continue;
    const current = new Decimal(change.current);
    const decimals = change.current.includes('.') ? change.current.split('.')[1]!.length : 0;
    // The text shows the table's amount rounded to its own decimals (元 tables, 万元 text).
    const ulp = new Decimal(10).pow(-decimals);
    const fact = factsNamed(facts, change.label).find((f) => convert(f.value, f.unit, change.unit as Unit).minus(current).abs().lessThanOrEqualTo(ulp));
    if (!fact) continue;
    const cell = fact.table.grid.cells[fact.row.row]?.[fact.col];
    change.cell = {
      tableId: fact.table.id,
      row: fact.row.row,
      col: fact.col,
      ...(fact.table.page ? { page: fact.table.page } : {}),
      ...(cell?.anchor ? { anchor: cell.anchor } : {}),
      label: fact.row.label,
    };
  }
}

const SECTION_REFERENCE = /([^（(,，。;；:：、\d]+?)[（(]类[)）]\s*([^（(,，。;；:：、]+?)[（(]款[)）](?!\s*[^（(,，。;；:：、]{0,30}[（(]项[)）])/g;

export interface LevelSlip {
  names: [string, string];
  /** The 项 the text called a 款, and the 款 it belongs to. */
  item: CellFact;
  section?: CellFact;
  start: number;
  end: number;
}

/**
 * "卫生健康支出（类）医疗保障经办事务（款）" where 医疗保障经办事务 is a 项 of the class, not a 款
 * (rulebook C-02, seed 004-05): the level named in the text is the wrong one.
 */
export function levelSlips(text: string, facts: CellFact[]): LevelSlip[] {
  const slips: LevelSlip[] = [];
  const coded = facts.filter((f) => f.code && /^2\d\d/.test(f.code));
  for (const match of text.matchAll(SECTION_REFERENCE)) {
    const names: [string, string] = [match[1]!.replace(/^\d+[、.]/, ''), match[2]!];
    const classCode = functionClassByName(nameKey(names[0]));
    if (!classCode) continue;
    const key = nameKey(names[1]);
    if (coded.some((f) => f.code!.length === 5 && f.code!.startsWith(classCode) && f.name === key)) continue;
    const item = coded.find((f) => f.code!.length === 7 && f.code!.startsWith(classCode) && f.name === key);
    if (!item) continue;
    const section = coded.find((f) => f.code === item.code!.slice(0, 5));
    slips.push({ names, item, ...(section ? { section } : {}), start: match.index!, end: match.index! + match[0].length });
  }
  return slips;
}
